import { z } from 'zod';
import { TOPICS, TopicSpec } from '../topics';
import * as capacity from './capacity.events';
import * as funding from './funding.events';
import * as projects from './projects.events';

export type Producer = 'projects' | 'funding' | 'capacity';

export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  /** CloudEvents `type`; the trailing `.vN` is the major version — a breaking change is a new type. */
  type: string;
  producer: Producer;
  topic: TopicSpec;
  schema: S;
  /** The aggregate id: CloudEvents `subject` and the Kafka key, so one aggregate's events stay in order. */
  subjectOf: (data: z.infer<S>) => string;
  summary: string;
}

function define<S extends z.ZodType>(definition: EventDefinition<S>): EventDefinition<S> {
  return definition;
}

const byProject = (data: { projectId: string }) => data.projectId;
const bySchool = (data: { schoolCode: string }) => data.schoolCode;

export const Events = {
  ProjectRegisteredV1: define({
    type: 'cn.xiaojian.projects.project.registered.v1',
    producer: 'projects',
    topic: TOPICS.projects,
    schema: projects.projectRegisteredV1,
    subjectOf: byProject,
    summary: 'A project was registered (立项) with its planned figures',
  }),
  ProjectPlannedFiguresChangedV1: define({
    type: 'cn.xiaojian.projects.project.planned-figures-changed.v1',
    producer: 'projects',
    topic: TOPICS.projects,
    schema: projects.projectPlannedFiguresChangedV1,
    subjectOf: byProject,
    summary: 'Planned investment, area, seats or dates of a project changed; carries the full new figures',
  }),
  ProjectPhaseChangedV1: define({
    type: 'cn.xiaojian.projects.project.phase-changed.v1',
    producer: 'projects',
    topic: TOPICS.projects,
    schema: projects.projectPhaseChangedV1,
    subjectOf: byProject,
    summary: 'Any lifecycle transition, with from/to and the business date',
  }),
  ProjectProgressReportedV1: define({
    type: 'cn.xiaojian.projects.project.progress-reported.v1',
    producer: 'projects',
    topic: TOPICS.projects,
    schema: projects.projectProgressReportedV1,
    subjectOf: byProject,
    summary: 'Monthly physical progress (形象进度) reported or corrected',
  }),
  ProjectMilestoneReachedV1: define({
    type: 'cn.xiaojian.projects.project.milestone-reached.v1',
    producer: 'projects',
    topic: TOPICS.projects,
    schema: projects.projectMilestoneReachedV1,
    subjectOf: byProject,
    summary: 'A phase was reached for the first time, with its planned and actual dates',
  }),
  ProjectSuspendedV1: define({
    type: 'cn.xiaojian.projects.project.suspended.v1',
    producer: 'projects',
    topic: TOPICS.projects,
    schema: projects.projectSuspendedV1,
    subjectOf: byProject,
    summary: 'A project was suspended (暂停)',
  }),
  ProjectResumedV1: define({
    type: 'cn.xiaojian.projects.project.resumed.v1',
    producer: 'projects',
    topic: TOPICS.projects,
    schema: projects.projectResumedV1,
    subjectOf: byProject,
    summary: 'A suspended project resumed the phase it had left',
  }),
  ProjectCancelledV1: define({
    type: 'cn.xiaojian.projects.project.cancelled.v1',
    producer: 'projects',
    topic: TOPICS.projects,
    schema: projects.projectCancelledV1,
    subjectOf: byProject,
    summary: 'A project was cancelled (取消); terminal',
  }),
  ProjectAcceptedV1: define({
    type: 'cn.xiaojian.projects.project.accepted.v1',
    producer: 'projects',
    topic: TOPICS.projects,
    schema: projects.projectAcceptedV1,
    subjectOf: byProject,
    summary: 'Completion acceptance (竣工验收) with delivered seats, floor area and final cost',
  }),
  AllocationRecordedV1: define({
    type: 'cn.xiaojian.funding.allocation.recorded.v1',
    producer: 'funding',
    topic: TOPICS.funding,
    schema: funding.allocationRecordedV1,
    subjectOf: byProject,
    summary: 'Money allocated (下达) to a project from a source',
  }),
  DisbursementRecordedV1: define({
    type: 'cn.xiaojian.funding.disbursement.recorded.v1',
    producer: 'funding',
    topic: TOPICS.funding,
    schema: funding.disbursementRecordedV1,
    subjectOf: byProject,
    summary: 'Money disbursed (拨付) against an allocation',
  }),
  ExpenditureRecordedV1: define({
    type: 'cn.xiaojian.funding.expenditure.recorded.v1',
    producer: 'funding',
    topic: TOPICS.funding,
    schema: funding.expenditureRecordedV1,
    subjectOf: byProject,
    summary: 'Money spent (支出) by a project',
  }),
  EntryReversedV1: define({
    type: 'cn.xiaojian.funding.entry.reversed.v1',
    producer: 'funding',
    topic: TOPICS.funding,
    schema: funding.entryReversedV1,
    subjectOf: byProject,
    summary: 'A ledger entry was (partly) reversed by a correcting entry',
  }),
  SchoolRegisteredV1: define({
    type: 'cn.xiaojian.capacity.school.registered.v1',
    producer: 'capacity',
    topic: TOPICS.capacity,
    schema: capacity.schoolRegisteredV1,
    subjectOf: bySchool,
    summary: 'A school was registered',
  }),
  SchoolChangedV1: define({
    type: 'cn.xiaojian.capacity.school.changed.v1',
    producer: 'capacity',
    topic: TOPICS.capacity,
    schema: capacity.schoolChangedV1,
    subjectOf: bySchool,
    summary: "A school's name, status or declared capacity changed",
  }),
  EnrolmentReportedV1: define({
    type: 'cn.xiaojian.capacity.enrolment.reported.v1',
    producer: 'capacity',
    topic: TOPICS.capacity,
    schema: capacity.enrolmentReportedV1,
    subjectOf: bySchool,
    summary: 'A term enrolment report with class-size bands and seat gaps',
  }),
  SeatsDeliveredV1: define({
    type: 'cn.xiaojian.capacity.seats.delivered.v1',
    producer: 'capacity',
    topic: TOPICS.capacity,
    schema: capacity.seatsDeliveredV1,
    subjectOf: bySchool,
    summary: "An accepted project's seats were added to its school, once per project",
  }),
  CapacityChangedV1: define({
    type: 'cn.xiaojian.capacity.capacity.changed.v1',
    producer: 'capacity',
    topic: TOPICS.capacity,
    schema: capacity.capacityChangedV1,
    subjectOf: bySchool,
    summary: "A school's seat capacity changed, with the cause",
  }),
  SeatTargetSetV1: define({
    type: 'cn.xiaojian.capacity.target.set.v1',
    producer: 'capacity',
    topic: TOPICS.capacity,
    schema: capacity.seatTargetSetV1,
    subjectOf: (data) => data.countyCode,
    summary: 'An annual new-seat target per township (or county), level and ownership',
  }),
} as const;

export type EventName = keyof typeof Events;
export type AnyEventDefinition = (typeof Events)[EventName];
export type EventData<D extends EventDefinition> = z.infer<D['schema']>;

export const EVENT_DEFINITIONS: readonly EventDefinition[] = Object.values(Events) as EventDefinition[];

const byType = new Map(EVENT_DEFINITIONS.map((definition) => [definition.type, definition]));

export function findEventDefinition(type: string): EventDefinition | undefined {
  return byType.get(type);
}
