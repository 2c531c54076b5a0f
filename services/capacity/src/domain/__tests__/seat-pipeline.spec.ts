import { RuleError } from '@xiaojian/domain-kernel';
import { EMPTY_SEAT_PIPELINE, SeatEvent, aggregateSeats, applySeatEvent, reduceSeatEvents, totalSeats } from '../seat-pipeline';

const T1 = '341122101';
const T2 = '341122102';
const OTHER_COUNTY = '341123101';

const ev = (projectId: string, type: SeatEvent['type'], extra: Partial<SeatEvent> = {}): SeatEvent => ({
  projectId, type, schoolCode: `S-${projectId}`, townshipCode: T1, level: 'primary', ownership: 'public', ...extra,
});
const reg = (id: string, plannedSeats: number, extra: Partial<SeatEvent> = {}) => ev(id, 'registered', { plannedSeats, ...extra });
const accept = (id: string, deliveredSeats: number, extra: Partial<SeatEvent> = {}) => ev(id, 'accepted', { deliveredSeats, ...extra });

describe('applySeatEvent: per-project state', () => {
  it('counts planned seats while active', () => {
    const s = reduceSeatEvents([reg('p1', 900)]);
    expect(s.projects.p1).toMatchObject({ status: 'active', plannedSeats: 900, deliveredSeats: 0 });
    expect(totalSeats(s)).toEqual({ activeProjects: 1, suspendedProjects: 0, acceptedProjects: 0, plannedSeats: 900, onHoldSeats: 0, deliveredSeats: 0 });
  });

  it('updates planned seats on planned_changed (also while suspended)', () => {
    expect(reduceSeatEvents([reg('p1', 900), ev('p1', 'planned_changed', { plannedSeats: 1350 })]).projects.p1.plannedSeats).toBe(1350);
    const s = reduceSeatEvents([reg('p1', 900), ev('p1', 'suspended'), ev('p1', 'planned_changed', { plannedSeats: 450 })]);
    expect(s.projects.p1).toMatchObject({ status: 'suspended', plannedSeats: 450 });
  });

  it('moves seats from planned to delivered on acceptance', () => {
    const s = reduceSeatEvents([reg('p1', 900), accept('p1', 945)]);
    expect(s.projects.p1).toMatchObject({ status: 'accepted', plannedSeats: 900, deliveredSeats: 945 });
    expect(totalSeats(s)).toMatchObject({ activeProjects: 0, acceptedProjects: 1, plannedSeats: 0, deliveredSeats: 945 });
  });

  it('does not double delivered seats when the same project is accepted twice (first acceptance wins)', () => {
    const once = reduceSeatEvents([reg('p1', 900), accept('p1', 945)]);
    expect(applySeatEvent(once, accept('p1', 945))).toBe(once);
    expect(applySeatEvent(once, accept('p1', 1000))).toBe(once);
    expect(totalSeats(reduceSeatEvents([accept('p1', 945), accept('p1', 945), accept('p1', 945)])).deliveredSeats).toBe(945);
  });

  it('ignores a re-delivered registration', () => {
    const s = reduceSeatEvents([reg('p1', 900), ev('p1', 'planned_changed', { plannedSeats: 1000 })]);
    expect(applySeatEvent(s, reg('p1', 900))).toBe(s);
  });

  it('ignores plan changes after acceptance', () => {
    const s = reduceSeatEvents([reg('p1', 900), accept('p1', 945)]);
    expect(applySeatEvent(s, ev('p1', 'planned_changed', { plannedSeats: 5 }))).toBe(s);
  });

  it('removes a cancelled project from every count and keeps it removed', () => {
    const s = reduceSeatEvents([reg('p1', 900), reg('p2', 450), ev('p1', 'cancelled')]);
    expect(s.projects.p1.status).toBe('cancelled');
    expect(totalSeats(s)).toMatchObject({ activeProjects: 1, plannedSeats: 450 });
    for (const late of [reg('p1', 900), accept('p1', 900), ev('p1', 'resumed'), ev('p1', 'planned_changed', { plannedSeats: 1 }), ev('p1', 'cancelled')]) {
      expect(applySeatEvent(s, late)).toBe(s);
    }
  });

  it('removes delivered seats when an accepted project is cancelled', () => {
    expect(totalSeats(reduceSeatEvents([reg('p1', 900), accept('p1', 945), ev('p1', 'cancelled')])).deliveredSeats).toBe(0);
  });

  it('keeps suspended seats on hold and restores them on resume', () => {
    const suspended = reduceSeatEvents([reg('p1', 900), ev('p1', 'suspended')]);
    expect(totalSeats(suspended)).toMatchObject({ activeProjects: 0, suspendedProjects: 1, plannedSeats: 0, onHoldSeats: 900 });
    expect(applySeatEvent(suspended, ev('p1', 'suspended'))).toBe(suspended);
    const resumed = applySeatEvent(suspended, ev('p1', 'resumed'));
    expect(totalSeats(resumed)).toMatchObject({ activeProjects: 1, plannedSeats: 900, onHoldSeats: 0 });
    expect(applySeatEvent(resumed, ev('p1', 'resumed'))).toBe(resumed);
  });

  it('keeps delivered seats when an accepted project is suspended', () => {
    const s = reduceSeatEvents([reg('p1', 900), accept('p1', 945)]);
    expect(applySeatEvent(s, ev('p1', 'suspended'))).toBe(s);
  });

  it('accepts a suspended project', () => {
    const s = reduceSeatEvents([reg('p1', 900), ev('p1', 'suspended'), accept('p1', 800)]);
    expect(totalSeats(s)).toMatchObject({ suspendedProjects: 0, acceptedProjects: 1, onHoldSeats: 0, deliveredSeats: 800 });
  });

  it('builds a project from whatever event it sees first', () => {
    expect(reduceSeatEvents([accept('p9', 300)]).projects.p9).toMatchObject({ status: 'accepted', plannedSeats: 0, deliveredSeats: 300 });
    expect(reduceSeatEvents([ev('p9', 'planned_changed', { plannedSeats: 90 })]).projects.p9).toMatchObject({ status: 'active', plannedSeats: 90 });
    expect(reduceSeatEvents([ev('p9', 'suspended', { plannedSeats: 90 })]).projects.p9).toMatchObject({ status: 'suspended', plannedSeats: 90 });
    expect(reduceSeatEvents([ev('p9', 'resumed')]).projects.p9).toMatchObject({ status: 'active', plannedSeats: 0 });
    expect(reduceSeatEvents([ev('p9', 'cancelled')]).projects.p9.status).toBe('cancelled');
  });

  it('gives the same result when the whole stream is replayed', () => {
    const stream = [reg('p1', 900), ev('p1', 'suspended'), ev('p1', 'resumed'), accept('p1', 945), reg('p2', 450), ev('p2', 'cancelled'), reg('p3', 135), ev('p3', 'suspended')];
    expect(reduceSeatEvents([...stream, ...stream])).toEqual(reduceSeatEvents(stream));
  });

  it('never mutates the previous state', () => {
    const s0 = reduceSeatEvents([reg('p1', 900)]);
    const snapshot = JSON.parse(JSON.stringify(s0));
    applySeatEvent(s0, accept('p1', 945));
    applySeatEvent(s0, reg('p2', 45));
    expect(s0).toEqual(snapshot);
    expect(EMPTY_SEAT_PIPELINE).toEqual({ projects: {} });
  });

  it.each<[string, Partial<SeatEvent>, string]>([
    ['missing planned seats on registration', { type: 'registered', plannedSeats: undefined }, 'plannedSeats'],
    ['negative planned seats', { type: 'planned_changed', plannedSeats: -1 }, 'plannedSeats'],
    ['missing delivered seats on acceptance', { type: 'accepted' }, 'deliveredSeats'],
    ['fractional delivered seats', { type: 'accepted', deliveredSeats: 1.5 }, 'deliveredSeats'],
    ['unknown type', { type: 'started' as SeatEvent['type'] }, 'type'],
    ['empty project id', { projectId: '' }, 'projectId'],
    ['bad township code', { townshipCode: '3411' }, 'townshipCode'],
    ['bad level', { level: 'college' as SeatEvent['level'] }, 'level'],
    ['bad ownership', { ownership: 'state' as SeatEvent['ownership'] }, 'ownership'],
    ['empty school code', { schoolCode: '' }, 'schoolCode'],
  ])('throws invalid_seat_event for %s', (_name, patch, field) => {
    try {
      applySeatEvent(EMPTY_SEAT_PIPELINE, { ...reg('p1', 10), ...patch });
      throw new Error('expected a throw');
    } catch (e) {
      expect(e).toBeInstanceOf(RuleError);
      expect((e as RuleError).code).toBe('invalid_seat_event');
      expect((e as RuleError).errors.map((x) => x.field)).toEqual([field]);
    }
  });
});

describe('aggregateSeats', () => {
  const state = reduceSeatEvents([
    reg('a', 900, { schoolCode: 'S1', townshipCode: T1, level: 'primary', ownership: 'public' }),
    reg('b', 450, { schoolCode: 'S1', townshipCode: T1, level: 'primary', ownership: 'public' }),
    accept('b', 495, { schoolCode: 'S1', townshipCode: T1, level: 'primary', ownership: 'public' }),
    reg('c', 270, { schoolCode: 'K1', townshipCode: T2, level: 'kindergarten', ownership: 'inclusive_private' }),
    ev('c', 'suspended', { schoolCode: 'K1', townshipCode: T2, level: 'kindergarten', ownership: 'inclusive_private' }),
    reg('d', 1000, { schoolCode: 'J1', townshipCode: T2, level: 'junior', ownership: 'public' }),
    ev('d', 'cancelled', { schoolCode: 'J1', townshipCode: T2, level: 'junior', ownership: 'public' }),
    reg('e', 600, { schoolCode: 'J2', townshipCode: OTHER_COUNTY, level: 'junior', ownership: 'private' }),
  ]);
  const t = (active: number, suspended: number, accepted: number, planned: number, onHold: number, delivered: number) => ({
    activeProjects: active, suspendedProjects: suspended, acceptedProjects: accepted, plannedSeats: planned, onHoldSeats: onHold, deliveredSeats: delivered,
  });

  it('by school', () => {
    expect(aggregateSeats(state, 'school')).toEqual({ S1: t(1, 0, 1, 900, 0, 495), K1: t(0, 1, 0, 0, 270, 0), J2: t(1, 0, 0, 600, 0, 0) });
  });

  it('by township (a fully cancelled school disappears)', () => {
    expect(aggregateSeats(state, 'township')).toEqual({ [T1]: t(1, 0, 1, 900, 0, 495), [T2]: t(0, 1, 0, 0, 270, 0), [OTHER_COUNTY]: t(1, 0, 0, 600, 0, 0) });
  });

  it('by county (first six digits of the township code)', () => {
    expect(aggregateSeats(state, 'county')).toEqual({ '341122': t(1, 1, 1, 900, 270, 495), '341123': t(1, 0, 0, 600, 0, 0) });
  });

  it('by level', () => {
    expect(aggregateSeats(state, 'level')).toEqual({ primary: t(1, 0, 1, 900, 0, 495), kindergarten: t(0, 1, 0, 0, 270, 0), junior: t(1, 0, 0, 600, 0, 0) });
  });

  it('by ownership', () => {
    expect(aggregateSeats(state, 'ownership')).toEqual({ public: t(1, 0, 1, 900, 0, 495), inclusive_private: t(0, 1, 0, 0, 270, 0), private: t(1, 0, 0, 600, 0, 0) });
  });

  it('totals agree with the sum of any dimension', () => {
    const total = totalSeats(state);
    expect(total).toEqual(t(2, 1, 1, 1500, 270, 495));
    for (const dim of ['school', 'township', 'county', 'level', 'ownership'] as const) {
      const sum = Object.values(aggregateSeats(state, dim)).reduce((acc, x) => acc + x.plannedSeats + x.onHoldSeats + x.deliveredSeats, 0);
      expect(sum).toBe(total.plannedSeats + total.onHoldSeats + total.deliveredSeats);
    }
  });

  it('is empty for an empty pipeline', () => expect(aggregateSeats(EMPTY_SEAT_PIPELINE, 'school')).toEqual({}));
});
