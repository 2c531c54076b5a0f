import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CloudEvent, Events } from '@xiaojian/contracts';
import { OutboxWriter } from '@xiaojian/messaging';
import { InjectLogger, PlatformLogger } from '@xiaojian/platform';
import { ProjectSeats, SeatEvent, afterDelivery, applySeatEvent } from '../domain';
import { CapacityLedger } from '../schools/capacity-ledger.service';
import { SchoolFromProject, SchoolsService } from '../schools/schools.service';
import { ProjectSeatsEntity } from './project-seats.entity';
import { SeatsRepository, toProjectSeats } from './seats.repository';

export interface SeatChange {
  event: SeatEvent;
  countyCode: string;
  businessDate: string;
}

export type SeatChangeOutcome = { applied: false } | { applied: true; before: ProjectSeats | undefined; after: ProjectSeats };

/** Applies project events to the seat pipeline and, on acceptance, to the school's capacity. */
@Injectable()
export class SeatPipelineService {
  constructor(
    private readonly seats: SeatsRepository,
    private readonly schools: SchoolsService,
    private readonly ledger: CapacityLedger,
    private readonly outbox: OutboxWriter,
    @InjectLogger() private readonly logger: PlatformLogger,
  ) {}

  /** The project's current seat row (locked), for events that do not carry the school. */
  async current(manager: EntityManager, projectId: string): Promise<ProjectSeats | undefined> {
    const row = await this.seats.lockProject(manager, projectId);
    return row ? toProjectSeats(row) : undefined;
  }

  /**
   * Runs the pure reducer on the project's row; when the event has an effect, stores the new row
   * and appends the event to the ledger (for figures as of a date).
   */
  async apply(manager: EntityManager, cloudEvent: CloudEvent, change: SeatChange): Promise<SeatChangeOutcome> {
    const row = await this.seats.lockProject(manager, change.event.projectId);
    const before = row ? toProjectSeats(row) : undefined;
    const state = { projects: before ? { [before.projectId]: before } : {} };
    const next = applySeatEvent(state, change.event);
    if (next === state) {
      this.logger.info({ projectId: change.event.projectId, type: change.event.type, eventId: cloudEvent.id }, 'seat event has no effect');
      return { applied: false };
    }
    const after = next.projects[change.event.projectId];
    const entity: ProjectSeatsEntity = {
      projectId: after.projectId, schoolCode: after.schoolCode, countyCode: change.countyCode, townshipCode: after.townshipCode,
      level: after.level, ownership: after.ownership, status: after.status, plannedSeats: after.plannedSeats,
      deliveredSeats: after.deliveredSeats, updatedAt: new Date(),
    };
    await this.seats.saveProject(manager, entity);
    const e = change.event;
    await this.seats.appendLedger(manager, {
      id: randomUUID(), projectId: e.projectId, eventId: cloudEvent.id, type: e.type, businessDate: change.businessDate,
      plannedSeats: e.plannedSeats ?? null, deliveredSeats: e.deliveredSeats ?? null, schoolCode: e.schoolCode,
      countyCode: change.countyCode, townshipCode: e.townshipCode, level: e.level, ownership: e.ownership, recordedAt: new Date(),
    });
    return { applied: true, before, after };
  }

  ensureSchool(manager: EntityManager, from: SchoolFromProject) {
    return this.schools.ensureFromProject(manager, from);
  }

  /**
   * Adds an accepted project's delivered seats to its school, once per project: the seat_delivery
   * row (primary key project id) is inserted first and nothing else happens if it already exists.
   */
  async deliver(
    manager: EntityManager,
    cloudEvent: CloudEvent,
    delivery: { projectId: string; countyCode: string; townshipCode: string; schoolCode: string; level: ProjectSeats['level']; ownership: ProjectSeats['ownership']; deliveredSeats: number; acceptanceDate: string },
  ): Promise<boolean> {
    // Acceptance carries no school name: a school first seen here is named by its code until edited.
    const school = await this.schools.ensureFromProject(manager, {
      countyCode: delivery.countyCode, townshipCode: delivery.townshipCode, code: delivery.schoolCode, name: delivery.schoolCode,
      level: delivery.level, ownership: delivery.ownership,
    });
    const inserted = await this.seats.insertDeliveryOnce(manager, {
      projectId: delivery.projectId, schoolId: school.id, deliveredSeats: delivery.deliveredSeats, acceptanceDate: delivery.acceptanceDate,
      eventId: cloudEvent.id, recordedAt: new Date(),
    });
    if (!inserted) {
      this.logger.warn({ projectId: delivery.projectId, eventId: cloudEvent.id }, 'seats of this project were already delivered; ignoring');
      return false;
    }
    await this.outbox.record(manager, Events.SeatsDeliveredV1, {
      projectId: delivery.projectId, schoolCode: school.code, countyCode: delivery.countyCode, townshipCode: delivery.townshipCode,
      level: delivery.level, ownership: delivery.ownership, deliveredSeats: delivery.deliveredSeats, date: delivery.acceptanceDate,
    });
    school.deliveredSeats += delivery.deliveredSeats;
    await this.ledger.apply(manager, school, afterDelivery(this.ledger.basisOf(school), delivery.deliveredSeats), {
      cause: 'seats_delivered', causeId: delivery.projectId, date: delivery.acceptanceDate,
    });
    return true;
  }
}

