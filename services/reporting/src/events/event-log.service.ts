import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CloudEvent } from '@xiaojian/contracts';
import { eventFacts } from './business-date';
import { Projector } from './projector';

/** Appends an event to `reporting_event` and projects it, in the caller's (inbox) transaction. */
@Injectable()
export class EventLogService {
  constructor(private readonly projector: Projector) {}

  /** Returns false when the event was already in the log (a redelivery): nothing is applied twice. */
  async append(manager: EntityManager, event: CloudEvent<unknown>): Promise<boolean> {
    const payload = event.data as Record<string, unknown>;
    const facts = eventFacts(event.type, payload, event.time);
    const rows: { seq: string }[] = await manager.query(
      `INSERT INTO reporting_event (event_id, type, subject, source, event_time, business_date, county_code, township_code, project_id, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)
       ON CONFLICT (event_id) DO NOTHING
       RETURNING seq`,
      [
        event.id, event.type, event.subject, event.source, event.time, facts.businessDate, facts.countyCode, facts.townshipCode,
        facts.projectId, JSON.stringify(payload),
      ],
    );
    if (rows.length === 0) return false;
    await this.projector.apply(manager, {
      seq: Number(rows[0].seq),
      eventId: event.id,
      type: event.type,
      businessDate: facts.businessDate,
      payload,
    });
    return true;
  }
}
