import { Injectable } from '@nestjs/common';
import { CloudEvent, EventData, Events } from '@xiaojian/contracts';
import { HandlerContext, OnEvent } from '@xiaojian/messaging';
import { EventLogService } from './event-log.service';

/**
 * One handler per event type of the projects, funding and capacity topics: each appends the event
 * to the log and updates the read models in the inbox transaction (exactly once in effect).
 */
@Injectable()
export class ReportingEventHandlers {
  constructor(private readonly log: EventLogService) {}

  @OnEvent(Events.ProjectRegisteredV1)
  async onProjectRegistered(event: CloudEvent<EventData<typeof Events.ProjectRegisteredV1>>, { manager }: HandlerContext): Promise<void> {
    await this.log.append(manager, event);
  }

  @OnEvent(Events.ProjectPlannedFiguresChangedV1)
  async onProjectPlannedFiguresChanged(event: CloudEvent<EventData<typeof Events.ProjectPlannedFiguresChangedV1>>, { manager }: HandlerContext): Promise<void> {
    await this.log.append(manager, event);
  }

  @OnEvent(Events.ProjectPhaseChangedV1)
  async onProjectPhaseChanged(event: CloudEvent<EventData<typeof Events.ProjectPhaseChangedV1>>, { manager }: HandlerContext): Promise<void> {
    await this.log.append(manager, event);
  }

  @OnEvent(Events.ProjectProgressReportedV1)
  async onProjectProgressReported(event: CloudEvent<EventData<typeof Events.ProjectProgressReportedV1>>, { manager }: HandlerContext): Promise<void> {
    await this.log.append(manager, event);
  }

  @OnEvent(Events.ProjectMilestoneReachedV1)
  async onProjectMilestoneReached(event: CloudEvent<EventData<typeof Events.ProjectMilestoneReachedV1>>, { manager }: HandlerContext): Promise<void> {
    await this.log.append(manager, event);
  }

  @OnEvent(Events.ProjectSuspendedV1)
  async onProjectSuspended(event: CloudEvent<EventData<typeof Events.ProjectSuspendedV1>>, { manager }: HandlerContext): Promise<void> {
    await this.log.append(manager, event);
  }

  @OnEvent(Events.ProjectResumedV1)
  async onProjectResumed(event: CloudEvent<EventData<typeof Events.ProjectResumedV1>>, { manager }: HandlerContext): Promise<void> {
    await this.log.append(manager, event);
  }

  @OnEvent(Events.ProjectCancelledV1)
  async onProjectCancelled(event: CloudEvent<EventData<typeof Events.ProjectCancelledV1>>, { manager }: HandlerContext): Promise<void> {
    await this.log.append(manager, event);
  }

  @OnEvent(Events.ProjectAcceptedV1)
  async onProjectAccepted(event: CloudEvent<EventData<typeof Events.ProjectAcceptedV1>>, { manager }: HandlerContext): Promise<void> {
    await this.log.append(manager, event);
  }

  @OnEvent(Events.AllocationRecordedV1)
  async onAllocationRecorded(event: CloudEvent<EventData<typeof Events.AllocationRecordedV1>>, { manager }: HandlerContext): Promise<void> {
    await this.log.append(manager, event);
  }

  @OnEvent(Events.DisbursementRecordedV1)
  async onDisbursementRecorded(event: CloudEvent<EventData<typeof Events.DisbursementRecordedV1>>, { manager }: HandlerContext): Promise<void> {
    await this.log.append(manager, event);
  }

  @OnEvent(Events.ExpenditureRecordedV1)
  async onExpenditureRecorded(event: CloudEvent<EventData<typeof Events.ExpenditureRecordedV1>>, { manager }: HandlerContext): Promise<void> {
    await this.log.append(manager, event);
  }

  @OnEvent(Events.EntryReversedV1)
  async onEntryReversed(event: CloudEvent<EventData<typeof Events.EntryReversedV1>>, { manager }: HandlerContext): Promise<void> {
    await this.log.append(manager, event);
  }

  @OnEvent(Events.SchoolRegisteredV1)
  async onSchoolRegistered(event: CloudEvent<EventData<typeof Events.SchoolRegisteredV1>>, { manager }: HandlerContext): Promise<void> {
    await this.log.append(manager, event);
  }

  @OnEvent(Events.SchoolChangedV1)
  async onSchoolChanged(event: CloudEvent<EventData<typeof Events.SchoolChangedV1>>, { manager }: HandlerContext): Promise<void> {
    await this.log.append(manager, event);
  }

  @OnEvent(Events.EnrolmentReportedV1)
  async onEnrolmentReported(event: CloudEvent<EventData<typeof Events.EnrolmentReportedV1>>, { manager }: HandlerContext): Promise<void> {
    await this.log.append(manager, event);
  }

  @OnEvent(Events.SeatsDeliveredV1)
  async onSeatsDelivered(event: CloudEvent<EventData<typeof Events.SeatsDeliveredV1>>, { manager }: HandlerContext): Promise<void> {
    await this.log.append(manager, event);
  }

  @OnEvent(Events.CapacityChangedV1)
  async onCapacityChanged(event: CloudEvent<EventData<typeof Events.CapacityChangedV1>>, { manager }: HandlerContext): Promise<void> {
    await this.log.append(manager, event);
  }

  @OnEvent(Events.SeatTargetSetV1)
  async onSeatTargetSet(event: CloudEvent<EventData<typeof Events.SeatTargetSetV1>>, { manager }: HandlerContext): Promise<void> {
    await this.log.append(manager, event);
  }
}
