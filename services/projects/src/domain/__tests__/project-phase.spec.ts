import {
  PHASE_LABELS,
  PROJECT_PHASES,
  ProjectPhase,
  ProjectPhaseState,
  SUSPENDABLE_PHASES,
  SuspendablePhase,
  TransitionRejection,
  TransitionRequest,
  TransitionResult,
  TransitionSuccess,
  allowedNextPhases,
  initialPhaseState,
  transition,
} from '../project-phase';
import { RuleError } from '@xiaojian/domain-kernel';

const TODAY = '2025-06-15';
const SINCE = '2025-01-10';

const construction = { contractorName: '某某建设集团有限公司', contractAmountFen: 12_345_678_00, actualStartDate: '2025-03-01' };
const acceptance = { acceptanceDate: '2025-06-01', deliveredSeats: 1350, deliveredFloorAreaM2: 12500.5, finalCostFen: 98_765_432_10 };

/** A request carrying every piece of data any transition could require. */
const fullRequest = (to: ProjectPhase, extra: Partial<TransitionRequest> = {}): TransitionRequest => ({
  to, businessDate: '2025-06-01', actor: '张三', reason: '按计划推进', construction, acceptance, ...extra,
});

const stateOf = (phase: ProjectPhase, suspendedFrom?: SuspendablePhase): ProjectPhaseState =>
  phase === 'suspended' ? { phase, since: SINCE, suspendedFrom: suspendedFrom! } : { phase, since: SINCE };

function expectOk(r: TransitionResult): TransitionSuccess {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.error)}`);
  return r.value;
}
function expectRejected(r: TransitionResult): TransitionRejection {
  if (r.ok) throw new Error(`expected rejection, got ${JSON.stringify(r.value)}`);
  return r.error;
}
const codesOf = (r: TransitionResult) => expectRejected(r).errors.map((e) => `${e.field}:${e.code}`);

// The legal moves written out by hand, independent of the implementation.
const LEGAL: Record<string, ProjectPhase[]> = {
  approved: ['preparation', 'suspended', 'cancelled'],
  preparation: ['tendering', 'suspended', 'cancelled'],
  tendering: ['under_construction', 'suspended', 'cancelled'],
  under_construction: ['completed', 'suspended', 'cancelled'],
  completed: ['accepted', 'suspended', 'cancelled'],
  accepted: ['in_use', 'suspended', 'cancelled'],
  in_use: [],
  cancelled: [],
  'suspended<approved': ['approved', 'cancelled'],
  'suspended<preparation': ['preparation', 'cancelled'],
  'suspended<tendering': ['tendering', 'cancelled'],
  'suspended<under_construction': ['under_construction', 'cancelled'],
  'suspended<completed': ['completed', 'cancelled'],
  'suspended<accepted': ['accepted', 'cancelled'],
};

const FROM_STATES: [string, ProjectPhaseState][] = Object.keys(LEGAL).map((key) => {
  const [phase, from] = key.split('<') as [ProjectPhase, SuspendablePhase | undefined];
  return [key, stateOf(phase, from)];
});

describe('phase catalogue', () => {
  it('lists the seven main-line phases in order, then suspended and cancelled', () => {
    expect(PROJECT_PHASES).toEqual(['approved', 'preparation', 'tendering', 'under_construction', 'completed', 'accepted', 'in_use', 'suspended', 'cancelled']);
  });

  it('has Chinese and English labels for every phase', () => {
    expect(PHASE_LABELS.approved).toEqual({ zh: '立项', en: 'Approved' });
    expect(PHASE_LABELS.preparation.zh).toBe('前期手续');
    expect(PHASE_LABELS.tendering.zh).toBe('招投标');
    expect(PHASE_LABELS.under_construction.zh).toBe('在建');
    expect(PHASE_LABELS.completed.zh).toBe('竣工');
    expect(PHASE_LABELS.accepted.zh).toBe('竣工验收');
    expect(PHASE_LABELS.in_use.zh).toBe('投入使用');
    expect(PHASE_LABELS.suspended.zh).toBe('暂停');
    expect(PHASE_LABELS.cancelled.zh).toBe('取消');
    for (const p of PROJECT_PHASES) expect(PHASE_LABELS[p].en).toBeTruthy();
  });

  it('starts a new project as approved on its approval date', () => {
    expect(initialPhaseState('2025-01-01')).toEqual({ phase: 'approved', since: '2025-01-01' });
  });
});

describe('allowedNextPhases', () => {
  it.each(FROM_STATES)('from %s', (key, state) => {
    expect([...allowedNextPhases(state)].sort()).toEqual([...LEGAL[key]].sort());
  });

  it('lets a corrupt suspended state (no origin) only be cancelled', () => {
    expect(allowedNextPhases({ phase: 'suspended', since: SINCE } as unknown as ProjectPhaseState)).toEqual(['cancelled']);
  });
});

describe('transition: every phase pair', () => {
  const pairs = FROM_STATES.flatMap(([key, state]) => PROJECT_PHASES.map((to) => [key, to, state, LEGAL[key].includes(to)] as const));

  it('covers all 14 × 9 combinations', () => expect(pairs).toHaveLength(126));

  it.each(pairs.filter((p) => p[3]))('%s → %s is legal', (_key, to, state) => {
    const { state: next, record } = expectOk(transition(state, fullRequest(to), TODAY));
    expect(next.phase).toBe(to);
    expect(next.since).toBe('2025-06-01');
    expect(record.from).toBe(state.phase);
    expect(record.to).toBe(to);
    expect(record.actor).toBe('张三');
    expect(record.businessDate).toBe('2025-06-01');
  });

  it.each(pairs.filter((p) => !p[3]))('%s → %s is refused with the allowed phases (409)', (key, to, state) => {
    const rejection = expectRejected(transition(state, fullRequest(to), TODAY));
    expect(rejection.code).toBe('transition_not_allowed');
    expect(rejection.currentPhase).toBe(state.phase);
    expect(rejection.requestedPhase).toBe(to);
    expect([...rejection.allowedNextPhases].sort()).toEqual([...LEGAL[key]].sort());
    expect(rejection.errors).toEqual([expect.objectContaining({ field: 'to', code: 'transition_not_allowed' })]);
    expect(rejection.zh).toContain(PHASE_LABELS[state.phase].zh);
    expect(rejection.en).toContain(PHASE_LABELS[state.phase].en);
  });
});

describe('transition: kinds and resulting state', () => {
  it('advances one step and classifies the move as advance', () => {
    const { record } = expectOk(transition(stateOf('approved'), fullRequest('preparation'), TODAY));
    expect(record.kind).toBe('advance');
  });

  it('does not allow skipping a phase', () => {
    for (const to of ['tendering', 'under_construction', 'completed', 'accepted', 'in_use'] as const) {
      expect(expectRejected(transition(stateOf('approved'), fullRequest(to), TODAY)).code).toBe('transition_not_allowed');
    }
  });

  it.each(SUSPENDABLE_PHASES.map((p) => [p]))('suspending from %s remembers the phase and resumes only to it', (phase) => {
    const suspended = expectOk(transition(stateOf(phase), fullRequest('suspended'), TODAY));
    expect(suspended.state).toEqual({ phase: 'suspended', since: '2025-06-01', suspendedFrom: phase });
    expect(suspended.record.kind).toBe('suspend');
    const resumed = expectOk(transition(suspended.state, fullRequest(phase, { businessDate: '2025-06-10' }), TODAY));
    expect(resumed.state).toEqual({ phase, since: '2025-06-10' });
    expect(resumed.record.kind).toBe('resume');
    expect(resumed.record.from).toBe('suspended');
  });

  it('marks a cancellation as cancel and keeps the reason', () => {
    const { state, record } = expectOk(transition(stateOf('tendering'), fullRequest('cancelled', { reason: '  选址调整  ' }), TODAY));
    expect(state).toEqual({ phase: 'cancelled', since: '2025-06-01' });
    expect(record.kind).toBe('cancel');
    expect(record.reason).toBe('选址调整');
  });

  it('can cancel a suspended project', () => {
    const { record } = expectOk(transition(stateOf('suspended', 'under_construction'), fullRequest('cancelled'), TODAY));
    expect(record).toMatchObject({ from: 'suspended', to: 'cancelled', kind: 'cancel' });
  });

  it('does not mutate the input state', () => {
    const state = stateOf('approved');
    const copy = { ...state };
    transition(state, fullRequest('preparation'), TODAY);
    expect(state).toEqual(copy);
  });

  it('leaves the reason out of the record when none is given', () => {
    const { record } = expectOk(transition(stateOf('approved'), fullRequest('preparation', { reason: undefined }), TODAY));
    expect(record).not.toHaveProperty('reason');
    const blank = expectOk(transition(stateOf('approved'), fullRequest('preparation', { reason: '   ' }), TODAY));
    expect(blank.record).not.toHaveProperty('reason');
  });

  it('walks the whole main line', () => {
    let state = initialPhaseState('2024-01-01');
    const dates = ['2024-02-01', '2024-03-01', '2024-04-01', '2025-01-01', '2025-02-01', '2025-03-01'];
    ['preparation', 'tendering', 'under_construction', 'completed', 'accepted', 'in_use'].forEach((to, i) => {
      state = expectOk(transition(state, fullRequest(to as ProjectPhase, { businessDate: dates[i] }), TODAY)).state;
    });
    expect(state).toEqual({ phase: 'in_use', since: '2025-03-01' });
    expect(allowedNextPhases(state)).toEqual([]);
  });
});

describe('transition: data common to every move', () => {
  const approved = stateOf('approved');

  it('refuses an unknown target phase as invalid input', () => {
    const r = expectRejected(transition(approved, fullRequest('started' as ProjectPhase), TODAY));
    expect(r.code).toBe('invalid_transition_request');
    expect(r.errors).toEqual([expect.objectContaining({ field: 'to', code: 'unknown_phase' })]);
    expect(r.allowedNextPhases).toEqual(['preparation', 'suspended', 'cancelled']);
  });

  it('accepts a business date in the past and today itself', () => {
    expectOk(transition(approved, fullRequest('preparation', { businessDate: '2025-02-01' }), TODAY));
    expectOk(transition(approved, fullRequest('preparation', { businessDate: TODAY }), TODAY));
  });

  it('refuses a business date after today', () => {
    expect(codesOf(transition(approved, fullRequest('preparation', { businessDate: '2025-06-16' }), TODAY))).toEqual(['businessDate:date_in_future']);
  });

  it('refuses a business date before the previous transition, accepts the same day', () => {
    expect(codesOf(transition(approved, fullRequest('preparation', { businessDate: '2025-01-09' }), TODAY))).toEqual(['businessDate:before_previous_transition']);
    expectOk(transition(approved, fullRequest('preparation', { businessDate: SINCE }), TODAY));
  });

  it.each([['2025-6-1'], ['2025-02-30'], ['20250601'], [''], [undefined], [20250601]])('refuses business date %p', (businessDate) => {
    const codes = codesOf(transition(approved, fullRequest('preparation', { businessDate: businessDate as string }), TODAY));
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatch(/^businessDate:(invalid_date|required)$/);
  });

  it.each([[''], ['   '], [undefined]])('requires an actor (%p)', (actor) => {
    expect(codesOf(transition(approved, fullRequest('preparation', { actor: actor as string }), TODAY))).toEqual(['actor:required']);
  });

  it('refuses an over-long reason', () => {
    expect(codesOf(transition(approved, fullRequest('preparation', { reason: 'x'.repeat(1001) }), TODAY))).toEqual(['reason:too_long']);
  });

  it('requires a non-empty reason to cancel', () => {
    for (const reason of [undefined, '', '  ']) {
      const r = expectRejected(transition(approved, fullRequest('cancelled', { reason }), TODAY));
      expect(r.code).toBe('invalid_transition_request');
      expect(r.errors.map((e) => `${e.field}:${e.code}`)).toEqual(['reason:required']);
      expect(r.errors[0].zh).toContain('取消原因');
    }
  });

  it('requires a non-empty reason to suspend (the ProjectSuspendedV1 contract carries it)', () => {
    for (const reason of [undefined, '', '  ']) {
      const r = expectRejected(transition(approved, fullRequest('suspended', { reason }), TODAY));
      expect(r.code).toBe('invalid_transition_request');
      expect(r.errors.map((e) => `${e.field}:${e.code}`)).toEqual(['reason:required']);
      expect(r.errors[0].zh).toContain('暂停原因');
    }
    expect(expectOk(transition(approved, fullRequest('suspended', { reason: ' 资金未到位 ' }), TODAY)).record.reason).toBe('资金未到位');
  });

  it('reports all data errors at once', () => {
    const r = expectRejected(transition(stateOf('tendering'), { to: 'under_construction', businessDate: '2030-01-01', actor: '', construction: {} }, TODAY));
    expect(r.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'businessDate:date_in_future',
      'actor:required',
      'construction.contractorName:required',
      'construction.contractAmountFen:required',
      'construction.actualStartDate:required',
    ]);
    for (const e of r.errors) {
      expect(e.zh).toMatch(/[\u4e00-\u9fa5]/);
      expect(e.en).toMatch(/[a-z]/);
    }
  });

  it('checks legality before data: an illegal move with bad data is a 409, not a 422', () => {
    const r = expectRejected(transition(stateOf('in_use'), { to: 'cancelled', businessDate: 'nope', actor: '' }, TODAY));
    expect(r.code).toBe('transition_not_allowed');
    expect(r.allowedNextPhases).toEqual([]);
  });

  it('throws a RuleError when today is not a date (programmer error)', () => {
    expect(() => transition(approved, fullRequest('preparation'), '2025/06/15')).toThrow(RuleError);
  });
});

describe('transition: entering under_construction', () => {
  const tendering = stateOf('tendering');
  const go = (c: TransitionRequest['construction']) => transition(tendering, fullRequest('under_construction', { construction: c }), TODAY);

  it('records the construction data, trimmed', () => {
    const { record } = expectOk(go({ ...construction, contractorName: '  某某建设  ' }));
    expect(record.construction).toEqual({ ...construction, contractorName: '某某建设' });
  });

  it('requires the construction block', () => {
    expect(codesOf(go(undefined))).toEqual([
      'construction.contractorName:required', 'construction.contractAmountFen:required', 'construction.actualStartDate:required',
    ]);
  });

  it.each([
    [0, 'too_small'], [-100, 'too_small'], [1.5, 'not_integer'], ['100', 'not_integer'], [Number.NaN, 'not_integer'],
    [1e13 + 1, 'too_large'], [2 ** 53, 'too_large'],
  ])('refuses contract amount %p (%s)', (amount, code) => {
    expect(codesOf(go({ ...construction, contractAmountFen: amount }))).toEqual([`construction.contractAmountFen:${code}`]);
  });

  it('accepts the smallest and largest contract amounts', () => {
    expectOk(go({ ...construction, contractAmountFen: 1 }));
    expectOk(go({ ...construction, contractAmountFen: 1e13 }));
  });

  it('refuses an actual start date after today or malformed', () => {
    expect(codesOf(go({ ...construction, actualStartDate: '2025-06-16' }))).toEqual(['construction.actualStartDate:date_in_future']);
    expect(codesOf(go({ ...construction, actualStartDate: '2025-13-01' }))).toEqual(['construction.actualStartDate:invalid_date']);
  });

  it('refuses an over-long contractor name', () => {
    expect(codesOf(go({ ...construction, contractorName: '建'.repeat(201) }))).toEqual(['construction.contractorName:too_long']);
  });

  it('does not ask for construction data when resuming into under_construction', () => {
    const r = transition(stateOf('suspended', 'under_construction'), { to: 'under_construction', businessDate: '2025-06-01', actor: '李四' }, TODAY);
    expect(expectOk(r).record).not.toHaveProperty('construction');
  });

  it('does not attach construction data to other moves', () => {
    expect(expectOk(transition(stateOf('approved'), fullRequest('preparation'), TODAY)).record).not.toHaveProperty('construction');
  });
});

describe('transition: entering accepted', () => {
  const completed = stateOf('completed');
  const go = (a: TransitionRequest['acceptance']) => transition(completed, fullRequest('accepted', { acceptance: a }), TODAY);

  it('records the acceptance data', () => {
    expect(expectOk(go(acceptance)).record.acceptance).toEqual(acceptance);
  });

  it('accepts zeros for seats, area and cost', () => {
    expectOk(go({ ...acceptance, deliveredSeats: 0, deliveredFloorAreaM2: 0, finalCostFen: 0 }));
  });

  it('requires every acceptance field', () => {
    expect(codesOf(go(undefined))).toEqual([
      'acceptance.acceptanceDate:required', 'acceptance.deliveredSeats:required',
      'acceptance.deliveredFloorAreaM2:required', 'acceptance.finalCostFen:required',
    ]);
  });

  it.each([
    ['deliveredSeats', -1, 'too_small'], ['deliveredSeats', 10.5, 'not_integer'], ['deliveredSeats', 20_001, 'too_large'],
    ['deliveredFloorAreaM2', -0.1, 'too_small'], ['deliveredFloorAreaM2', Infinity, 'not_number'], ['deliveredFloorAreaM2', 1_000_001, 'too_large'],
    ['finalCostFen', -1, 'too_small'], ['finalCostFen', 0.5, 'not_integer'], ['finalCostFen', 1e14, 'too_large'],
    ['acceptanceDate', '2025-07-01', 'date_in_future'], ['acceptanceDate', '2025-02-29', 'invalid_date'],
  ])('refuses %s = %p (%s)', (field, value, code) => {
    expect(codesOf(go({ ...acceptance, [field]: value }))).toEqual([`acceptance.${field}:${code}`]);
  });

  it('does not ask for acceptance data when resuming into accepted', () => {
    expectOk(transition(stateOf('suspended', 'accepted'), { to: 'accepted', businessDate: '2025-06-01', actor: '李四' }, TODAY));
  });
});
