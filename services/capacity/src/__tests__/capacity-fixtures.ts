import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventData, Events } from '@xiaojian/contracts';
import { outboxEvents, startTestService, TestService } from '@xiaojian/service-testing';
import { AppModule, CAPACITY_SERVICE } from '../app.module';
import { capacityConfigSchema } from '../config';
import { capacityDatabase } from '../database/database';

/** A county code no other test file uses (topics are shared by every test of a run). */
export const randomCounty = (): string => `3${String(randomInt(0, 100_000)).padStart(5, '0')}`;
export const townshipOf = (county: string, serial: number): string => `${county}${String(serial).padStart(3, '0')}`;

export const startCapacity = (): Promise<TestService> =>
  startTestService({ service: 'capacity', configSchema: capacityConfigSchema, createModule: AppModule.forRoot, database: capacityDatabase, swagger: CAPACITY_SERVICE });

export interface ProjectSpec {
  projectId?: string;
  countyCode: string;
  townshipCode: string;
  schoolCode: string;
  schoolName?: string;
  schoolLevel?: EventData<typeof Events.ProjectRegisteredV1>['schoolLevel'];
  ownership?: EventData<typeof Events.ProjectRegisteredV1>['ownership'];
  plannedSeats: number;
  registeredOn?: string;
}

export function registered(spec: ProjectSpec): EventData<typeof Events.ProjectRegisteredV1> {
  return {
    projectId: spec.projectId ?? randomUUID(),
    code: `XJ-${randomUUID().slice(0, 8)}`,
    kind: 'new_build',
    schoolCode: spec.schoolCode,
    schoolName: spec.schoolName ?? `${spec.schoolCode} 学校`,
    schoolLevel: spec.schoolLevel ?? 'primary',
    ownership: spec.ownership ?? 'public',
    countyCode: spec.countyCode,
    townshipCode: spec.townshipCode,
    name: `${spec.schoolCode} 新建工程`,
    plannedInvestmentFen: 1_000_000_00,
    plannedFloorArea: 5000,
    plannedSeats: spec.plannedSeats,
    plannedStartDate: '2026-01-15',
    plannedCompletionDate: '2026-08-31',
    programmeYear: 2026,
    programmeName: '2026 年学校建设项目',
    plannedMilestones: {},
    phase: 'approved',
    registeredOn: spec.registeredOn ?? '2026-01-10',
    registeredBy: 'planner-1',
  };
}

export function accepted(project: EventData<typeof Events.ProjectRegisteredV1>, deliveredSeats: number, acceptanceDate = '2026-06-01'): EventData<typeof Events.ProjectAcceptedV1> {
  return {
    projectId: project.projectId, countyCode: project.countyCode, townshipCode: project.townshipCode, schoolCode: project.schoolCode,
    schoolLevel: project.schoolLevel, ownership: project.ownership, acceptanceDate, deliveredSeats, deliveredFloorArea: 5000,
    finalCostFen: 99_000_000_00, actor: 'planner-1',
  };
}

export function lifecycle(project: EventData<typeof Events.ProjectRegisteredV1>, businessDate: string) {
  const base = { projectId: project.projectId, countyCode: project.countyCode, townshipCode: project.townshipCode, businessDate, actor: 'planner-1' };
  return {
    suspended: { ...base, fromPhase: 'under_construction' as const, reason: '资金未到位' },
    resumed: { ...base, toPhase: 'under_construction' as const },
    cancelled: { ...base, fromPhase: 'preparation' as const, reason: '规划调整' },
  };
}

export async function schoolRow(dataSource: DataSource, countyCode: string, code: string): Promise<{ id: string; capacity: number; delivered_seats: number; name: string; status: string } | undefined> {
  const rows = await dataSource.query('SELECT id, capacity, delivered_seats, name, status FROM school WHERE county_code = $1 AND code = $2', [countyCode, code]);
  return rows[0];
}

export async function projectRow(dataSource: DataSource, projectId: string): Promise<{ status: string; planned_seats: number; delivered_seats: number } | undefined> {
  const rows = await dataSource.query('SELECT status, planned_seats, delivered_seats FROM project_seats WHERE project_id = $1', [projectId]);
  return rows[0];
}

export async function inboxHas(dataSource: DataSource, eventId: string): Promise<boolean> {
  const rows = await dataSource.query('SELECT 1 FROM inbox_message WHERE event_id = $1', [eventId]);
  return rows.length > 0;
}

export async function eventsFor(dataSource: DataSource, type: string, match: (data: Record<string, unknown>) => boolean) {
  return (await outboxEvents(dataSource, type)).filter((e) => match(e.data));
}
