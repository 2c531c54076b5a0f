import { Injectable } from '@nestjs/common';
import { CloudEvent, EventData, Events } from '@xiaojian/contracts';
import { HandlerContext, OnEvent } from '@xiaojian/messaging';
import { InjectLogger, PlatformLogger } from '@xiaojian/platform';
import { FundingProjectRepository } from './funding-project.repository';

/** Placeholders for a project whose cancellation arrived before its registration (a dead-lettered registration). */
export const UNKNOWN_PROJECT_CODE = '（待同步）';
export const UNKNOWN_PROJECT_NAME = '（项目登记信息待同步）';

/**
 * Keeps `funding_project` in step with the projects service. Events of one project arrive in
 * order (Kafka key = project id); every handler is idempotent, so a redelivery changes nothing.
 */
@Injectable()
export class ProjectEventsHandlers {
  constructor(
    private readonly projects: FundingProjectRepository,
    @InjectLogger() private readonly logger: PlatformLogger,
  ) {}

  @OnEvent(Events.ProjectRegisteredV1)
  async onRegistered(event: CloudEvent<EventData<typeof Events.ProjectRegisteredV1>>, { manager }: HandlerContext): Promise<void> {
    const d = event.data;
    await this.projects.upsertRegistered(manager, {
      id: d.projectId,
      code: d.code,
      name: d.name,
      countyCode: d.countyCode,
      townshipCode: d.townshipCode,
      registeredOn: d.registeredOn,
      updatedAt: new Date(),
    });
  }

  @OnEvent(Events.ProjectPlannedFiguresChangedV1)
  async onPlannedFiguresChanged(
    event: CloudEvent<EventData<typeof Events.ProjectPlannedFiguresChangedV1>>,
    { manager }: HandlerContext,
  ): Promise<void> {
    const d = event.data;
    const known = await this.projects.find(d.projectId, manager);
    if (!known) {
      this.logger.warn({ projectId: d.projectId, eventId: event.id }, 'planned figures of a project funding does not know; ignored');
      return;
    }
    if (known.townshipCode !== d.townshipCode) {
      // A project's township is fixed at registration; its ledger stays where it was recorded.
      this.logger.warn({ projectId: d.projectId, stored: known.townshipCode, received: d.townshipCode },
        'planned figures carry another township than the registration; township kept');
    }
    if (known.name !== d.name) await this.projects.rename(manager, d.projectId, d.name, new Date());
  }

  @OnEvent(Events.ProjectCancelledV1)
  async onCancelled(event: CloudEvent<EventData<typeof Events.ProjectCancelledV1>>, { manager }: HandlerContext): Promise<void> {
    const d = event.data;
    const known = await this.projects.find(d.projectId, manager);
    if (!known) {
      // Keep the cancellation: a registration delivered later (from the dead letters) fills in code and name.
      this.logger.warn({ projectId: d.projectId, eventId: event.id }, 'cancellation of a project funding does not know; recorded as cancelled');
      await this.projects.upsertRegistered(manager, {
        id: d.projectId,
        code: UNKNOWN_PROJECT_CODE,
        name: UNKNOWN_PROJECT_NAME,
        countyCode: d.countyCode,
        townshipCode: d.townshipCode,
        registeredOn: d.businessDate,
        updatedAt: new Date(),
      });
    }
    await this.projects.markCancelled(manager, d.projectId, d.businessDate, new Date());
  }
}
