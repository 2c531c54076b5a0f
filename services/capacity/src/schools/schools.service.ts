import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Events } from '@xiaojian/contracts';
import { shanghaiDate } from '@xiaojian/domain-kernel';
import { OutboxWriter } from '@xiaojian/messaging';
import { assertCanRead, assertCanWrite, Page, Principal, ProblemException, scopeFilter, toPage } from '@xiaojian/platform';
import { BandSummary, EnrolmentPressure, GradeEnrolment, Ownership, SchoolLevel, SeatGap, SeatTotals, StandardClassSizes, afterDeclaration, enrolmentPressure, schoolBandCounts, schoolPupils, seatGap, summariseBands, totalSeats } from '../domain';
import { EnrolmentRepository } from '../enrolment/enrolment.repository';
import { SeatsRepository, toProjectSeats } from '../seats/seats.repository';
import { inclusivePrivateOnlyForKindergartens } from '../shared/schemas';
import { InjectStandardSizes } from '../shared/standard-sizes';
import { isUniqueViolation } from '../shared/db-errors';
import { CapacityLedger } from './capacity-ledger.service';
import { CreateSchool, ListSchoolsQuery, UpdateSchool } from './dto/school.schema';
import { schoolEventData } from './school-events';
import { SchoolEntity, SchoolStatus } from './school.entity';
import { SchoolsRepository } from './schools.repository';

export interface SchoolView {
  id: string;
  code: string;
  name: string;
  level: SchoolLevel;
  ownership: Ownership;
  countyCode: string;
  townshipCode: string;
  status: SchoolStatus;
  declaredCapacity: number | null;
  classCapacity: number | null;
  deliveredSeats: number;
  deliveredSinceBaseline: number;
  capacity: number;
  createdAt: string;
  updatedAt: string;
}

export interface SchoolDetail extends SchoolView {
  latestEnrolment: { reportId: string; term: string; revision: number; reportedOn: string; classes: number; pupils: number; grades: GradeEnrolment[] } | null;
  /** Class-size bands of the latest report; null before any report. */
  classSizeBands: BandSummary | null;
  seatGap: SeatGap | null;
  /** Pupils of the latest report ÷ current capacity. */
  enrolmentPressure: EnrolmentPressure | null;
  /** The school's projects in the seat pipeline (planned, on hold, delivered). */
  seats: SeatTotals;
  deliveries: { projectId: string; deliveredSeats: number; acceptanceDate: string }[];
}

export const SCHOOL_TEXT = { zh: '学校', en: 'School' };

export function toSchoolView(s: SchoolEntity): SchoolView {
  return {
    id: s.id, code: s.code, name: s.name, level: s.level, ownership: s.ownership, countyCode: s.countyCode, townshipCode: s.townshipCode,
    status: s.status, declaredCapacity: s.declaredCapacity, classCapacity: s.classCapacity, deliveredSeats: s.deliveredSeats,
    deliveredSinceBaseline: s.deliveredSinceBaseline, capacity: s.capacity, createdAt: s.createdAt.toISOString(), updatedAt: s.updatedAt.toISOString(),
  };
}

/** What the seat pipeline knows about a school it has not seen before. */
export interface SchoolFromProject {
  countyCode: string;
  townshipCode: string;
  code: string;
  name: string;
  level: SchoolLevel;
  ownership: Ownership;
}

const duplicateCode = (countyCode: string, code: string) =>
  ProblemException.conflict(
    'school-code-taken',
    { zh: '学校代码已存在', en: 'School code already registered' },
    { zh: `本县（${countyCode}）已有代码为“${code}”的学校，请核对代码或修改已有学校。`, en: `County ${countyCode} already has a school with code "${code}".` },
    { countyCode, code },
  );

@Injectable()
export class SchoolsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly schools: SchoolsRepository,
    private readonly enrolment: EnrolmentRepository,
    private readonly seats: SeatsRepository,
    private readonly ledger: CapacityLedger,
    private readonly outbox: OutboxWriter,
    @InjectStandardSizes() private readonly sizes: StandardClassSizes,
  ) {}

  async create(user: Principal, input: CreateSchool): Promise<SchoolView> {
    const countyCode = input.countyCode ?? input.townshipCode.slice(0, 6);
    assertCanWrite(user, { countyCode, townshipCode: input.townshipCode });
    if (await this.schools.findByCode(countyCode, input.code)) throw duplicateCode(countyCode, input.code);
    const now = new Date();
    const school: SchoolEntity = {
      id: randomUUID(), countyCode, townshipCode: input.townshipCode, code: input.code, name: input.name, level: input.level,
      ownership: input.ownership, status: input.status, declaredCapacity: null, classCapacity: null, deliveredSeats: 0,
      deliveredSinceBaseline: 0, capacity: 0, createdAt: now, updatedAt: now,
    };
    try {
      await this.dataSource.transaction(async (manager) => {
        await this.schools.insert(manager, school);
        if (input.declaredCapacity !== undefined && input.declaredCapacity !== null) {
          await this.ledger.apply(manager, school, afterDeclaration(this.ledger.basisOf(school), input.declaredCapacity, 0), {
            cause: 'declared', causeId: school.id, date: shanghaiDate(now),
          });
        }
        await this.outbox.record(manager, Events.SchoolRegisteredV1, schoolEventData(school));
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_school_county_code')) throw duplicateCode(countyCode, input.code);
      throw error;
    }
    return toSchoolView(school);
  }

  async update(user: Principal, id: string, patch: UpdateSchool): Promise<SchoolView> {
    const existing = await this.schools.findById(id);
    if (!existing) throw ProblemException.notFound(SCHOOL_TEXT, id);
    assertCanWrite(user, existing);
    return this.dataSource.transaction(async (manager) => {
      const school = (await this.schools.lockById(manager, id))!;
      const level = school.level;
      const ownership = patch.ownership ?? school.ownership;
      if (ownership === 'inclusive_private' && level !== 'kindergarten') {
        throw ProblemException.badRequest('validation-failed', { zh: '提交的信息有误', en: 'Validation failed' }, inclusivePrivateOnlyForKindergartens.params.i18n, [
          { field: 'ownership', code: 'custom', message: inclusivePrivateOnlyForKindergartens.params.i18n },
        ]);
      }
      const changed: string[] = [];
      if (patch.name !== undefined && patch.name !== school.name) { school.name = patch.name; changed.push('name'); }
      if (patch.status !== undefined && patch.status !== school.status) { school.status = patch.status; changed.push('status'); }
      if (patch.ownership !== undefined && patch.ownership !== school.ownership) { school.ownership = patch.ownership; changed.push('ownership'); }
      const declared = patch.declaredCapacity;
      if (declared !== undefined && declared !== school.declaredCapacity) {
        changed.push('declaredCapacity');
        // Removing the declaration: back to the latest term's class capacity plus what was delivered since that term was first reported.
        const latest = declared === null ? await this.enrolment.latestOfSchool(school.id, manager) : null;
        const firstReported = latest ? await this.enrolment.firstOfTerm(manager, school.id, latest.term) : null;
        const since = declared === null ? await this.seats.deliveredSince(manager, school.id, firstReported?.createdAt ?? null) : 0;
        await this.ledger.apply(manager, school, afterDeclaration(this.ledger.basisOf(school), declared, since), {
          cause: 'declared', causeId: school.id, date: shanghaiDate(new Date()),
        });
      }
      if (changed.length === 0) return toSchoolView(school);
      school.updatedAt = new Date();
      await this.schools.save(manager, school);
      await this.outbox.record(manager, Events.SchoolChangedV1, { ...schoolEventData(school), changedFields: changed });
      return toSchoolView(school);
    });
  }

  async list(user: Principal, query: ListSchoolsQuery): Promise<Page<SchoolView>> {
    const [rows, total] = await this.schools.list(
      { scope: scopeFilter(user), countyCode: query.countyCode, townshipCode: query.townshipCode, level: query.level, ownership: query.ownership, status: query.status, q: query.q },
      { page: query.page, pageSize: query.pageSize, sort: query.sort },
    );
    return toPage(rows.map(toSchoolView), total, query);
  }

  async get(user: Principal, id: string): Promise<SchoolDetail> {
    const school = await this.schools.findById(id);
    if (!school) throw ProblemException.notFound(SCHOOL_TEXT, id);
    assertCanRead(user, school);
    const [report, projects, deliveries] = await Promise.all([
      this.enrolment.latestOfSchool(school.id),
      this.seats.projectsOfSchool(school.countyCode, school.code),
      this.seats.deliveriesOf(school.id),
    ]);
    const pipeline = { projects: Object.fromEntries(projects.map((p) => [p.projectId, toProjectSeats(p)])) };
    return {
      ...toSchoolView(school),
      latestEnrolment: report && {
        reportId: report.id, term: report.term, revision: report.revision, reportedOn: report.reportedOn,
        classes: report.classes, pupils: report.pupils, grades: report.grades,
      },
      classSizeBands: report && summariseBands(schoolBandCounts(report)),
      seatGap: report && seatGap({ level: school.level, grades: report.grades }, this.sizes),
      enrolmentPressure: report && enrolmentPressure(schoolPupils(report), school.capacity),
      seats: totalSeats(pipeline),
      deliveries: deliveries.map((d) => ({ projectId: d.projectId, deliveredSeats: d.deliveredSeats, acceptanceDate: d.acceptanceDate })),
    };
  }

  /**
   * The school a project names, registering it (status open, SchoolRegisteredV1) when this county
   * has no school with that code yet. Runs in the caller's (event handler's) transaction.
   */
  async ensureFromProject(manager: EntityManager, from: SchoolFromProject): Promise<SchoolEntity> {
    const existing = await this.schools.lockByCode(manager, from.countyCode, from.code);
    if (existing) return existing;
    const now = new Date();
    const school: SchoolEntity = {
      id: randomUUID(), countyCode: from.countyCode, townshipCode: from.townshipCode, code: from.code, name: from.name, level: from.level,
      ownership: from.ownership, status: 'open', declaredCapacity: null, classCapacity: null, deliveredSeats: 0, deliveredSinceBaseline: 0,
      capacity: 0, createdAt: now, updatedAt: now,
    };
    await this.schools.insert(manager, school);
    await this.outbox.record(manager, Events.SchoolRegisteredV1, schoolEventData(school));
    return school;
  }
}
