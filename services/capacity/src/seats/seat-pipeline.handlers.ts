import { Injectable } from '@nestjs/common';
import { CloudEvent, EventData, Events } from '@xiaojian/contracts';
import { shanghaiDate } from '@xiaojian/domain-kernel';
import { HandlerContext, OnEvent } from '@xiaojian/messaging';
import { InjectLogger, PlatformLogger } from '@xiaojian/platform';
import { SeatEventType } from '../domain';
import { SeatPipelineService } from './seat-pipeline.service';

type Event<K extends keyof typeof Events> = CloudEvent<EventData<(typeof Events)[K]>>;

/**
 * The seat pipeline, fed only by the projects service's events. Every write goes through the
 * handler's transaction (with the inbox row). Events about projects this service never saw
 * registered carry no school and are ignored (logged), except acceptance, which carries one.
 */
@Injectable()
export class SeatPipelineHandlers {
  constructor(
    private readonly pipeline: SeatPipelineService,
    @InjectLogger() private readonly logger: PlatformLogger,
  ) {}

  @OnEvent(Events.ProjectRegisteredV1)
  async onRegistered(event: Event<'ProjectRegisteredV1'>, { manager }: HandlerContext): Promise<void> {
    const d = event.data;
    await this.pipeline.ensureSchool(manager, {
      countyCode: d.countyCode, townshipCode: d.townshipCode, code: d.schoolCode, name: d.schoolName, level: d.schoolLevel, ownership: d.ownership,
    });
    await this.pipeline.apply(manager, event, {
      countyCode: d.countyCode,
      businessDate: d.registeredOn,
      event: {
        projectId: d.projectId, type: 'registered', plannedSeats: d.plannedSeats, schoolCode: d.schoolCode,
        townshipCode: d.townshipCode, level: d.schoolLevel, ownership: d.ownership,
      },
    });
  }

  @OnEvent(Events.ProjectPlannedFiguresChangedV1)
  async onPlannedFiguresChanged(event: Event<'ProjectPlannedFiguresChangedV1'>, { manager }: HandlerContext): Promise<void> {
    const d = event.data;
    await this.follow(manager, event, 'planned_changed', shanghaiDate(new Date(event.time)), { plannedSeats: d.plannedSeats, townshipCode: d.townshipCode });
  }

  @OnEvent(Events.ProjectSuspendedV1)
  async onSuspended(event: Event<'ProjectSuspendedV1'>, { manager }: HandlerContext): Promise<void> {
    await this.follow(manager, event, 'suspended', event.data.businessDate);
  }

  @OnEvent(Events.ProjectResumedV1)
  async onResumed(event: Event<'ProjectResumedV1'>, { manager }: HandlerContext): Promise<void> {
    await this.follow(manager, event, 'resumed', event.data.businessDate);
  }

  @OnEvent(Events.ProjectCancelledV1)
  async onCancelled(event: Event<'ProjectCancelledV1'>, { manager }: HandlerContext): Promise<void> {
    await this.follow(manager, event, 'cancelled', event.data.businessDate);
  }

  @OnEvent(Events.ProjectAcceptedV1)
  async onAccepted(event: Event<'ProjectAcceptedV1'>, { manager }: HandlerContext): Promise<void> {
    const d = event.data;
    const outcome = await this.pipeline.apply(manager, event, {
      countyCode: d.countyCode,
      businessDate: d.acceptanceDate,
      event: {
        projectId: d.projectId, type: 'accepted', deliveredSeats: d.deliveredSeats, schoolCode: d.schoolCode,
        townshipCode: d.townshipCode, level: d.schoolLevel, ownership: d.ownership,
      },
    });
    // Accepted twice (another event id), or after cancellation: the pipeline did not change, and
    // neither does capacity.
    if (!outcome.applied) return;
    await this.pipeline.deliver(manager, event, {
      projectId: d.projectId, countyCode: d.countyCode, townshipCode: d.townshipCode, schoolCode: d.schoolCode,
      level: d.schoolLevel, ownership: d.ownership, deliveredSeats: d.deliveredSeats, acceptanceDate: d.acceptanceDate,
    });
  }

  /** Events that name only the project: they follow the project's known school and dimensions. */
  private async follow(
    manager: HandlerContext['manager'],
    event: CloudEvent<{ projectId: string; countyCode: string }>,
    type: SeatEventType,
    businessDate: string,
    extra: { plannedSeats?: number; townshipCode?: string } = {},
  ): Promise<void> {
    const current = await this.pipeline.current(manager, event.data.projectId);
    if (!current) {
      this.logger.info({ projectId: event.data.projectId, type: event.type }, 'event for a project never registered here; ignoring');
      return;
    }
    if (type === 'cancelled' && current.status === 'accepted') {
      // Delivered seats exist in the school; a cancellation after acceptance cannot take them back.
      this.logger.warn({ projectId: current.projectId }, 'cancellation of an accepted project; ignoring');
      return;
    }
    await this.pipeline.apply(manager, event, {
      countyCode: event.data.countyCode,
      businessDate,
      event: {
        projectId: current.projectId, type, schoolCode: current.schoolCode, townshipCode: extra.townshipCode ?? current.townshipCode,
        level: current.level, ownership: current.ownership, ...(extra.plannedSeats === undefined ? {} : { plannedSeats: extra.plannedSeats }),
      },
    });
  }
}
