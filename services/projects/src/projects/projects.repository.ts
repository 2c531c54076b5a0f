import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ScopeFilter, SortSpec, scopeToSql } from '@xiaojian/platform';
import { IsoDate, MAIN_LINE_PHASES, Ownership, ProjectKind, ProjectPhase, SchoolLevel } from '../domain';
import { PhaseTransitionEntity } from './phase-transition.entity';
import { ProgressReportEntity } from './progress-report.entity';
import { ProjectEntity } from './project.entity';

export const PROJECT_SORTABLE = [
  'code', 'name', 'plannedStartDate', 'plannedCompletionDate', 'plannedInvestmentFen', 'programmeYear', 'createdAt', 'latestProgressPercent',
] as const;
export type ProjectSortField = (typeof PROJECT_SORTABLE)[number];

export interface ProjectListFilter {
  county?: string;
  township?: string;
  kind?: ProjectKind;
  phase?: ProjectPhase;
  level?: SchoolLevel;
  ownership?: Ownership;
  programmeYear?: number;
  overdue?: boolean;
  /** Matches the code or the name, case-insensitively, anywhere in the text. */
  q?: string;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** All database access of projects, their transitions and progress reports. */
@Injectable()
export class ProjectsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<ProjectEntity | null> {
    return manager.findOneBy(ProjectEntity, { id });
  }

  /** Reads the project and locks its row until the transaction ends: writes to one project are serialised. */
  lockById(manager: EntityManager, id: string): Promise<ProjectEntity | null> {
    return manager.createQueryBuilder(ProjectEntity, 'p').setLock('pessimistic_write').where('p.id = :id', { id }).getOne();
  }

  async codeExists(countyCode: string, code: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.exists(ProjectEntity, { where: { countyCode, code } });
  }

  /** Which of `codes` already exist in the county. */
  async existingCodes(countyCode: string, codes: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await manager
      .createQueryBuilder(ProjectEntity, 'p')
      .select('p.code', 'code')
      .where('p.countyCode = :countyCode AND p.code = ANY(:codes)', { countyCode, codes })
      .getRawMany<{ code: string }>();
    return new Set(rows.map((r) => r.code));
  }

  async insert(manager: EntityManager, project: ProjectEntity): Promise<void> {
    await manager.insert(ProjectEntity, project);
  }

  async save(manager: EntityManager, project: ProjectEntity): Promise<void> {
    await manager.save(ProjectEntity, project);
  }

  async list(
    filter: ProjectListFilter,
    scope: ScopeFilter,
    today: IsoDate,
    page: { offset: number; limit: number },
    sort: SortSpec<ProjectSortField> | undefined,
  ): Promise<[ProjectEntity[], number]> {
    const qb = this.dataSource.manager.createQueryBuilder(ProjectEntity, 'p');
    const { clause, params } = scopeToSql(scope, { county: 'p.countyCode', township: 'p.townshipCode' });
    qb.where(clause, params);
    if (filter.county !== undefined) qb.andWhere('p.countyCode = :county', { county: filter.county });
    if (filter.township !== undefined) qb.andWhere('p.townshipCode = :township', { township: filter.township });
    if (filter.kind !== undefined) qb.andWhere('p.kind = :kind', { kind: filter.kind });
    if (filter.phase !== undefined) qb.andWhere('p.phase = :phase', { phase: filter.phase });
    if (filter.level !== undefined) qb.andWhere('p.schoolLevel = :level', { level: filter.level });
    if (filter.ownership !== undefined) qb.andWhere('p.ownership = :ownership', { ownership: filter.ownership });
    if (filter.programmeYear !== undefined) qb.andWhere('p.programmeYear = :programmeYear', { programmeYear: filter.programmeYear });
    if (filter.q !== undefined && filter.q !== '') {
      qb.andWhere(`(p.code ILIKE :q ESCAPE '\\' OR p.name ILIKE :q ESCAPE '\\')`, { q: `%${escapeLike(filter.q)}%` });
    }
    if (filter.overdue !== undefined) {
      // Same rule as domain/milestones isOverdue: a planned date before today of a phase beyond the
      // one reached (a suspended project counts as still in the phase it left); cancelled and in-use never.
      const overdueSql = `(p.phase NOT IN ('cancelled', 'in_use') AND EXISTS (
        SELECT 1 FROM jsonb_each_text(p.plannedMilestones) AS m(phase, planned)
        WHERE m.planned < :today
          AND array_position(CAST(:mainLine AS text[]), m.phase) > array_position(CAST(:mainLine AS text[]), COALESCE(p.suspendedFrom, p.phase))))`;
      qb.andWhere(filter.overdue ? overdueSql : `NOT ${overdueSql}`, { today, mainLine: [...MAIN_LINE_PHASES] });
    }
    const field = sort?.field ?? 'code';
    qb.orderBy(`p.${field}`, sort?.direction === 'desc' ? 'DESC' : 'ASC', 'NULLS LAST').addOrderBy('p.id', 'ASC');
    return qb.skip(page.offset).take(page.limit).getManyAndCount();
  }

  transitionsOf(projectId: string, manager: EntityManager = this.dataSource.manager): Promise<PhaseTransitionEntity[]> {
    return manager.find(PhaseTransitionEntity, { where: { projectId }, order: { sequence: 'ASC' } });
  }

  async insertTransition(manager: EntityManager, transition: PhaseTransitionEntity): Promise<void> {
    await manager.insert(PhaseTransitionEntity, transition);
  }

  /** Every report of the project, months ascending and, within a month, revisions ascending. */
  progressOf(projectId: string, manager: EntityManager = this.dataSource.manager): Promise<ProgressReportEntity[]> {
    return manager.find(ProgressReportEntity, { where: { projectId }, order: { month: 'ASC', revision: 'ASC' } });
  }

  async insertProgress(manager: EntityManager, report: ProgressReportEntity): Promise<void> {
    await manager.insert(ProgressReportEntity, report);
  }
}
