import { z } from 'zod';
import {
  businessDate,
  countyCode,
  fen,
  jurisdiction,
  month,
  ownership,
  positiveFen,
  projectKind,
  projectPhase,
  schoolLevel,
  seats,
  squareMetres,
  uuid,
} from './common';

const plannedFigures = {
  name: z.string().min(1).max(200),
  plannedInvestmentFen: positiveFen,
  plannedFloorArea: squareMetres,
  plannedSeats: seats,
  plannedStartDate: businessDate,
  plannedCompletionDate: businessDate,
  programmeYear: z.number().int().min(2000).max(2100),
  programmeName: z.string().max(200),
  /** Planned date per phase (milestones); phases without a plan are absent. */
  plannedMilestones: z.partialRecord(projectPhase, businessDate),
};

export const projectRegisteredV1 = z.object({
  projectId: uuid,
  code: z.string().min(1).max(64),
  kind: projectKind,
  schoolCode: z.string().min(1).max(64),
  schoolName: z.string().min(1).max(200),
  schoolLevel,
  ownership,
  ...jurisdiction,
  ...plannedFigures,
  phase: z.literal('approved'),
  registeredOn: businessDate,
  registeredBy: z.string(),
});

export const projectPlannedFiguresChangedV1 = z.object({
  projectId: uuid,
  ...jurisdiction,
  ...plannedFigures,
  changedFields: z.array(z.string()).min(1),
  changedBy: z.string(),
});

export const projectPhaseChangedV1 = z.object({
  projectId: uuid,
  ...jurisdiction,
  from: projectPhase,
  to: projectPhase,
  businessDate,
  actor: z.string(),
  reason: z.string().optional(),
  contractor: z.string().optional(),
  contractAmountFen: fen.optional(),
  actualStartDate: businessDate.optional(),
});

export const projectProgressReportedV1 = z.object({
  projectId: uuid,
  ...jurisdiction,
  month,
  percent: z.number().min(0).max(100),
  previousPercent: z.number().min(0).max(100).nullable(),
  narrative: z.string().max(5000),
  correction: z.boolean(),
  reason: z.string().optional(),
  reportedOn: businessDate,
  reportedBy: z.string(),
});

export const projectMilestoneReachedV1 = z.object({
  projectId: uuid,
  ...jurisdiction,
  phase: projectPhase,
  plannedDate: businessDate.nullable(),
  actualDate: businessDate,
});

export const projectSuspendedV1 = z.object({
  projectId: uuid,
  ...jurisdiction,
  fromPhase: projectPhase,
  businessDate,
  reason: z.string().min(1),
  actor: z.string(),
});

export const projectResumedV1 = z.object({
  projectId: uuid,
  ...jurisdiction,
  toPhase: projectPhase,
  businessDate,
  reason: z.string().optional(),
  actor: z.string(),
});

export const projectCancelledV1 = z.object({
  projectId: uuid,
  ...jurisdiction,
  fromPhase: projectPhase,
  businessDate,
  reason: z.string().min(1),
  actor: z.string(),
});

export const projectAcceptedV1 = z.object({
  projectId: uuid,
  countyCode,
  townshipCode: jurisdiction.townshipCode,
  schoolCode: z.string(),
  schoolLevel,
  ownership,
  acceptanceDate: businessDate,
  deliveredSeats: seats,
  deliveredFloorArea: squareMetres,
  finalCostFen: fen,
  actor: z.string(),
});
