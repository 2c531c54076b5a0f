import { PhaseDates, actualPhaseDates, isOverdue, milestoneTable, plannedDatesFromPlan } from '../milestones';
import { PhaseTransitionRecord, ProjectPhaseState } from '../project-phase';

const planned: PhaseDates = {
  preparation: '2025-02-01',
  tendering: '2025-03-01',
  under_construction: '2025-04-01',
  completed: '2025-12-31',
  accepted: '2026-02-28',
  in_use: '2026-03-01',
};
const at = (phase: Exclude<ProjectPhaseState['phase'], 'suspended'>): ProjectPhaseState => ({ phase, since: '2025-01-01' });

describe('plannedDatesFromPlan', () => {
  it('maps planned start to under_construction and planned completion to completed', () => {
    expect(plannedDatesFromPlan({ plannedStartDate: '2025-04-01', plannedCompletionDate: '2025-12-31' })).toEqual({
      under_construction: '2025-04-01', completed: '2025-12-31',
    });
  });
});

describe('actualPhaseDates', () => {
  const t = (kind: PhaseTransitionRecord['kind'], to: PhaseTransitionRecord['to'], businessDate: string) => ({ kind, to, businessDate });

  it('takes the first forward entry into each phase and ignores suspend/resume/cancel', () => {
    const dates = actualPhaseDates([
      t('advance', 'preparation', '2025-02-03'),
      t('advance', 'tendering', '2025-03-10'),
      t('suspend', 'suspended', '2025-03-20'),
      t('resume', 'tendering', '2025-05-01'),
      t('advance', 'under_construction', '2025-06-01'),
      t('cancel', 'cancelled', '2025-06-10'),
    ], '2025-01-05');
    expect(dates).toEqual({ approved: '2025-01-05', preparation: '2025-02-03', tendering: '2025-03-10', under_construction: '2025-06-01' });
  });

  it('is empty without transitions or approval date', () => expect(actualPhaseDates([])).toEqual({}));
});

describe('milestoneTable', () => {
  it('lists every main-line phase with planned, actual and variance (positive = late)', () => {
    const rows = milestoneTable(planned, { approved: '2025-01-05', preparation: '2025-01-30', tendering: '2025-03-11' });
    expect(rows.map((r) => r.phase)).toEqual(['approved', 'preparation', 'tendering', 'under_construction', 'completed', 'accepted', 'in_use']);
    expect(rows[0]).toEqual({ phase: 'approved', actual: '2025-01-05' });
    expect(rows[1]).toEqual({ phase: 'preparation', planned: '2025-02-01', actual: '2025-01-30', varianceDays: -2 });
    expect(rows[2]).toEqual({ phase: 'tendering', planned: '2025-03-01', actual: '2025-03-11', varianceDays: 10 });
    expect(rows[3]).toEqual({ phase: 'under_construction', planned: '2025-04-01' });
  });
});

describe('isOverdue', () => {
  it('is not overdue on the planned date itself', () => {
    expect(isOverdue({ state: at('preparation'), planned }, '2025-03-01')).toEqual({ overdue: false, milestones: [] });
  });

  it('is overdue the day after a planned date passes without the phase being reached', () => {
    expect(isOverdue({ state: at('preparation'), planned }, '2025-03-02')).toEqual({
      overdue: true, milestones: [{ phase: 'tendering', plannedDate: '2025-03-01', daysOverdue: 1 }],
    });
  });

  it('lists every missed milestone with days overdue', () => {
    // Still in preparation on 2026-01-10: tendering (2025-03-01), start (2025-04-01) and completion (2025-12-31) are missed.
    expect(isOverdue({ state: at('preparation'), planned }, '2026-01-10').milestones).toEqual([
      { phase: 'tendering', plannedDate: '2025-03-01', daysOverdue: 315 },
      { phase: 'under_construction', plannedDate: '2025-04-01', daysOverdue: 284 },
      { phase: 'completed', plannedDate: '2025-12-31', daysOverdue: 10 },
    ]);
  });

  it('does not count phases already reached, even if reached late', () => {
    expect(isOverdue({ state: at('under_construction'), planned }, '2025-12-31').overdue).toBe(false);
  });

  it('keeps the clock running while suspended, counting from the phase it left', () => {
    const state: ProjectPhaseState = { phase: 'suspended', since: '2025-03-15', suspendedFrom: 'tendering' };
    expect(isOverdue({ state, planned }, '2025-04-11').milestones).toEqual([
      { phase: 'under_construction', plannedDate: '2025-04-01', daysOverdue: 10 },
    ]);
  });

  it('treats a recorded actual date as reached', () => {
    expect(isOverdue({ state: at('preparation'), planned, actual: { tendering: '2025-03-05' } }, '2025-03-20').overdue).toBe(false);
  });

  it.each([['cancelled'], ['in_use']] as const)('is never overdue when %s', (phase) => {
    expect(isOverdue({ state: at(phase), planned }, '2030-01-01')).toEqual({ overdue: false, milestones: [] });
  });

  it('ignores phases without a planned date', () => {
    expect(isOverdue({ state: at('approved'), planned: { completed: '2025-12-31' } }, '2025-11-30').overdue).toBe(false);
  });

  it('requires a valid today', () => {
    expect(() => isOverdue({ state: at('approved'), planned }, 'today')).toThrow();
  });
});
