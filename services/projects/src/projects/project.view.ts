import { formatYuan } from '@xiaojian/domain-kernel';
import { EventData, Events } from '@xiaojian/contracts';
import { IsoDate, MainLinePhase, OverdueMilestone, PHASE_LABELS, ProjectPhaseState, isOverdue } from '../domain';
import { ProjectEntity } from './project.entity';

export function phaseStateOf(p: Pick<ProjectEntity, 'phase' | 'phaseSince' | 'suspendedFrom'>): ProjectPhaseState {
  return p.phase === 'suspended'
    ? { phase: 'suspended', since: p.phaseSince, suspendedFrom: p.suspendedFrom! }
    : { phase: p.phase, since: p.phaseSince };
}

export function overdueOf(p: ProjectEntity, today: IsoDate): { overdue: boolean; milestones: OverdueMilestone[] } {
  return isOverdue({ state: phaseStateOf(p), planned: p.plannedMilestones }, today);
}

/** A project as the API returns it. Money is given both in fen (exact integer) and as a yuan string. */
export function toProjectView(p: ProjectEntity, today: IsoDate) {
  const overdue = overdueOf(p, today);
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    kind: p.kind,
    schoolCode: p.schoolCode,
    schoolName: p.schoolName,
    schoolLevel: p.schoolLevel,
    ownership: p.ownership,
    countyCode: p.countyCode,
    townshipCode: p.townshipCode,
    plannedInvestmentFen: p.plannedInvestmentFen,
    plannedInvestment: formatYuan(p.plannedInvestmentFen),
    plannedFloorArea: p.plannedFloorArea,
    plannedSeats: p.plannedSeats,
    plannedStartDate: p.plannedStartDate,
    plannedCompletionDate: p.plannedCompletionDate,
    programmeYear: p.programmeYear,
    programmeName: p.programmeName,
    notes: p.notes,
    plannedMilestones: p.plannedMilestones,
    registeredOn: p.registeredOn,
    phase: p.phase,
    phaseLabel: PHASE_LABELS[p.phase].zh,
    phaseSince: p.phaseSince,
    suspendedFrom: p.suspendedFrom,
    construction: p.contractor === null ? null : {
      contractor: p.contractor,
      contractAmountFen: p.contractAmountFen,
      contractAmount: p.contractAmountFen === null ? null : formatYuan(p.contractAmountFen),
      actualStartDate: p.actualStartDate,
    },
    acceptance: p.acceptanceDate === null ? null : {
      acceptanceDate: p.acceptanceDate,
      deliveredSeats: p.deliveredSeats,
      deliveredFloorArea: p.deliveredFloorArea,
      finalCostFen: p.finalCostFen,
      finalCost: p.finalCostFen === null ? null : formatYuan(p.finalCostFen),
    },
    latestProgress: p.latestProgressMonth === null ? null : { month: p.latestProgressMonth, percent: p.latestProgressPercent },
    overdue: overdue.overdue,
    overdueMilestones: overdue.milestones,
    version: p.version,
    createdBy: { userId: p.createdById, name: p.createdByName },
    updatedBy: { userId: p.updatedById, name: p.updatedByName },
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
export type ProjectView = ReturnType<typeof toProjectView>;

/** The planned figures every planning event carries in full. */
export function plannedFiguresOf(p: ProjectEntity) {
  return {
    name: p.name,
    plannedInvestmentFen: p.plannedInvestmentFen,
    plannedFloorArea: p.plannedFloorArea,
    plannedSeats: p.plannedSeats,
    plannedStartDate: p.plannedStartDate,
    plannedCompletionDate: p.plannedCompletionDate,
    programmeYear: p.programmeYear,
    programmeName: p.programmeName,
    plannedMilestones: { ...p.plannedMilestones } as Partial<Record<MainLinePhase, IsoDate>>,
  };
}

export function registeredEvent(p: ProjectEntity): EventData<typeof Events.ProjectRegisteredV1> {
  return {
    projectId: p.id,
    code: p.code,
    kind: p.kind,
    schoolCode: p.schoolCode,
    schoolName: p.schoolName,
    schoolLevel: p.schoolLevel,
    ownership: p.ownership,
    countyCode: p.countyCode,
    townshipCode: p.townshipCode,
    ...plannedFiguresOf(p),
    phase: 'approved',
    registeredOn: p.registeredOn,
    registeredBy: p.createdById,
  };
}
