import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Events } from '@xiaojian/contracts';
import { shanghaiDate } from '@xiaojian/domain-kernel';
import { OutboxWriter } from '@xiaojian/messaging';
import { assertCanRead, assertCanWrite, Principal, ProblemException } from '@xiaojian/platform';
import { BandSummary, GradeEnrolment, SeatGap, StandardClassSizes, afterEnrolmentReport, contractBands, schoolBandCounts, seatCapacity, seatGap, summariseBands, validateEnrolmentReport } from '../domain';
import { CapacityLedger } from '../schools/capacity-ledger.service';
import { SCHOOL_TEXT } from '../schools/schools.service';
import { SchoolsRepository } from '../schools/schools.repository';
import { SeatsRepository } from '../seats/seats.repository';
import { isUniqueViolation } from '../shared/db-errors';
import { InjectStandardSizes } from '../shared/standard-sizes';
import { EnrolmentReportBody } from './dto/enrolment.schema';
import { EnrolmentReportEntity } from './enrolment-report.entity';
import { EnrolmentRepository } from './enrolment.repository';

export interface EnrolmentReportView {
  id: string;
  schoolId: string;
  term: string;
  revision: number;
  correctionReason: string | null;
  reportedOn: string;
  reportedBy: string;
  classes: number;
  pupils: number;
  classCapacity: number;
  grades: GradeEnrolment[];
  classSizeBands: BandSummary;
  seatGap: SeatGap;
  /** The school's capacity right after this report (only for the response to the report). */
  schoolCapacity?: number;
}

function alreadyReported(existing: EnrolmentReportEntity): ProblemException {
  return ProblemException.conflict(
    'enrolment-already-reported',
    { zh: '该学期已填报', en: 'Term already reported' },
    {
      zh: `本校 ${existing.term} 学期的班级学生数已于 ${existing.reportedOn} 填报。如需修改，请以“更正”方式提交（correction: true）并说明原因。`,
      en: `Enrolment for ${existing.term} was reported on ${existing.reportedOn}; resubmit with correction: true and a reason to replace it.`,
    },
    { term: existing.term, reportId: existing.id, revision: existing.revision },
  );
}

function nothingToCorrect(term: string): ProblemException {
  return ProblemException.conflict(
    'no-report-to-correct',
    { zh: '没有可更正的填报', en: 'Nothing to correct' },
    { zh: `本校 ${term} 学期尚未填报，请直接填报（不要勾选“更正”）。`, en: `Nothing was reported for ${term} yet; submit it without correction.` },
    { term },
  );
}

@Injectable()
export class EnrolmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly schools: SchoolsRepository,
    private readonly reports: EnrolmentRepository,
    private readonly seats: SeatsRepository,
    private readonly ledger: CapacityLedger,
    private readonly outbox: OutboxWriter,
    @InjectStandardSizes() private readonly sizes: StandardClassSizes,
  ) {}

  /**
   * Records a term's report. One report per school and term: a second one is refused (409) unless
   * it is an explicit correction with a reason, which adds the next revision and replaces the
   * figures that count. Invalid reports are refused with every problem listed; nothing is written.
   */
  async report(user: Principal, schoolId: string, body: EnrolmentReportBody): Promise<EnrolmentReportView> {
    const found = await this.schools.findById(schoolId);
    if (!found) throw ProblemException.notFound(SCHOOL_TEXT, schoolId);
    assertCanWrite(user, found);
    if (found.status !== 'open') {
      throw ProblemException.conflict(
        'school-not-open',
        { zh: '学校已停办或合并', en: 'School is not open' },
        { zh: `该校状态为“${found.status === 'merged' ? '已合并' : '已停办'}”，不能再填报班级学生数。`, en: `The school is ${found.status}; it takes no enrolment reports.` },
        { status: found.status },
      );
    }
    const validated = validateEnrolmentReport(found.level, { term: body.term, grades: body.grades });
    if (!validated.ok) {
      throw ProblemException.badRequest(
        'invalid-enrolment-report',
        { zh: '班级学生数填报有误', en: 'Invalid enrolment report' },
        { zh: `共有 ${validated.error.length} 处填写有误，请按提示修改后重新提交；本次未保存任何数据。`, en: `${validated.error.length} problem(s); nothing was saved.` },
        validated.error.map((e) => ({ field: e.field, code: e.code, message: { zh: e.zh, en: e.en } })),
      );
    }
    const { term, grades } = validated.value;
    const classCapacity = seatCapacity({ level: found.level, classes: grades }, this.sizes);
    const counts = schoolBandCounts({ grades });
    const gap = seatGap({ level: found.level, grades }, this.sizes);
    const now = new Date();
    const reportedOn = shanghaiDate(now);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const school = (await this.schools.lockById(manager, schoolId))!;
        const existing = await this.reports.currentOfTerm(manager, school.id, term);
        if (existing && !body.correction) throw alreadyReported(existing);
        if (!existing && body.correction) throw nothingToCorrect(term);
        const report: EnrolmentReportEntity = {
          id: randomUUID(), schoolId: school.id, term, revision: (existing?.revision ?? 0) + 1,
          correctionReason: body.correction ? body.reason! : null, reportedOn, grades,
          classes: grades.reduce((sum, g) => sum + g.classes, 0), pupils: grades.reduce((sum, g) => sum + g.pupils, 0), classCapacity,
          bandNormal: counts.normal, bandLargeIsh: counts.large_ish, bandLarge: counts.large, bandVeryLarge: counts.very_large,
          seatGapNoLarge: gap.seatGapNoLarge, seatGapStandard: gap.seatGapStandard, reportedBy: user.userId, createdAt: now,
        };
        await this.reports.insert(manager, report);
        // Only the latest term sets the class capacity: a correction of an older term leaves it.
        const latest = await this.reports.latestOfSchool(school.id, manager);
        if (latest?.id === report.id) {
          const firstReported = existing ? await this.reports.firstOfTerm(manager, school.id, term) : null;
          const since = firstReported ? await this.seats.deliveredSince(manager, school.id, firstReported.createdAt) : 0;
          await this.ledger.apply(manager, school, afterEnrolmentReport(this.ledger.basisOf(school), classCapacity, since), {
            cause: 'enrolment_report', causeId: report.id, date: reportedOn,
          });
        }
        await this.outbox.record(manager, Events.EnrolmentReportedV1, {
          schoolId: school.id, schoolCode: school.code, countyCode: school.countyCode, townshipCode: school.townshipCode,
          level: school.level, ownership: school.ownership, term, reportedOn, classes: report.classes, pupils: report.pupils,
          capacity: school.capacity, classSizeBands: contractBands(counts),
          seatGapNoLargeClasses: gap.seatGapNoLarge, seatGapStandardSize: gap.seatGapStandard,
        });
        return { ...this.toView(report, school.level), schoolCapacity: school.capacity };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_enrolment_report_school_term_revision')) {
        const existing = await this.reports.currentOfTerm(this.dataSource.manager, schoolId, term);
        if (existing) throw alreadyReported(existing);
      }
      throw error;
    }
  }

  async list(user: Principal, schoolId: string): Promise<EnrolmentReportView[]> {
    const school = await this.schools.findById(schoolId);
    if (!school) throw ProblemException.notFound(SCHOOL_TEXT, schoolId);
    assertCanRead(user, school);
    return (await this.reports.listOfSchool(schoolId)).map((r) => this.toView(r, school.level));
  }

  private toView(r: EnrolmentReportEntity, level: Parameters<typeof seatGap>[0]['level']): EnrolmentReportView {
    return {
      id: r.id, schoolId: r.schoolId, term: r.term, revision: r.revision, correctionReason: r.correctionReason, reportedOn: r.reportedOn,
      reportedBy: r.reportedBy, classes: r.classes, pupils: r.pupils, classCapacity: r.classCapacity, grades: r.grades,
      classSizeBands: summariseBands(schoolBandCounts({ grades: r.grades })), seatGap: seatGap({ level, grades: r.grades }, this.sizes),
    };
  }
}
