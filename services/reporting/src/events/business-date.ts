import { Events } from '@xiaojian/contracts';
import { lastDayOfMonth, shanghaiDate } from '@xiaojian/domain-kernel';

/** The facts of an event the log indexes, whatever its type. */
export interface EventFacts {
  businessDate: string;
  countyCode: string | null;
  townshipCode: string | null;
  projectId: string | null;
}

type Payload = Record<string, unknown>;
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * The Asia/Shanghai date an event counts on in figures "as of" a date: the date the payload
 * gives (registeredOn, businessDate, month end of a progress report, the ledger date, the
 * acceptance date, …). Events that carry no business date (planned-figure changes, school
 * records, seat targets) count on the Shanghai date of their CloudEvents `time`.
 */
export function businessDateOf(type: string, data: Payload, time: string): string {
  switch (type) {
    case Events.ProjectRegisteredV1.type:
      return data.registeredOn as string;
    case Events.ProjectPhaseChangedV1.type:
    case Events.ProjectSuspendedV1.type:
    case Events.ProjectResumedV1.type:
    case Events.ProjectCancelledV1.type:
      return data.businessDate as string;
    case Events.ProjectProgressReportedV1.type:
      return lastDayOfMonth(data.month as string);
    case Events.ProjectMilestoneReachedV1.type:
      return data.actualDate as string;
    case Events.ProjectAcceptedV1.type:
      return data.acceptanceDate as string;
    case Events.AllocationRecordedV1.type:
    case Events.DisbursementRecordedV1.type:
    case Events.ExpenditureRecordedV1.type:
    case Events.EntryReversedV1.type:
    case Events.SeatsDeliveredV1.type:
    case Events.CapacityChangedV1.type:
      return data.date as string;
    case Events.EnrolmentReportedV1.type:
      return data.reportedOn as string;
    default:
      return shanghaiDate(new Date(time));
  }
}

export function eventFacts(type: string, data: Payload, time: string): EventFacts {
  return {
    businessDate: businessDateOf(type, data, time),
    countyCode: text(data.countyCode),
    townshipCode: text(data.townshipCode),
    projectId: text(data.projectId),
  };
}
