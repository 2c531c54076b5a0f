import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { Events } from '@xiaojian/contracts';
import { formatYuan } from '@xiaojian/domain-kernel';
import { OutboxWriter } from '@xiaojian/messaging';
import { Page, Principal, assertCanWrite, canRead, pageOffset, scopeFilter, toPage } from '@xiaojian/platform';
import { actorOf } from './actor';
import { Clock } from './clock';
import { CreateProjectBody, ExportProjectsQuery, ListProjectsQuery, PLANNED_FIGURE_FIELDS, UpdatePlannedFiguresBody } from './dto/project.schema';
import { etagOf, ifMatchAllows, parseIfMatch } from './project.etag';
import { NewProject, NewProjectInput, extraMilestones, validateNewProject } from './project-input';
import { ProjectEntity } from './project.entity';
import {
  duplicateCodeProblem,
  invalidInputProblem,
  preconditionRequiredProblem,
  projectNotFound,
  staleVersionProblem,
} from './project.problems';
import { ProjectView, plannedFiguresOf, registeredEvent, toProjectView } from './project.view';
import { ProjectsRepository } from './projects.repository';

export const MAX_EXPORT_ROWS = 10_000;

const INVALID_PLAN = { zh: '项目信息不符合要求', en: 'Invalid project data' };

const isUniqueViolation = (e: unknown) => e instanceof QueryFailedError && (e.driverError as { code?: string })?.code === '23505';

/** Registration, reading and planned-figure changes of projects. */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly repository: ProjectsRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  view(project: ProjectEntity): ProjectView {
    return toProjectView(project, this.clock.today());
  }

  /** A validated new project as an entity (not yet stored). */
  buildProject(input: NewProject, principal: Principal): ProjectEntity {
    const actor = actorOf(principal);
    const now = this.clock.now();
    return Object.assign(new ProjectEntity(), {
      id: randomUUID(),
      code: input.code,
      name: input.name,
      kind: input.kind,
      schoolCode: input.schoolCode,
      schoolName: input.schoolName,
      schoolLevel: input.schoolLevel,
      ownership: input.ownership,
      countyCode: input.countyCode,
      townshipCode: input.townshipCode,
      plannedInvestmentFen: input.plannedInvestmentFen,
      plannedFloorArea: input.plannedFloorArea,
      plannedSeats: input.plannedSeats,
      plannedStartDate: input.plannedStartDate,
      plannedCompletionDate: input.plannedCompletionDate,
      programmeYear: input.programmeYear,
      programmeName: input.programmeName,
      notes: input.notes,
      plannedMilestones: input.plannedMilestones,
      phase: 'approved',
      phaseSince: input.approvedOn,
      suspendedFrom: null,
      registeredOn: input.approvedOn,
      contractor: null,
      contractAmountFen: null,
      actualStartDate: null,
      acceptanceDate: null,
      deliveredSeats: null,
      deliveredFloorArea: null,
      finalCostFen: null,
      latestProgressMonth: null,
      latestProgressPercent: null,
      version: 1,
      createdById: actor.userId,
      createdByName: actor.name,
      updatedById: actor.userId,
      updatedByName: actor.name,
      createdAt: now,
      updatedAt: now,
    } satisfies ProjectEntity);
  }

  /** Stores a new project and announces it, inside the caller's transaction. */
  async register(manager: EntityManager, project: ProjectEntity): Promise<void> {
    await this.repository.insert(manager, project);
    await this.outbox.record(manager, Events.ProjectRegisteredV1, registeredEvent(project));
  }

  async create(principal: Principal, body: CreateProjectBody): Promise<ProjectEntity> {
    const result = validateNewProject(body as NewProjectInput, this.clock.today());
    if (!result.ok) throw invalidInputProblem('invalid-project', INVALID_PLAN, result.error);
    const input = result.value;
    assertCanWrite(principal, { countyCode: input.countyCode, townshipCode: input.townshipCode });
    const project = this.buildProject(input, principal);
    try {
      await this.repository.transaction(async (manager) => {
        if (await this.repository.codeExists(input.countyCode, input.code, manager)) throw duplicateCodeProblem(input.code, input.countyCode);
        await this.register(manager, project);
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicateCodeProblem(input.code, input.countyCode);
      throw e;
    }
    return project;
  }

  /** The project if the principal may read it; 404 otherwise (existence is not revealed outside one's jurisdiction). */
  async get(principal: Principal, id: string): Promise<ProjectEntity> {
    const project = await this.repository.findById(id);
    if (!project || !canRead(principal, project)) throw projectNotFound(id);
    return project;
  }

  /**
   * Loads and locks a project for a write by `principal`: 404 outside their reading scope, 403
   * outside their writing scope, 428/412 when `ifMatch` is required and missing or stale.
   */
  async lockForWrite(
    manager: EntityManager,
    principal: Principal,
    id: string,
    ifMatch: string | string[] | undefined,
    requireIfMatch: boolean,
  ): Promise<ProjectEntity> {
    const project = await this.repository.lockById(manager, id);
    if (!project || !canRead(principal, project)) throw projectNotFound(id);
    assertCanWrite(principal, project);
    const parsed = parseIfMatch(ifMatch);
    if (parsed === undefined) {
      if (requireIfMatch) throw preconditionRequiredProblem();
    } else if (!ifMatchAllows(parsed, project.version)) {
      throw staleVersionProblem(etagOf(project.version));
    }
    return project;
  }

  touch(project: ProjectEntity, principal: Principal): void {
    const actor = actorOf(principal);
    project.version += 1;
    project.updatedById = actor.userId;
    project.updatedByName = actor.name;
    project.updatedAt = this.clock.now();
  }

  async updatePlannedFigures(
    principal: Principal,
    id: string,
    ifMatch: string | string[] | undefined,
    body: UpdatePlannedFiguresBody,
  ): Promise<ProjectEntity> {
    return this.repository.transaction(async (manager) => {
      const project = await this.lockForWrite(manager, principal, id, ifMatch, true);
      const current = {
        name: project.name,
        plannedInvestment: formatYuan(project.plannedInvestmentFen),
        plannedFloorArea: project.plannedFloorArea,
        plannedSeats: project.plannedSeats,
        plannedStartDate: project.plannedStartDate,
        plannedCompletionDate: project.plannedCompletionDate,
        programmeYear: project.programmeYear,
        programmeName: project.programmeName,
        notes: project.notes,
        plannedMilestones: extraMilestones(project.plannedMilestones) as Record<string, string | null>,
      };
      const merged: NewProjectInput = {
        ...current,
        ...body,
        code: project.code,
        kind: project.kind,
        schoolCode: project.schoolCode,
        schoolName: project.schoolName,
        schoolLevel: project.schoolLevel,
        ownership: project.ownership,
        countyCode: project.countyCode,
        townshipCode: project.townshipCode,
        approvedOn: project.registeredOn,
      };
      const result = validateNewProject(merged, this.clock.today());
      if (!result.ok) throw invalidInputProblem('invalid-project', INVALID_PLAN, result.error);
      const next = result.value;

      const changedFields = PLANNED_FIGURE_FIELDS.filter((field) => {
        switch (field) {
          case 'plannedInvestment':
            return next.plannedInvestmentFen !== project.plannedInvestmentFen;
          case 'plannedMilestones':
            return JSON.stringify(next.plannedMilestones) !== JSON.stringify(normalizedMilestones(project.plannedMilestones));
          default:
            return next[field] !== project[field];
        }
      });
      if (changedFields.length === 0) return project;

      Object.assign(project, {
        name: next.name,
        plannedInvestmentFen: next.plannedInvestmentFen,
        plannedFloorArea: next.plannedFloorArea,
        plannedSeats: next.plannedSeats,
        plannedStartDate: next.plannedStartDate,
        plannedCompletionDate: next.plannedCompletionDate,
        programmeYear: next.programmeYear,
        programmeName: next.programmeName,
        notes: next.notes,
        plannedMilestones: next.plannedMilestones,
      });
      this.touch(project, principal);
      await this.repository.save(manager, project);
      await this.outbox.record(manager, Events.ProjectPlannedFiguresChangedV1, {
        projectId: project.id,
        countyCode: project.countyCode,
        townshipCode: project.townshipCode,
        ...plannedFiguresOf(project),
        changedFields: [...changedFields],
        changedBy: project.updatedById,
      });
      return project;
    });
  }

  async list(principal: Principal, query: ListProjectsQuery): Promise<Page<ProjectView>> {
    const today = this.clock.today();
    const [items, total] = await this.repository.list(query, scopeFilter(principal), today, pageOffset(query), query.sort);
    return toPage(items.map((p) => toProjectView(p, today)), total, query);
  }

  /** The filtered list for the spreadsheet export (at most MAX_EXPORT_ROWS rows). */
  async listForExport(principal: Principal, query: ExportProjectsQuery): Promise<{ items: ProjectView[]; total: number }> {
    const today = this.clock.today();
    const [items, total] = await this.repository.list(query, scopeFilter(principal), today, { offset: 0, limit: MAX_EXPORT_ROWS }, query.sort);
    return { items: items.map((p) => toProjectView(p, today)), total };
  }
}

/** Milestones in main-line key order, as `validateNewProject` produces them. */
function normalizedMilestones(m: ProjectEntity['plannedMilestones']): ProjectEntity['plannedMilestones'] {
  const order = ['approved', 'preparation', 'tendering', 'under_construction', 'completed', 'accepted', 'in_use'] as const;
  const out: ProjectEntity['plannedMilestones'] = {};
  for (const phase of order) if (m[phase] !== undefined) out[phase] = m[phase];
  return out;
}
