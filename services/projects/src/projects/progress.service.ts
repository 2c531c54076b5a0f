import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Events } from '@xiaojian/contracts';
import { OutboxWriter } from '@xiaojian/messaging';
import { ProblemException, type Principal } from '@xiaojian/platform';
import { ProgressEntry, validateProgressReport } from '../domain';
import { actorOf } from './actor';
import { Clock } from './clock';
import { ProgressReportBody } from './dto/progress.schema';
import { ProgressReportEntity } from './progress-report.entity';
import { invalidInputProblem, toProblemErrors } from './project.problems';
import { ProjectsRepository } from './projects.repository';
import { ProjectsService } from './projects.service';

/** The effective percent per month: the highest revision wins. Rows must be ordered month, revision ascending. */
export function effectiveByMonth(rows: readonly Pick<ProgressReportEntity, 'month' | 'percent'>[]): Map<string, number> {
  const byMonth = new Map<string, number>();
  for (const r of rows) byMonth.set(r.month, r.percent);
  return byMonth;
}

/** The percent a report for `month` follows: that month's effective value, else the latest earlier month's; null if none. */
export function previousPercentFor(byMonth: Map<string, number>, month: string): number | null {
  if (byMonth.has(month)) return byMonth.get(month)!;
  const earlier = [...byMonth.keys()].filter((m) => m < month).sort().pop();
  return earlier === undefined ? null : byMonth.get(earlier)!;
}

export function toProgressView(r: ProgressReportEntity, effective: boolean) {
  return {
    id: r.id,
    month: r.month,
    revision: r.revision,
    percent: r.percent,
    previousPercent: r.previousPercent,
    narrative: r.narrative,
    correction: r.correction,
    reason: r.reason,
    effective,
    reportedOn: r.reportedOn,
    reportedBy: { userId: r.reportedById, name: r.reportedByName },
    recordedAt: r.recordedAt.toISOString(),
  };
}

/** Monthly physical progress (形象进度) reports and corrections. */
@Injectable()
export class ProgressService {
  constructor(
    private readonly repository: ProjectsRepository,
    private readonly projects: ProjectsService,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async report(principal: Principal, id: string, body: ProgressReportBody) {
    const today = this.clock.today();
    const actor = actorOf(principal);
    return this.repository.transaction(async (manager) => {
      const project = await this.projects.lockForWrite(manager, principal, id, undefined, false);
      const history = await this.repository.progressOf(project.id, manager);
      const entries: ProgressEntry[] = history.map((r) => ({ month: r.month, percent: r.percent }));
      const result = validateProgressReport(
        { month: body.month, percent: body.percent, correction: body.correction, reason: body.reason },
        { phase: project.phase, history: entries, today },
      );
      if (!result.ok) {
        const inactive = result.error.find((e) => e.code === 'project_inactive');
        if (inactive) {
          throw new ProblemException({
            status: 409,
            code: 'project-inactive',
            title: { zh: '项目当前不能填报进度', en: 'Project is not active' },
            detail: { zh: inactive.zh, en: inactive.en },
            errors: toProblemErrors(result.error),
            extensions: { currentPhase: project.phase },
          });
        }
        throw invalidInputProblem('invalid-progress-report', { zh: '进度填报不符合要求', en: 'Invalid progress report' }, result.error);
      }
      const report = result.value;
      const byMonth = effectiveByMonth(history);
      const previousPercent = previousPercentFor(byMonth, report.month);
      const row = Object.assign(new ProgressReportEntity(), {
        id: randomUUID(),
        projectId: project.id,
        month: report.month,
        revision: history.filter((r) => r.month === report.month).length + 1,
        percent: report.percent,
        previousPercent,
        narrative: body.narrative,
        correction: report.correction,
        reason: report.reason ?? null,
        reportedOn: today,
        reportedById: actor.userId,
        reportedByName: actor.name,
        recordedAt: this.clock.now(),
      } satisfies ProgressReportEntity);
      await this.repository.insertProgress(manager, row);

      byMonth.set(report.month, report.percent);
      const latestMonth = [...byMonth.keys()].sort().pop()!;
      project.latestProgressMonth = latestMonth;
      project.latestProgressPercent = byMonth.get(latestMonth)!;
      this.projects.touch(project, principal);
      await this.repository.save(manager, project);

      await this.outbox.record(manager, Events.ProjectProgressReportedV1, {
        projectId: project.id,
        countyCode: project.countyCode,
        townshipCode: project.townshipCode,
        month: report.month,
        percent: report.percent,
        previousPercent,
        narrative: body.narrative,
        correction: report.correction,
        ...(report.reason !== undefined && { reason: report.reason }),
        reportedOn: today,
        reportedBy: actor.userId,
      });
      return { project, report: toProgressView(row, true) };
    });
  }

  /** Every report of the project, history included; `effective` marks the value that counts for each month. */
  async list(principal: Principal, id: string) {
    const project = await this.projects.get(principal, id);
    const rows = await this.repository.progressOf(project.id);
    const lastRevision = new Map<string, number>();
    for (const r of rows) lastRevision.set(r.month, r.revision);
    return {
      projectId: project.id,
      latestProgress: project.latestProgressMonth === null ? null : { month: project.latestProgressMonth, percent: project.latestProgressPercent },
      items: rows.map((r) => toProgressView(r, lastRevision.get(r.month) === r.revision)),
    };
  }
}
