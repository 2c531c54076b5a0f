import { IsoDate, assertToday, isIsoDate } from './calendar';
import { checkDate, checkInteger, checkNumber, checkText } from './checks';
import { FieldError, Outcome, err, fieldError, ok } from '@xiaojian/domain-kernel';
import { PROJECT_LIMITS } from './project-rules';

/** The main line, in order. Forward moves go exactly one step along it; skipping is not allowed. */
export const MAIN_LINE_PHASES = ['approved', 'preparation', 'tendering', 'under_construction', 'completed', 'accepted', 'in_use'] as const;
export const PROJECT_PHASES = [...MAIN_LINE_PHASES, 'suspended', 'cancelled'] as const;
/** Phases a project may be suspended from (and therefore resumed to). */
export const SUSPENDABLE_PHASES = ['approved', 'preparation', 'tendering', 'under_construction', 'completed', 'accepted'] as const;
export const TERMINAL_PHASES = ['in_use', 'cancelled'] as const;

export type MainLinePhase = (typeof MAIN_LINE_PHASES)[number];
export type ProjectPhase = (typeof PROJECT_PHASES)[number];
export type SuspendablePhase = (typeof SUSPENDABLE_PHASES)[number];

import { PROJECT_PHASE_LABELS } from '@xiaojian/contracts';

export const PHASE_LABELS = PROJECT_PHASE_LABELS;

export const isProjectPhase = (v: unknown): v is ProjectPhase => (PROJECT_PHASES as readonly unknown[]).includes(v);
export const isSuspendablePhase = (v: unknown): v is SuspendablePhase => (SUSPENDABLE_PHASES as readonly unknown[]).includes(v);

/** Lifecycle state as persisted. `since` is the business date of the latest transition (or of 立项). */
export type ProjectPhaseState =
  | { phase: Exclude<ProjectPhase, 'suspended'>; since: IsoDate }
  | { phase: 'suspended'; since: IsoDate; suspendedFrom: SuspendablePhase };

export const initialPhaseState = (approvedOn: IsoDate): ProjectPhaseState => ({ phase: 'approved', since: approvedOn });

/** Data required when a project first enters `under_construction`. */
export interface ConstructionStart {
  contractorName: string;
  contractAmountFen: number;
  actualStartDate: IsoDate;
}

/** Data required when a project enters `accepted`. */
export interface AcceptanceRecord {
  acceptanceDate: IsoDate;
  deliveredSeats: number;
  deliveredFloorAreaM2: number;
  finalCostFen: number;
}

/** Fields are typed loosely on purpose: the request usually comes straight from HTTP input. */
export interface TransitionRequest {
  to: ProjectPhase;
  businessDate: IsoDate;
  actor: string;
  reason?: string;
  construction?: Partial<Record<keyof ConstructionStart, unknown>>;
  acceptance?: Partial<Record<keyof AcceptanceRecord, unknown>>;
}

export type TransitionKind = 'advance' | 'suspend' | 'resume' | 'cancel';

export interface PhaseTransitionRecord {
  kind: TransitionKind;
  from: ProjectPhase;
  to: ProjectPhase;
  businessDate: IsoDate;
  actor: string;
  reason?: string;
  construction?: ConstructionStart;
  acceptance?: AcceptanceRecord;
}

export interface TransitionSuccess {
  state: ProjectPhaseState;
  record: PhaseTransitionRecord;
}

/**
 * `transition_not_allowed` → HTTP 409 (the move is illegal from the current phase);
 * `invalid_transition_request` → HTTP 422 (the move is legal but its data is not).
 */
export interface TransitionRejection {
  code: 'transition_not_allowed' | 'invalid_transition_request';
  currentPhase: ProjectPhase;
  requestedPhase: unknown;
  allowedNextPhases: ProjectPhase[];
  errors: FieldError[];
  zh: string;
  en: string;
}

export type TransitionResult = Outcome<TransitionSuccess, TransitionRejection>;

const nextOnMainLine = (phase: MainLinePhase): MainLinePhase | undefined =>
  MAIN_LINE_PHASES[MAIN_LINE_PHASES.indexOf(phase) + 1];

export function allowedNextPhases(state: ProjectPhaseState): ProjectPhase[] {
  if (state.phase === 'cancelled' || state.phase === 'in_use') return [];
  if (state.phase === 'suspended') {
    // A corrupt suspended state without its origin can still be cancelled, but never resumed.
    return isSuspendablePhase(state.suspendedFrom) ? [state.suspendedFrom, 'cancelled'] : ['cancelled'];
  }
  return [nextOnMainLine(state.phase)!, 'suspended', 'cancelled'];
}

function kindOf(state: ProjectPhaseState, to: ProjectPhase): TransitionKind {
  if (to === 'cancelled') return 'cancel';
  if (to === 'suspended') return 'suspend';
  return state.phase === 'suspended' ? 'resume' : 'advance';
}

function rejection(state: ProjectPhaseState, request: { to: unknown }, code: TransitionRejection['code'], errors: FieldError[]): TransitionRejection {
  const allowed = allowedNextPhases(state);
  const from = PHASE_LABELS[state.phase];
  if (code === 'transition_not_allowed') {
    const to = isProjectPhase(request.to) ? PHASE_LABELS[request.to] : { zh: String(request.to), en: String(request.to) };
    const zhAllowed = allowed.length ? allowed.map((p) => PHASE_LABELS[p].zh).join('、') : '无';
    const enAllowed = allowed.length ? allowed.map((p) => PHASE_LABELS[p].en).join(', ') : 'none';
    return {
      code, currentPhase: state.phase, requestedPhase: request.to, allowedNextPhases: allowed, errors,
      zh: `项目当前处于“${from.zh}”阶段，不能变更为“${to.zh}”；可变更为：${zhAllowed}`,
      en: `A project in phase "${from.en}" cannot move to "${to.en}"; allowed: ${enAllowed}`,
    };
  }
  return {
    code, currentPhase: state.phase, requestedPhase: request.to, allowedNextPhases: allowed, errors,
    zh: '阶段变更信息不完整或有误', en: 'The phase transition data is incomplete or invalid',
  };
}

function checkConstruction(errors: FieldError[], input: TransitionRequest['construction'], today: IsoDate): ConstructionStart | undefined {
  const c = input ?? {};
  const contractorName = checkText(errors, 'construction.contractorName', { zh: '施工单位名称', en: 'Contractor name' }, c.contractorName, 200);
  const contractAmountFen = checkInteger(errors, 'construction.contractAmountFen', { zh: '合同金额（分）', en: 'Contract amount (fen)' }, c.contractAmountFen, 1, PROJECT_LIMITS.maxFen);
  const actualStartDate = checkDate(errors, 'construction.actualStartDate', { zh: '实际开工日期', en: 'Actual start date' }, c.actualStartDate, today);
  if (contractorName === undefined || contractAmountFen === undefined || actualStartDate === undefined) return undefined;
  return { contractorName, contractAmountFen, actualStartDate };
}

function checkAcceptance(errors: FieldError[], input: TransitionRequest['acceptance'], today: IsoDate): AcceptanceRecord | undefined {
  const a = input ?? {};
  const acceptanceDate = checkDate(errors, 'acceptance.acceptanceDate', { zh: '竣工验收日期', en: 'Acceptance date' }, a.acceptanceDate, today);
  const deliveredSeats = checkInteger(errors, 'acceptance.deliveredSeats', { zh: '交付学位数', en: 'Delivered seats' }, a.deliveredSeats, 0, PROJECT_LIMITS.maxSeats);
  const deliveredFloorAreaM2 = checkNumber(errors, 'acceptance.deliveredFloorAreaM2', { zh: '交付建筑面积（平方米）', en: 'Delivered floor area (m²)' }, a.deliveredFloorAreaM2, 0, PROJECT_LIMITS.maxFloorAreaM2);
  const finalCostFen = checkInteger(errors, 'acceptance.finalCostFen', { zh: '决算金额（分）', en: 'Final cost (fen)' }, a.finalCostFen, 0, PROJECT_LIMITS.maxFen);
  if (acceptanceDate === undefined || deliveredSeats === undefined || deliveredFloorAreaM2 === undefined || finalCostFen === undefined) return undefined;
  return { acceptanceDate, deliveredSeats, deliveredFloorAreaM2, finalCostFen };
}

/**
 * Applies one lifecycle move. Legality is checked first (→ `transition_not_allowed`); only a legal
 * move has its data validated, and then all data errors are reported together.
 * Resuming re-enters a phase without asking again for the data required on first entry.
 */
export function transition(state: ProjectPhaseState, request: TransitionRequest, today: IsoDate): TransitionResult {
  assertToday(today);
  if (!isProjectPhase(request.to)) {
    return err(rejection(state, request, 'invalid_transition_request', [
      fieldError('to', 'unknown_phase', `未知的项目阶段：${String(request.to)}`, `Unknown project phase: ${String(request.to)}`),
    ]));
  }
  const to = request.to;
  if (!allowedNextPhases(state).includes(to)) {
    const e = rejection(state, request, 'transition_not_allowed', []);
    e.errors.push(fieldError('to', 'transition_not_allowed', e.zh, e.en));
    return err(e);
  }

  const kind = kindOf(state, to);
  const errors: FieldError[] = [];
  const businessDate = checkDate(errors, 'businessDate', { zh: '业务日期', en: 'Business date' }, request.businessDate, today);
  if (businessDate !== undefined && isIsoDate(state.since) && businessDate < state.since) {
    errors.push(fieldError('businessDate', 'before_previous_transition',
      `业务日期不能早于上一次阶段变更日期（${state.since}）`,
      `Business date cannot be before the previous transition date (${state.since})`));
  }
  const actor = checkText(errors, 'actor', { zh: '操作人', en: 'Actor' }, request.actor, 100);
  let reason: string | undefined;
  if (to === 'cancelled') {
    reason = checkText(errors, 'reason', { zh: '取消原因', en: 'Cancellation reason' }, request.reason, 1000);
  } else if (to === 'suspended') {
    reason = checkText(errors, 'reason', { zh: '暂停原因', en: 'Suspension reason' }, request.reason, 1000);
  } else if (typeof request.reason === 'string' && request.reason.trim() !== '') {
    reason = checkText(errors, 'reason', { zh: '原因', en: 'Reason' }, request.reason, 1000);
  }
  const construction = kind === 'advance' && to === 'under_construction' ? checkConstruction(errors, request.construction, today) : undefined;
  const acceptance = kind === 'advance' && to === 'accepted' ? checkAcceptance(errors, request.acceptance, today) : undefined;

  if (errors.length > 0) return err(rejection(state, request, 'invalid_transition_request', errors));

  const date = businessDate!;
  const newState: ProjectPhaseState =
    to === 'suspended'
      ? { phase: 'suspended', since: date, suspendedFrom: state.phase as SuspendablePhase }
      : { phase: to, since: date };
  const record: PhaseTransitionRecord = { kind, from: state.phase, to, businessDate: date, actor: actor! };
  if (reason !== undefined) record.reason = reason;
  if (construction) record.construction = construction;
  if (acceptance) record.acceptance = acceptance;
  return ok({ state: newState, record });
}
