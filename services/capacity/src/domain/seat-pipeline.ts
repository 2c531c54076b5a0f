import { RuleError, FieldError, fieldError } from '@xiaojian/domain-kernel';
import { Ownership, SchoolLevel, isOwnership, isSchoolLevel } from './school-level';

export const SEAT_EVENT_TYPES = ['registered', 'planned_changed', 'accepted', 'cancelled', 'suspended', 'resumed'] as const;
export type SeatEventType = (typeof SEAT_EVENT_TYPES)[number];

/** A project event as the capacity service sees it. */
export interface SeatEvent {
  projectId: string;
  type: SeatEventType;
  plannedSeats?: number;
  deliveredSeats?: number;
  schoolCode: string;
  townshipCode: string;
  level: SchoolLevel;
  ownership: Ownership;
}

export type ProjectSeatStatus = 'active' | 'suspended' | 'accepted' | 'cancelled';

export interface ProjectSeats {
  projectId: string;
  status: ProjectSeatStatus;
  /** Latest planned new seats. Counted while active (as on-hold while suspended). */
  plannedSeats: number;
  /** Counted once accepted. */
  deliveredSeats: number;
  schoolCode: string;
  townshipCode: string;
  level: SchoolLevel;
  ownership: Ownership;
}

/**
 * Cancelled projects stay as tombstones (status `cancelled`, counted nowhere) so that a late or
 * redelivered event for them cannot bring their seats back.
 */
export interface SeatPipelineState {
  projects: Readonly<Record<string, ProjectSeats>>;
}

export const EMPTY_SEAT_PIPELINE: SeatPipelineState = { projects: {} };

const TOWNSHIP_RE = /^\d{9}$/;
const isSeatCount = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

export function validateSeatEvent(e: SeatEvent): FieldError[] {
  const errors: FieldError[] = [];
  const bad = (field: string, zh: string, en: string) => errors.push(fieldError(field, 'invalid', zh, en));
  if (typeof e.projectId !== 'string' || e.projectId === '') bad('projectId', '缺少项目标识', 'projectId is required');
  if (!(SEAT_EVENT_TYPES as readonly unknown[]).includes(e.type)) bad('type', `未知事件类型：${String(e.type)}`, `Unknown event type: ${String(e.type)}`);
  if (typeof e.schoolCode !== 'string' || e.schoolCode === '') bad('schoolCode', '缺少学校代码', 'schoolCode is required');
  if (typeof e.townshipCode !== 'string' || !TOWNSHIP_RE.test(e.townshipCode)) bad('townshipCode', '乡镇代码必须是9位数字', 'townshipCode must be 9 digits');
  if (!isSchoolLevel(e.level)) bad('level', '学段无效', 'level is invalid');
  if (!isOwnership(e.ownership)) bad('ownership', '办学性质无效', 'ownership is invalid');
  const plannedRequired = e.type === 'registered' || e.type === 'planned_changed';
  if (plannedRequired ? !isSeatCount(e.plannedSeats) : e.plannedSeats !== undefined && !isSeatCount(e.plannedSeats)) {
    bad('plannedSeats', '计划学位必须是非负整数', 'plannedSeats must be a non-negative integer');
  }
  const deliveredRequired = e.type === 'accepted';
  if (deliveredRequired ? !isSeatCount(e.deliveredSeats) : e.deliveredSeats !== undefined && !isSeatCount(e.deliveredSeats)) {
    bad('deliveredSeats', '交付学位必须是非负整数', 'deliveredSeats must be a non-negative integer');
  }
  return errors;
}

/** The project's next state, or undefined when the event has no effect. */
function next(current: ProjectSeats | undefined, e: SeatEvent): ProjectSeats | undefined {
  if (current?.status === 'cancelled') return undefined;
  const dims = { schoolCode: e.schoolCode, townshipCode: e.townshipCode, level: e.level, ownership: e.ownership };
  // Any event may be the first one we see for a project: start from an active project built from it.
  const base: ProjectSeats = current ?? { projectId: e.projectId, status: 'active', plannedSeats: e.plannedSeats ?? 0, deliveredSeats: 0, ...dims };
  switch (e.type) {
    case 'registered':
      return current ? undefined : base;
    case 'planned_changed':
      return base.status === 'accepted' ? undefined : { ...base, ...dims, plannedSeats: e.plannedSeats! };
    case 'accepted':
      return base.status === 'accepted' ? undefined : { ...base, ...dims, status: 'accepted', deliveredSeats: e.deliveredSeats! };
    case 'cancelled':
      return { ...base, status: 'cancelled' };
    case 'suspended':
      return base.status === 'active' ? { ...base, status: 'suspended' } : undefined;
    case 'resumed':
      if (!current) return base;
      return current.status === 'suspended' ? { ...current, status: 'active' } : undefined;
  }
}

/**
 * Pure reducer. Events with no effect — a second registration or acceptance (idempotent by
 * projectId), anything after cancellation, suspending an accepted project — return `state` itself.
 * Throws RuleError `invalid_seat_event` for a malformed event (the consumer dead-letters it).
 */
export function applySeatEvent(state: SeatPipelineState, event: SeatEvent): SeatPipelineState {
  const errors = validateSeatEvent(event);
  if (errors.length > 0) throw RuleError.fromFieldErrors('invalid_seat_event', errors);
  const updated = next(state.projects[event.projectId], event);
  if (updated === undefined) return state;
  return { projects: { ...state.projects, [event.projectId]: updated } };
}

export function reduceSeatEvents(events: readonly SeatEvent[], initial: SeatPipelineState = EMPTY_SEAT_PIPELINE): SeatPipelineState {
  return events.reduce(applySeatEvent, initial);
}

export interface SeatTotals {
  activeProjects: number;
  suspendedProjects: number;
  acceptedProjects: number;
  /** Planned seats of active projects. */
  plannedSeats: number;
  /** Planned seats of suspended projects. */
  onHoldSeats: number;
  /** Delivered seats of accepted projects. */
  deliveredSeats: number;
}

export type SeatDimension = 'school' | 'township' | 'county' | 'level' | 'ownership';

const emptyTotals = (): SeatTotals => ({ activeProjects: 0, suspendedProjects: 0, acceptedProjects: 0, plannedSeats: 0, onHoldSeats: 0, deliveredSeats: 0 });

function add(t: SeatTotals, p: ProjectSeats): void {
  if (p.status === 'active') { t.activeProjects += 1; t.plannedSeats += p.plannedSeats; }
  if (p.status === 'suspended') { t.suspendedProjects += 1; t.onHoldSeats += p.plannedSeats; }
  if (p.status === 'accepted') { t.acceptedProjects += 1; t.deliveredSeats += p.deliveredSeats; }
}

const keyOf: Record<SeatDimension, (p: ProjectSeats) => string> = {
  school: (p) => p.schoolCode,
  township: (p) => p.townshipCode,
  county: (p) => p.townshipCode.slice(0, 6), // a township code starts with its county's code
  level: (p) => p.level,
  ownership: (p) => p.ownership,
};

export function totalSeats(state: SeatPipelineState): SeatTotals {
  const totals = emptyTotals();
  for (const p of Object.values(state.projects)) add(totals, p);
  return totals;
}

/** Totals per key of one dimension; cancelled projects are left out entirely. */
export function aggregateSeats(state: SeatPipelineState, by: SeatDimension): Record<string, SeatTotals> {
  const result: Record<string, SeatTotals> = {};
  for (const p of Object.values(state.projects)) {
    if (p.status === 'cancelled') continue;
    add((result[keyOf[by](p)] ??= emptyTotals()), p);
  }
  return result;
}
