import { randomInt } from 'node:crypto';
import { CloudEvent } from '@xiaojian/contracts';
import { outboxEvents, startTestService, TestService } from '@xiaojian/service-testing';
import { AppModule, PROJECTS_SERVICE } from '../../app.module';
import { projectsConfigSchema } from '../../config';
import { projectsDatabase } from '../../database/database';

export function startProjectsService(): Promise<TestService> {
  return startTestService({
    service: 'projects',
    configSchema: projectsConfigSchema,
    createModule: AppModule.forRoot,
    database: projectsDatabase,
    swagger: PROJECTS_SERVICE,
  });
}

/** A random county code (topics are shared across test files: never assert on someone else's division). */
export const randomCounty = (): string => `3${String(randomInt(0, 100_000)).padStart(5, '0')}`;

let codeSeq = 0;
export const uniqueCode = (prefix = 'XJ'): string => `${prefix}-${Date.now().toString(36)}-${++codeSeq}`;

export function projectBody(county: string, township: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: uniqueCode(),
    name: '城关第二小学改扩建工程',
    kind: 'expansion',
    schoolCode: 'S-0001',
    schoolName: '城关第二小学',
    schoolLevel: 'primary',
    ownership: 'public',
    countyCode: county,
    townshipCode: township,
    plannedInvestment: '12345678.90',
    plannedFloorArea: 8600.5,
    plannedSeats: 900,
    plannedStartDate: '2024-03-01',
    plannedCompletionDate: '2025-08-31',
    programmeYear: 2024,
    programmeName: '2021–2025 改薄提升',
    notes: '',
    approvedOn: '2024-01-05',
    plannedMilestones: { preparation: '2024-01-20', tendering: '2024-02-15' },
    ...overrides,
  };
}

/** The events this project's changes committed, in commit order. */
export async function eventsOf(service: TestService, projectId: string): Promise<CloudEvent<any>[]> {
  const all = await outboxEvents(service.dataSource);
  return all.filter((e) => e.data.projectId === projectId);
}

export const typesOf = (events: CloudEvent<any>[]): string[] => events.map((e) => e.type.replace('cn.xiaojian.projects.project.', ''));

export async function countRows(service: TestService, table: string): Promise<number> {
  const [{ n }] = await service.dataSource.query(`SELECT count(*)::int AS n FROM "${table}"`);
  return n;
}
