import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { GradeEnrolment } from '../domain';
import { TERM_ORDER_SQL } from '../shared/terms';
import { EnrolmentReportEntity } from './enrolment-report.entity';

export interface LatestEnrolment {
  reportId: string;
  schoolId: string;
  term: string;
  revision: number;
  grades: GradeEnrolment[];
}

/** All database access for term enrolment reports. */
@Injectable()
export class EnrolmentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The current (highest) revision of a school's report for a term. */
  currentOfTerm(manager: EntityManager, schoolId: string, term: string): Promise<EnrolmentReportEntity | null> {
    return manager.findOne(EnrolmentReportEntity, { where: { schoolId, term }, order: { revision: 'DESC' } });
  }

  firstOfTerm(manager: EntityManager, schoolId: string, term: string): Promise<EnrolmentReportEntity | null> {
    return manager.findOne(EnrolmentReportEntity, { where: { schoolId, term, revision: 1 } });
  }

  async insert(manager: EntityManager, report: EnrolmentReportEntity): Promise<void> {
    await manager.insert(EnrolmentReportEntity, report);
  }

  listOfSchool(schoolId: string): Promise<EnrolmentReportEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(EnrolmentReportEntity, 'r')
      .where('r.school_id = :schoolId', { schoolId })
      .orderBy(TERM_ORDER_SQL('r.term'), 'DESC')
      .addOrderBy('r.revision', 'DESC')
      .getMany();
  }

  /** The school's latest term's current revision (the one that counts). */
  async latestOfSchool(schoolId: string, manager: EntityManager = this.dataSource.manager): Promise<EnrolmentReportEntity | null> {
    return manager
      .createQueryBuilder(EnrolmentReportEntity, 'r')
      .where('r.school_id = :schoolId', { schoolId })
      .orderBy(TERM_ORDER_SQL('r.term'), 'DESC')
      .addOrderBy('r.revision', 'DESC')
      .getOne();
  }

  /** Per school, the latest term's latest revision reported on or before `asOf`. */
  async latestAsOf(schoolIds: readonly string[], asOf: string): Promise<Map<string, LatestEnrolment>> {
    if (schoolIds.length === 0) return new Map();
    const rows: { id: string; school_id: string; term: string; revision: number; grades: GradeEnrolment[] }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (school_id) id, school_id, term, revision, grades
         FROM enrolment_report
        WHERE school_id = ANY($1::uuid[]) AND reported_on <= $2::date
        ORDER BY school_id, ${TERM_ORDER_SQL('term')} DESC, revision DESC`,
      [schoolIds, asOf],
    );
    return new Map(rows.map((r) => [r.school_id, { reportId: r.id, schoolId: r.school_id, term: r.term, revision: r.revision, grades: r.grades }]));
  }
}
