import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Events } from '@xiaojian/contracts';
import { formatYuan, parseYuan, FieldError, fieldError } from '@xiaojian/domain-kernel';
import { OutboxWriter } from '@xiaojian/messaging';
import type { Principal } from '@xiaojian/platform';
import { IsoDate, MainLinePhase, PHASE_LABELS, actualPhaseDates, isOverdue, milestoneTable, transition } from '../domain';
import { actorOf } from './actor';
import { Clock } from './clock';
import { TransitionBody } from './dto/transition.schema';
import { PhaseTransitionEntity } from './phase-transition.entity';
import { ProjectEntity } from './project.entity';
import { illegalTransitionProblem, invalidInputProblem } from './project.problems';
import { phaseStateOf } from './project.view';
import { ProjectsRepository } from './projects.repository';
import { ProjectsService } from './projects.service';

/** Domain field paths → the transition request's field names. */
const FIELD_NAMES: Record<string, string> = {
  'construction.contractorName': 'contractor',
  'construction.contractAmountFen': 'contractAmount',
  'construction.actualStartDate': 'actualStartDate',
  'acceptance.acceptanceDate': 'acceptanceDate',
  'acceptance.deliveredSeats': 'deliveredSeats',
  'acceptance.deliveredFloorAreaM2': 'deliveredFloorArea',
  'acceptance.finalCostFen': 'finalCost',
};

const INVALID_TRANSITION = { zh: '阶段变更信息不完整或有误', en: 'Invalid phase transition data' };

/** Parses an optional yuan string; on failure records the error and returns a placeholder so the domain does not report it again. */
function parseMoney(errors: FieldError[], field: string, label: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = parseYuan(value, { field, maxYuan: 100_000_000_000 });
  if (parsed.ok) return parsed.value;
  errors.push(fieldError(field, parsed.error.code, `${label}：${parsed.error.zh}`, `${field}: ${parsed.error.en}`));
  return 1;
}

export function toTransitionView(t: PhaseTransitionEntity) {
  return {
    id: t.id,
    sequence: t.sequence,
    kind: t.kind,
    from: t.fromPhase,
    to: t.toPhase,
    fromLabel: PHASE_LABELS[t.fromPhase].zh,
    toLabel: PHASE_LABELS[t.toPhase].zh,
    businessDate: t.businessDate,
    reason: t.reason,
    contractor: t.contractor,
    contractAmountFen: t.contractAmountFen,
    contractAmount: t.contractAmountFen === null ? null : formatYuan(t.contractAmountFen),
    actualStartDate: t.actualStartDate,
    acceptanceDate: t.acceptanceDate,
    deliveredSeats: t.deliveredSeats,
    deliveredFloorArea: t.deliveredFloorArea,
    finalCostFen: t.finalCostFen,
    finalCost: t.finalCostFen === null ? null : formatYuan(t.finalCostFen),
    actor: { userId: t.actorId, name: t.actorName },
    recordedAt: t.recordedAt.toISOString(),
  };
}

/** Lifecycle moves (立项 → … → 投入使用, 暂停/恢复, 取消) and the milestone table. */
@Injectable()
export class TransitionsService {
  constructor(
    private readonly repository: ProjectsRepository,
    private readonly projects: ProjectsService,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async transition(principal: Principal, id: string, body: TransitionBody, ifMatch: string | string[] | undefined): Promise<ProjectEntity> {
    const today = this.clock.today();
    const actor = actorOf(principal);
    return this.repository.transaction(async (manager) => {
      const project = await this.projects.lockForWrite(manager, principal, id, ifMatch, false);
      const state = phaseStateOf(project);
      const firstEntry = state.phase !== 'suspended';
      const moneyErrors: FieldError[] = [];
      const contractAmountFen = firstEntry && body.to === 'under_construction'
        ? parseMoney(moneyErrors, 'contractAmount', '合同金额（元）', body.contractAmount) : undefined;
      const finalCostFen = firstEntry && body.to === 'accepted' ? parseMoney(moneyErrors, 'finalCost', '决算金额（元）', body.finalCost) : undefined;
      if (firstEntry && body.to === 'accepted' && body.deliveredFloorArea !== undefined
        && Math.abs(body.deliveredFloorArea * 100 - Math.round(body.deliveredFloorArea * 100)) > 1e-6) {
        moneyErrors.push(fieldError('deliveredFloorArea', 'too_many_decimals', '交付建筑面积最多保留两位小数', 'Delivered floor area may have at most two decimals'));
      }

      const result = transition(state, {
        to: body.to,
        businessDate: body.businessDate,
        actor: actor.userId,
        reason: body.reason,
        construction: { contractorName: body.contractor, contractAmountFen, actualStartDate: body.actualStartDate ?? body.businessDate },
        acceptance: {
          acceptanceDate: body.acceptanceDate ?? body.businessDate,
          deliveredSeats: body.deliveredSeats,
          deliveredFloorAreaM2: body.deliveredFloorArea,
          finalCostFen,
        },
      }, today);
      if (!result.ok && result.error.code === 'transition_not_allowed') throw illegalTransitionProblem(result.error);
      if (!result.ok || moneyErrors.length > 0) {
        const domainErrors = result.ok ? [] : result.error.errors.map((e) => ({ ...e, field: FIELD_NAMES[e.field] ?? e.field }));
        throw invalidInputProblem('invalid-phase-transition', INVALID_TRANSITION, [...moneyErrors, ...domainErrors]);
      }
      const { state: next, record } = result.value;

      const history = await this.repository.transitionsOf(project.id, manager);
      const reachedBefore = actualPhaseDates(history.map((t) => ({ kind: t.kind, to: t.toPhase, businessDate: t.businessDate })), project.registeredOn);
      const firstReach = record.kind === 'advance' && reachedBefore[record.to as MainLinePhase] === undefined;

      const row = Object.assign(new PhaseTransitionEntity(), {
        id: randomUUID(),
        projectId: project.id,
        sequence: history.length + 1,
        kind: record.kind,
        fromPhase: record.from,
        toPhase: record.to,
        businessDate: record.businessDate,
        reason: record.reason ?? null,
        contractor: record.construction?.contractorName ?? null,
        contractAmountFen: record.construction?.contractAmountFen ?? null,
        actualStartDate: record.construction?.actualStartDate ?? null,
        acceptanceDate: record.acceptance?.acceptanceDate ?? null,
        deliveredSeats: record.acceptance?.deliveredSeats ?? null,
        deliveredFloorArea: record.acceptance?.deliveredFloorAreaM2 ?? null,
        finalCostFen: record.acceptance?.finalCostFen ?? null,
        actorId: actor.userId,
        actorName: actor.name,
        recordedAt: this.clock.now(),
      } satisfies PhaseTransitionEntity);

      project.phase = next.phase;
      project.phaseSince = next.since;
      project.suspendedFrom = next.phase === 'suspended' ? next.suspendedFrom : null;
      if (record.construction) {
        project.contractor = record.construction.contractorName;
        project.contractAmountFen = record.construction.contractAmountFen;
        project.actualStartDate = record.construction.actualStartDate;
      }
      if (record.acceptance) {
        project.acceptanceDate = record.acceptance.acceptanceDate;
        project.deliveredSeats = record.acceptance.deliveredSeats;
        project.deliveredFloorArea = record.acceptance.deliveredFloorAreaM2;
        project.finalCostFen = record.acceptance.finalCostFen;
      }
      this.projects.touch(project, principal);
      await this.repository.save(manager, project);
      await this.repository.insertTransition(manager, row);

      const where = { projectId: project.id, countyCode: project.countyCode, townshipCode: project.townshipCode };
      await this.outbox.record(manager, Events.ProjectPhaseChangedV1, {
        ...where,
        from: record.from,
        to: record.to,
        businessDate: record.businessDate,
        actor: actor.userId,
        ...(record.reason !== undefined && { reason: record.reason }),
        ...(record.construction && {
          contractor: record.construction.contractorName,
          contractAmountFen: record.construction.contractAmountFen,
          actualStartDate: record.construction.actualStartDate,
        }),
      });
      if (firstReach) {
        await this.outbox.record(manager, Events.ProjectMilestoneReachedV1, {
          ...where,
          phase: record.to,
          plannedDate: project.plannedMilestones[record.to as MainLinePhase] ?? null,
          actualDate: record.businessDate,
        });
      }
      if (record.kind === 'suspend') {
        await this.outbox.record(manager, Events.ProjectSuspendedV1, {
          ...where, fromPhase: record.from, businessDate: record.businessDate, reason: record.reason!, actor: actor.userId,
        });
      } else if (record.kind === 'resume') {
        await this.outbox.record(manager, Events.ProjectResumedV1, {
          ...where, toPhase: record.to, businessDate: record.businessDate, ...(record.reason !== undefined && { reason: record.reason }), actor: actor.userId,
        });
      } else if (record.kind === 'cancel') {
        await this.outbox.record(manager, Events.ProjectCancelledV1, {
          ...where, fromPhase: record.from, businessDate: record.businessDate, reason: record.reason!, actor: actor.userId,
        });
      } else if (record.acceptance) {
        await this.outbox.record(manager, Events.ProjectAcceptedV1, {
          projectId: project.id,
          countyCode: project.countyCode,
          townshipCode: project.townshipCode,
          schoolCode: project.schoolCode,
          schoolLevel: project.schoolLevel,
          ownership: project.ownership,
          acceptanceDate: record.acceptance.acceptanceDate,
          deliveredSeats: record.acceptance.deliveredSeats,
          deliveredFloorArea: record.acceptance.deliveredFloorAreaM2,
          finalCostFen: record.acceptance.finalCostFen,
          actor: actor.userId,
        });
      }
      return project;
    });
  }

  async transitions(principal: Principal, id: string) {
    const project = await this.projects.get(principal, id);
    const rows = await this.repository.transitionsOf(project.id);
    return { projectId: project.id, phase: project.phase, items: rows.map(toTransitionView) };
  }

  /** Planned versus actual date per main-line phase, with variance and overdue days. */
  async milestones(principal: Principal, id: string) {
    const project = await this.projects.get(principal, id);
    const rows = await this.repository.transitionsOf(project.id);
    const actual = actualPhaseDates(rows.map((t) => ({ kind: t.kind, to: t.toPhase, businessDate: t.businessDate })), project.registeredOn);
    const today: IsoDate = this.clock.today();
    const overdue = isOverdue({ state: phaseStateOf(project), planned: project.plannedMilestones, actual }, today);
    const overdueDays = new Map(overdue.milestones.map((m) => [m.phase, m.daysOverdue]));
    return {
      projectId: project.id,
      phase: project.phase,
      asOf: today,
      overdue: overdue.overdue,
      milestones: milestoneTable(project.plannedMilestones, actual).map((row) => ({
        ...row,
        label: PHASE_LABELS[row.phase].zh,
        overdueDays: overdueDays.get(row.phase) ?? 0,
      })),
    };
  }
}
