import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventData, Events } from '@xiaojian/contracts';

/** An event as stored in `reporting_event`, ready to be projected. */
export interface LoggedEvent {
  seq: number;
  eventId: string;
  type: string;
  businessDate: string;
  payload: Record<string, unknown>;
}

type Data<K extends keyof typeof Events> = EventData<(typeof Events)[K]>;

/**
 * Applies one logged event to the read models. Deterministic and order-independent: every write
 * is keyed and guarded by the event's `seq`, and a project's derived state (phase, first-reached
 * dates, latest progress) is recomputed from its history tables. So replaying the log in any
 * order — arrival (incremental) or business date (rebuild) — yields the same rows.
 */
@Injectable()
export class Projector {
  async apply(manager: EntityManager, event: LoggedEvent): Promise<void> {
    const { payload } = event;
    switch (event.type) {
      case Events.ProjectRegisteredV1.type:
        return this.projectRegistered(manager, event, payload as Data<'ProjectRegisteredV1'>);
      case Events.ProjectPlannedFiguresChangedV1.type: {
        const data = payload as Data<'ProjectPlannedFiguresChangedV1'>;
        await this.ensureProject(manager, data);
        await this.plannedFigures(manager, event, data);
        return this.refreshProject(manager, data.projectId);
      }
      case Events.ProjectPhaseChangedV1.type: {
        const data = payload as Data<'ProjectPhaseChangedV1'>;
        return this.phaseEvent(manager, event, data.projectId, data.to, 'change');
      }
      case Events.ProjectSuspendedV1.type:
        return this.phaseEvent(manager, event, (payload as Data<'ProjectSuspendedV1'>).projectId, 'suspended', 'change');
      case Events.ProjectResumedV1.type: {
        const data = payload as Data<'ProjectResumedV1'>;
        return this.phaseEvent(manager, event, data.projectId, data.toPhase, 'change');
      }
      case Events.ProjectCancelledV1.type:
        return this.phaseEvent(manager, event, (payload as Data<'ProjectCancelledV1'>).projectId, 'cancelled', 'change');
      case Events.ProjectMilestoneReachedV1.type: {
        const data = payload as Data<'ProjectMilestoneReachedV1'>;
        return this.phaseEvent(manager, event, data.projectId, data.phase, 'milestone');
      }
      case Events.ProjectProgressReportedV1.type:
        return this.progress(manager, event, payload as Data<'ProjectProgressReportedV1'>);
      case Events.ProjectAcceptedV1.type:
        return this.accepted(manager, event, payload as Data<'ProjectAcceptedV1'>);
      case Events.AllocationRecordedV1.type:
      case Events.DisbursementRecordedV1.type:
      case Events.ExpenditureRecordedV1.type:
      case Events.EntryReversedV1.type:
        return this.ledger(manager, event);
      case Events.SeatsDeliveredV1.type: {
        const data = payload as Data<'SeatsDeliveredV1'>;
        return this.seats(manager, event, {
          projectId: data.projectId,
          countyCode: data.countyCode,
          townshipCode: data.townshipCode,
          schoolCode: data.schoolCode,
          level: data.level,
          ownership: data.ownership,
          deliveredSeats: data.deliveredSeats,
          date: data.date,
          rank: 2,
        });
      }
      case Events.SeatTargetSetV1.type:
        return this.target(manager, event, payload as Data<'SeatTargetSetV1'>);
      case Events.EnrolmentReportedV1.type:
        return this.enrolment(manager, event, payload as Data<'EnrolmentReportedV1'>);
      default:
        // School records and capacity changes are kept in the event log only: no figure uses them.
        return;
    }
  }

  private async ensureProject(manager: EntityManager, data: { projectId: string; countyCode: string; townshipCode: string }): Promise<void> {
    await manager.query(
      `INSERT INTO rm_project (project_id, county_code, township_code) VALUES ($1, $2, $3) ON CONFLICT (project_id) DO NOTHING`,
      [data.projectId, data.countyCode, data.townshipCode],
    );
  }

  private async projectRegistered(manager: EntityManager, event: LoggedEvent, data: Data<'ProjectRegisteredV1'>): Promise<void> {
    await manager.query(
      `INSERT INTO rm_project (project_id, county_code, township_code, code, kind, school_code, school_name, school_level, ownership,
                               registered_on, registered_event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (project_id) DO UPDATE SET
         county_code = EXCLUDED.county_code, township_code = EXCLUDED.township_code, code = EXCLUDED.code, kind = EXCLUDED.kind,
         school_code = EXCLUDED.school_code, school_name = EXCLUDED.school_name, school_level = EXCLUDED.school_level,
         ownership = EXCLUDED.ownership, registered_on = EXCLUDED.registered_on, registered_event_id = EXCLUDED.registered_event_id`,
      [
        data.projectId, data.countyCode, data.townshipCode, data.code, data.kind, data.schoolCode, data.schoolName,
        data.schoolLevel, data.ownership, data.registeredOn, event.eventId,
      ],
    );
    await this.plannedFigures(manager, event, data);
    await this.refreshProject(manager, data.projectId);
  }

  /** The planned figures of the latest (highest `seq`) registration or change. */
  private async plannedFigures(manager: EntityManager, event: LoggedEvent, data: Data<'ProjectPlannedFiguresChangedV1'> | Data<'ProjectRegisteredV1'>): Promise<void> {
    await manager.query(
      `UPDATE rm_project SET name = $2, planned_investment_fen = $3, planned_floor_area = $4, planned_seats = $5,
         planned_start_date = $6, planned_completion_date = $7, programme_year = $8, programme_name = $9,
         planned_milestones = $10::jsonb, figures_seq = $11, figures_event_id = $12
       WHERE project_id = $1 AND figures_seq < $11`,
      [
        data.projectId, data.name, data.plannedInvestmentFen, data.plannedFloorArea, data.plannedSeats, data.plannedStartDate,
        data.plannedCompletionDate, data.programmeYear, data.programmeName, JSON.stringify(data.plannedMilestones ?? {}),
        event.seq, event.eventId,
      ],
    );
  }

  private async phaseEvent(manager: EntityManager, event: LoggedEvent, projectId: string, toPhase: string, kind: 'change' | 'milestone'): Promise<void> {
    await manager.query(
      `INSERT INTO rm_phase_event (event_id, project_id, seq, business_date, to_phase, kind) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (event_id) DO NOTHING`,
      [event.eventId, projectId, event.seq, event.businessDate, toPhase, kind],
    );
    await this.refreshProject(manager, projectId);
  }

  private async progress(manager: EntityManager, event: LoggedEvent, data: Data<'ProjectProgressReportedV1'>): Promise<void> {
    await manager.query(
      `INSERT INTO rm_progress (project_id, month, percent, reported_on, seq, event_id) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (project_id, month) DO UPDATE SET percent = EXCLUDED.percent, reported_on = EXCLUDED.reported_on,
         seq = EXCLUDED.seq, event_id = EXCLUDED.event_id
       WHERE rm_progress.seq < EXCLUDED.seq`,
      [data.projectId, data.month, data.percent, data.reportedOn, event.seq, event.eventId],
    );
    await this.refreshProject(manager, data.projectId);
  }

  private async accepted(manager: EntityManager, event: LoggedEvent, data: Data<'ProjectAcceptedV1'>): Promise<void> {
    await this.ensureProject(manager, data);
    await manager.query(`UPDATE rm_project SET accepted_on = $2, final_cost_fen = $3 WHERE project_id = $1`, [
      data.projectId, data.acceptanceDate, data.finalCostFen,
    ]);
    await this.seats(manager, event, {
      projectId: data.projectId,
      countyCode: data.countyCode,
      townshipCode: data.townshipCode,
      schoolCode: data.schoolCode,
      level: data.schoolLevel,
      ownership: data.ownership,
      deliveredSeats: data.deliveredSeats,
      date: data.acceptanceDate,
      rank: 1,
    });
    await this.phaseEvent(manager, event, data.projectId, 'accepted', 'change');
  }

  private async ledger(manager: EntityManager, event: LoggedEvent): Promise<void> {
    const data = event.payload as Data<'AllocationRecordedV1'> & Partial<Data<'DisbursementRecordedV1'>> & Partial<Data<'EntryReversedV1'>>;
    const kind = {
      [Events.AllocationRecordedV1.type]: 'allocation',
      [Events.DisbursementRecordedV1.type]: 'disbursement',
      [Events.ExpenditureRecordedV1.type]: 'expenditure',
      [Events.EntryReversedV1.type]: 'reversal',
    }[event.type];
    await manager.query(
      `INSERT INTO rm_ledger (entry_id, event_id, kind, project_id, county_code, township_code, source, fiscal_year, entry_date,
                              amount_fen, allocation_id, original_entry_id, original_kind)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (entry_id) DO NOTHING`,
      [
        data.entryId, event.eventId, kind, data.projectId, data.countyCode, data.townshipCode, data.source, data.fiscalYear,
        data.date, data.amountFen, data.allocationId ?? null, data.originalEntryId ?? null, data.originalKind ?? null,
      ],
    );
  }

  private async seats(
    manager: EntityManager,
    event: LoggedEvent,
    row: { projectId: string; countyCode: string; townshipCode: string; schoolCode: string; level: string; ownership: string; deliveredSeats: number; date: string; rank: number },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO rm_seats (project_id, county_code, township_code, school_code, level, ownership, delivered_seats, delivered_on,
                             source_rank, seq, event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (project_id) DO UPDATE SET county_code = EXCLUDED.county_code, township_code = EXCLUDED.township_code,
         school_code = EXCLUDED.school_code, level = EXCLUDED.level, ownership = EXCLUDED.ownership,
         delivered_seats = EXCLUDED.delivered_seats, delivered_on = EXCLUDED.delivered_on, source_rank = EXCLUDED.source_rank,
         seq = EXCLUDED.seq, event_id = EXCLUDED.event_id
       WHERE (rm_seats.source_rank, rm_seats.seq) < (EXCLUDED.source_rank, EXCLUDED.seq)`,
      [
        row.projectId, row.countyCode, row.townshipCode, row.schoolCode, row.level, row.ownership, row.deliveredSeats, row.date,
        row.rank, event.seq, event.eventId,
      ],
    );
  }

  private async target(manager: EntityManager, event: LoggedEvent, data: Data<'SeatTargetSetV1'>): Promise<void> {
    await manager.query(
      `INSERT INTO rm_seat_target (county_code, township_code, year, level, ownership, seats, target_id, set_on, seq, event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (county_code, township_code, year, level, ownership) DO UPDATE SET seats = EXCLUDED.seats,
         target_id = EXCLUDED.target_id, set_on = EXCLUDED.set_on, seq = EXCLUDED.seq, event_id = EXCLUDED.event_id
       WHERE rm_seat_target.seq < EXCLUDED.seq`,
      [data.countyCode, data.townshipCode ?? '-', data.year, data.level, data.ownership, data.seats, data.targetId, event.businessDate, event.seq, event.eventId],
    );
  }

  private async enrolment(manager: EntityManager, event: LoggedEvent, data: Data<'EnrolmentReportedV1'>): Promise<void> {
    await manager.query(
      `INSERT INTO rm_enrolment (school_code, term, county_code, township_code, level, ownership, reported_on, classes, pupils,
                                 large_classes, very_large_classes, seat_gap_no_large_classes, seat_gap_standard_size, seq, event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (school_code, term) DO UPDATE SET county_code = EXCLUDED.county_code, township_code = EXCLUDED.township_code,
         level = EXCLUDED.level, ownership = EXCLUDED.ownership, reported_on = EXCLUDED.reported_on, classes = EXCLUDED.classes,
         pupils = EXCLUDED.pupils, large_classes = EXCLUDED.large_classes, very_large_classes = EXCLUDED.very_large_classes,
         seat_gap_no_large_classes = EXCLUDED.seat_gap_no_large_classes, seat_gap_standard_size = EXCLUDED.seat_gap_standard_size,
         seq = EXCLUDED.seq, event_id = EXCLUDED.event_id
       WHERE rm_enrolment.seq < EXCLUDED.seq`,
      [
        data.schoolCode, data.term, data.countyCode, data.townshipCode, data.level, data.ownership, data.reportedOn, data.classes,
        data.pupils, data.classSizeBands.large, data.classSizeBands.veryLarge, data.seatGapNoLargeClasses, data.seatGapStandardSize,
        event.seq, event.eventId,
      ],
    );
  }

  /** Recomputes a project's current phase, first-reached dates and latest progress from its history. */
  private async refreshProject(manager: EntityManager, projectId: string): Promise<void> {
    await manager.query(
      `UPDATE rm_project p SET
         phase = COALESCE((SELECT e.to_phase FROM rm_phase_event e WHERE e.project_id = p.project_id AND e.kind = 'change'
                           ORDER BY e.business_date DESC, e.seq DESC LIMIT 1), 'approved'),
         reached_on = COALESCE((SELECT jsonb_object_agg(x.to_phase, x.first_on) FROM (
                         SELECT e.to_phase, min(e.business_date)::text AS first_on FROM rm_phase_event e
                         WHERE e.project_id = p.project_id GROUP BY e.to_phase) x), '{}'::jsonb),
         latest_percent = (SELECT r.percent FROM rm_progress r WHERE r.project_id = p.project_id ORDER BY r.month DESC LIMIT 1),
         last_report_month = (SELECT max(r.month) FROM rm_progress r WHERE r.project_id = p.project_id)
       WHERE p.project_id = $1`,
      [projectId],
    );
  }
}
