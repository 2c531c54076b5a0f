import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ProjectSeats, SeatLedgerEntry } from '../domain';
import { ProjectSeatsEntity } from './project-seats.entity';
import { SeatDeliveryEntity } from './seat-delivery.entity';
import { SeatLedgerEntryEntity } from './seat-ledger-entry.entity';

/** All database access for the seat pipeline: project rows, their ledger, and seat deliveries. */
@Injectable()
export class SeatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  lockProject(manager: EntityManager, projectId: string): Promise<ProjectSeatsEntity | null> {
    return manager.findOne(ProjectSeatsEntity, { where: { projectId }, lock: { mode: 'pessimistic_write' } });
  }

  async saveProject(manager: EntityManager, project: ProjectSeatsEntity): Promise<void> {
    await manager.save(ProjectSeatsEntity, project);
  }

  async appendLedger(manager: EntityManager, entry: Omit<SeatLedgerEntryEntity, 'seq'>): Promise<void> {
    const row: { max: number | null } | undefined = await manager
      .createQueryBuilder(SeatLedgerEntryEntity, 'l')
      .select('MAX(l.seq)', 'max')
      .where('l.project_id = :projectId', { projectId: entry.projectId })
      .getRawOne();
    await manager.insert(SeatLedgerEntryEntity, { ...entry, seq: (row?.max ?? 0) + 1 });
  }

  /**
   * Records a project's delivery; false (and nothing written) when the project already has one.
   * The primary key makes this the last guard against counting a project's seats twice.
   */
  async insertDeliveryOnce(manager: EntityManager, delivery: SeatDeliveryEntity): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(SeatDeliveryEntity)
      .values(delivery)
      .orIgnore()
      .returning(['projectId'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  /** Seats delivered to a school after an instant (e.g. its latest enrolment report). */
  async deliveredSince(manager: EntityManager, schoolId: string, since: Date | null): Promise<number> {
    const qb = manager.createQueryBuilder(SeatDeliveryEntity, 'd').select('COALESCE(SUM(d.delivered_seats), 0)::int', 'sum').where('d.school_id = :schoolId', { schoolId });
    if (since) qb.andWhere('d.recorded_at > :since', { since });
    const row: { sum: number } | undefined = await qb.getRawOne();
    return row?.sum ?? 0;
  }

  deliveriesOf(schoolId: string): Promise<SeatDeliveryEntity[]> {
    return this.dataSource.manager.find(SeatDeliveryEntity, { where: { schoolId }, order: { acceptanceDate: 'ASC', projectId: 'ASC' } });
  }

  findProject(projectId: string): Promise<ProjectSeatsEntity | null> {
    return this.dataSource.manager.findOne(ProjectSeatsEntity, { where: { projectId } });
  }

  projectsOfSchool(countyCode: string, schoolCode: string): Promise<ProjectSeatsEntity[]> {
    return this.dataSource.manager.find(ProjectSeatsEntity, { where: { countyCode, schoolCode }, order: { projectId: 'ASC' } });
  }

  /** A county's ledger up to a date, in per-project arrival order. */
  async ledgerOfCounty(countyCode: string, asOf: string): Promise<SeatLedgerEntry[]> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(SeatLedgerEntryEntity, 'l')
      .where('l.county_code = :countyCode AND l.business_date <= :asOf', { countyCode, asOf })
      .orderBy('l.project_id', 'ASC')
      .addOrderBy('l.seq', 'ASC')
      .getMany();
    return rows.map((r) => ({
      businessDate: r.businessDate,
      event: {
        projectId: r.projectId,
        type: r.type,
        ...(r.plannedSeats === null ? {} : { plannedSeats: r.plannedSeats }),
        ...(r.deliveredSeats === null ? {} : { deliveredSeats: r.deliveredSeats }),
        schoolCode: r.schoolCode,
        townshipCode: r.townshipCode,
        level: r.level,
        ownership: r.ownership,
      },
    }));
  }
}

export function toProjectSeats(row: ProjectSeatsEntity): ProjectSeats {
  return {
    projectId: row.projectId,
    status: row.status,
    plannedSeats: row.plannedSeats,
    deliveredSeats: row.deliveredSeats,
    schoolCode: row.schoolCode,
    townshipCode: row.townshipCode,
    level: row.level,
    ownership: row.ownership,
  };
}
