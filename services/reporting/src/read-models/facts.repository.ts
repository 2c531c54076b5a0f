import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ProjectPhaseCode } from '../bulletins/bulletin-document';
import type { LedgerFact, PhaseEventFact, ProgressFact, ProjectFact, ReportingFacts } from '../figures/facts';

/** Loads a county's read-model rows as the plain facts the figure computations take. */
@Injectable()
export class FactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async countyFacts(countyCode: string, manager: EntityManager = this.dataSource.manager): Promise<ReportingFacts> {
    // One after another: inside a transaction they share one connection.
    const queries: [string, unknown[]][] = [
      [
        `SELECT project_id, code, name, kind, school_name, school_level, ownership, county_code, township_code,
                registered_on::text AS registered_on, registered_event_id, figures_event_id, planned_investment_fen, planned_seats,
                planned_start_date::text AS planned_start_date, planned_completion_date::text AS planned_completion_date,
                programme_year, planned_milestones
         FROM rm_project WHERE county_code = $1 AND code IS NOT NULL AND figures_event_id IS NOT NULL`,
        [countyCode],
      ],
      [
        `SELECT e.project_id, e.event_id, e.business_date::text AS business_date, e.seq, e.to_phase, e.kind
         FROM rm_phase_event e JOIN rm_project p ON p.project_id = e.project_id WHERE p.county_code = $1`,
        [countyCode],
      ],
      [
        `SELECT r.project_id, r.month, r.percent, r.event_id FROM rm_progress r JOIN rm_project p ON p.project_id = r.project_id
         WHERE p.county_code = $1`,
        [countyCode],
      ],
      [
        `SELECT entry_id, event_id, kind, project_id, county_code, township_code, source, fiscal_year, entry_date::text AS entry_date,
                amount_fen, original_kind
         FROM rm_ledger WHERE county_code = $1`,
        [countyCode],
      ],
      [
        `SELECT project_id, county_code, township_code, level, ownership, delivered_seats, delivered_on::text AS delivered_on, event_id
         FROM rm_seats WHERE county_code = $1`,
        [countyCode],
      ],
      [`SELECT county_code, township_code, year, level, ownership, seats, event_id FROM rm_seat_target WHERE county_code = $1`, [countyCode]],
      [
        `SELECT school_code, term, county_code, township_code, reported_on::text AS reported_on, large_classes, very_large_classes,
                seat_gap_no_large_classes, event_id
         FROM rm_enrolment WHERE county_code = $1`,
        [countyCode],
      ],
    ];
    const results: Record<string, any>[][] = [];
    for (const [sql, params] of queries) results.push(await manager.query(sql, params));
    const [projects, phaseEvents, progress, ledger, seats, targets, enrolments] = results;

    const phasesOf = new Map<string, PhaseEventFact[]>();
    for (const row of phaseEvents) {
      const list = phasesOf.get(row.project_id) ?? [];
      list.push({ eventId: row.event_id, businessDate: row.business_date, seq: Number(row.seq), toPhase: row.to_phase as ProjectPhaseCode, kind: row.kind });
      phasesOf.set(row.project_id, list);
    }
    const progressOf = new Map<string, ProgressFact[]>();
    for (const row of progress) {
      const list = progressOf.get(row.project_id) ?? [];
      list.push({ month: row.month, percent: Number(row.percent), eventId: row.event_id });
      progressOf.set(row.project_id, list);
    }

    return {
      projects: projects.map(
        (row: Record<string, any>): ProjectFact => ({
          projectId: row.project_id,
          code: row.code,
          name: row.name ?? row.code,
          kind: row.kind,
          schoolName: row.school_name,
          schoolLevel: row.school_level,
          ownership: row.ownership,
          countyCode: row.county_code,
          townshipCode: row.township_code,
          registeredOn: row.registered_on,
          registeredEventId: row.registered_event_id,
          figuresEventId: row.figures_event_id,
          plannedInvestmentFen: Number(row.planned_investment_fen ?? 0),
          plannedSeats: Number(row.planned_seats ?? 0),
          plannedStartDate: row.planned_start_date,
          plannedCompletionDate: row.planned_completion_date,
          programmeYear: Number(row.programme_year),
          plannedMilestones: row.planned_milestones ?? {},
          phaseEvents: phasesOf.get(row.project_id) ?? [],
          progress: progressOf.get(row.project_id) ?? [],
        }),
      ),
      ledger: ledger.map(
        (row: Record<string, any>): LedgerFact => ({
          entryId: row.entry_id,
          eventId: row.event_id,
          kind: row.kind,
          projectId: row.project_id,
          countyCode: row.county_code,
          townshipCode: row.township_code,
          source: row.source,
          fiscalYear: Number(row.fiscal_year),
          date: row.entry_date,
          amountFen: Number(row.amount_fen),
          originalKind: row.original_kind,
        }),
      ),
      seatsDelivered: seats.map((row: Record<string, any>) => ({
        projectId: row.project_id,
        countyCode: row.county_code,
        townshipCode: row.township_code,
        level: row.level,
        ownership: row.ownership,
        deliveredSeats: Number(row.delivered_seats),
        date: row.delivered_on,
        eventId: row.event_id,
      })),
      targets: targets.map((row: Record<string, any>) => ({
        countyCode: row.county_code,
        townshipCode: row.township_code === '-' ? null : row.township_code,
        year: Number(row.year),
        level: row.level,
        ownership: row.ownership,
        seats: Number(row.seats),
        eventId: row.event_id,
      })),
      enrolments: enrolments.map((row: Record<string, any>) => ({
        schoolCode: row.school_code,
        term: row.term,
        countyCode: row.county_code,
        townshipCode: row.township_code,
        reportedOn: row.reported_on,
        largeClasses: Number(row.large_classes),
        veryLargeClasses: Number(row.very_large_classes),
        seatGap: Number(row.seat_gap_no_large_classes),
        eventId: row.event_id,
      })),
    };
  }

  /** Counties that have any read-model row (for the month-end run). */
  async knownCounties(): Promise<string[]> {
    const rows: { county_code: string }[] = await this.dataSource.query(
      `SELECT county_code FROM rm_project UNION SELECT county_code FROM rm_ledger UNION SELECT county_code FROM rm_seats ORDER BY 1`,
    );
    return rows.map((r) => r.county_code);
  }

  /** The logged events behind a trace, in business-date order. */
  async events(eventIds: readonly string[]): Promise<{ eventId: string; type: string; subject: string; businessDate: string; receivedAt: string }[]> {
    if (eventIds.length === 0) return [];
    const rows: Record<string, any>[] = await this.dataSource.query(
      `SELECT event_id, type, subject, business_date::text AS business_date, received_at FROM reporting_event
       WHERE event_id = ANY($1) ORDER BY business_date, seq`,
      [eventIds],
    );
    return rows.map((r) => ({
      eventId: r.event_id,
      type: r.type,
      subject: r.subject,
      businessDate: r.business_date,
      receivedAt: new Date(r.received_at).toISOString(),
    }));
  }
}
