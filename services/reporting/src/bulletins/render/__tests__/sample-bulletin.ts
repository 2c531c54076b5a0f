import type { BulletinDocument, BulletinProjectRow, RateFigure } from '../../bulletin-document';

/**
 * Realistic sample bulletins for October 2025 in 青山县 (fictitious county 350999): a township
 * bulletin for 城关镇 and the county summary over 城关镇, 河口镇 and 石桥乡. Every total and
 * rate is consistent with the rows below (checked by hand, written as literals so that tests
 * compare renderers against independent figures). Each call returns a fresh copy.
 *
 * 序时进度 on 2025-10-31 = 304 / 365 = 83.3 %.
 */
export const SAMPLE_COUNTY = '350999';
export const SAMPLE_TOWNSHIPS = { chengguan: '350999101', hekou: '350999102', shiqiao: '350999103' } as const;

export const SAMPLE_DIVISION_NAMES: Readonly<Record<string, string>> = {
  [SAMPLE_COUNTY]: '青山县',
  [SAMPLE_TOWNSHIPS.chengguan]: '城关镇',
  [SAMPLE_TOWNSHIPS.hekou]: '河口镇',
  [SAMPLE_TOWNSHIPS.shiqiao]: '石桥乡',
};

export const SAMPLE_DIVISION_NAMES_EN: Readonly<Record<string, string>> = {
  [SAMPLE_COUNTY]: 'Qingshan County',
  [SAMPLE_TOWNSHIPS.chengguan]: 'Chengguan Town',
  [SAMPLE_TOWNSHIPS.hekou]: 'Hekou Town',
  [SAMPLE_TOWNSHIPS.shiqiao]: 'Shiqiao Township',
};

const pct = (percent: string): RateFigure => ({ kind: 'rate', percent });
const none: RateFigure = { kind: 'no_denominator' };

export const SAMPLE_PROJECT_IDS = {
  p1: '0b6f3c1e-2a4d-4f7e-9c1a-000000000001',
  p2: '0b6f3c1e-2a4d-4f7e-9c1a-000000000002',
  p3: '0b6f3c1e-2a4d-4f7e-9c1a-000000000003',
  p4: '0b6f3c1e-2a4d-4f7e-9c1a-000000000004',
  h1: '0b6f3c1e-2a4d-4f7e-9c1a-000000000011',
  h2: '0b6f3c1e-2a4d-4f7e-9c1a-000000000012',
  s1: '0b6f3c1e-2a4d-4f7e-9c1a-000000000021',
} as const;

function chengguanProjects(): BulletinProjectRow[] {
  const township = SAMPLE_TOWNSHIPS.chengguan;
  return [
    {
      projectId: SAMPLE_PROJECT_IDS.p1,
      code: 'XJ-2025-001',
      name: '城关第二小学教学楼新建工程',
      kind: 'new_build',
      schoolName: '城关第二小学',
      townshipCode: township,
      phase: 'under_construction',
      progressPercent: 65,
      lastReportMonth: '2025-10',
      plannedInvestmentFen: 1_200_000_000,
      allocatedFen: 800_000_000,
      disbursedFen: 600_000_000,
      spentFen: 523_456_700,
      spendingRate: pct('65.4'),
      plannedSeats: 1350,
      deliveredSeats: 0,
      overdue: false,
      stale: false,
    },
    {
      projectId: SAMPLE_PROJECT_IDS.p2,
      code: 'XJ-2025-002',
      name: '城关中心幼儿园改扩建工程',
      kind: 'expansion',
      schoolName: '城关中心幼儿园',
      townshipCode: township,
      phase: 'in_use',
      progressPercent: 100,
      lastReportMonth: '2025-09',
      plannedInvestmentFen: 360_000_000,
      allocatedFen: 360_000_000,
      disbursedFen: 350_000_000,
      spentFen: 348_765_400,
      spendingRate: pct('96.9'),
      plannedSeats: 270,
      deliveredSeats: 270,
      overdue: false,
      stale: false,
    },
    {
      projectId: SAMPLE_PROJECT_IDS.p3,
      code: 'XJ-2024-017',
      name: '城关初级中学薄弱学校改造',
      kind: 'weak_school_upgrade',
      schoolName: '城关初级中学',
      townshipCode: township,
      phase: 'tendering',
      progressPercent: null,
      lastReportMonth: '2025-07',
      plannedInvestmentFen: 150_000_000,
      allocatedFen: 0,
      disbursedFen: 0,
      spentFen: 0,
      spendingRate: none,
      plannedSeats: 0,
      deliveredSeats: 0,
      overdue: true,
      stale: true,
    },
    {
      projectId: SAMPLE_PROJECT_IDS.p4,
      code: 'XJ-2025-009',
      name: '城关第一小学设备购置',
      kind: 'equipment',
      schoolName: '城关第一小学',
      townshipCode: township,
      phase: 'completed',
      progressPercent: 100,
      lastReportMonth: '2025-10',
      plannedInvestmentFen: 85_500_000,
      allocatedFen: 85_500_000,
      disbursedFen: 85_500_000,
      spentFen: 42_750_000,
      spendingRate: pct('50.0'),
      plannedSeats: 0,
      deliveredSeats: 0,
      overdue: false,
      stale: false,
    },
  ];
}

function otherProjects(): BulletinProjectRow[] {
  return [
    {
      projectId: SAMPLE_PROJECT_IDS.h1,
      code: 'XJ-2025-004',
      name: '河口镇中心小学改扩建工程',
      kind: 'expansion',
      schoolName: '河口镇中心小学',
      townshipCode: SAMPLE_TOWNSHIPS.hekou,
      phase: 'under_construction',
      progressPercent: 40,
      lastReportMonth: '2025-10',
      plannedInvestmentFen: 900_000_000,
      allocatedFen: 600_000_000,
      disbursedFen: 300_000_000,
      spentFen: 180_000_000,
      spendingRate: pct('30.0'),
      plannedSeats: 540,
      deliveredSeats: 0,
      overdue: false,
      stale: false,
    },
    {
      projectId: SAMPLE_PROJECT_IDS.h2,
      code: 'XJ-2024-011',
      name: '河口初级中学危房改造',
      kind: 'dilapidated_rebuild',
      schoolName: '河口初级中学',
      townshipCode: SAMPLE_TOWNSHIPS.hekou,
      phase: 'suspended',
      progressPercent: 20,
      lastReportMonth: '2025-06',
      plannedInvestmentFen: 200_000_000,
      allocatedFen: 150_000_000,
      disbursedFen: 50_000_000,
      spentFen: 30_000_000,
      spendingRate: pct('20.0'),
      plannedSeats: 0,
      deliveredSeats: 0,
      overdue: true,
      stale: true,
    },
    {
      projectId: SAMPLE_PROJECT_IDS.s1,
      code: 'XJ-2025-006',
      name: '石桥乡幸福幼儿园新建工程',
      kind: 'new_build',
      schoolName: '石桥乡幸福幼儿园',
      townshipCode: SAMPLE_TOWNSHIPS.shiqiao,
      phase: 'accepted',
      progressPercent: 100,
      lastReportMonth: '2025-10',
      plannedInvestmentFen: 450_000_000,
      allocatedFen: 450_000_000,
      disbursedFen: 450_000_000,
      spentFen: 441_000_000,
      spendingRate: pct('98.0'),
      plannedSeats: 360,
      deliveredSeats: 360,
      overdue: false,
      stale: false,
    },
  ];
}

/** 城关镇, October 2025, version 1. */
export function sampleTownshipBulletin(): BulletinDocument {
  return {
    schemaVersion: 1,
    kind: 'township',
    countyCode: SAMPLE_COUNTY,
    townshipCode: SAMPLE_TOWNSHIPS.chengguan,
    month: '2025-10',
    asOf: '2025-10-31',
    version: 1,
    issuedAt: '2025-10-31T16:30:00.000Z',
    summary: {
      projects: {
        total: 4,
        byPhase: { under_construction: 1, in_use: 1, tendering: 1, completed: 1 },
        startedThisMonth: 0,
        startedYearToDate: 3,
        completedThisMonth: 1,
        completedYearToDate: 2,
        plannedThisYear: 4,
        startRate: pct('75.0'),
        completionRate: pct('50.0'),
        overdue: 1,
        stale: 1,
      },
      weightedProgressPercent: '74.5',
      funding: {
        allocatedFen: 1_245_500_000,
        disbursedFen: 1_035_500_000,
        spentFen: 914_972_100,
        disbursementRate: pct('83.1'),
        spendingRate: pct('73.5'),
        schedulePercent: '83.3',
        behindSchedule: true,
        bySource: [
          { source: 'central', allocatedFen: 500_000_000, disbursedFen: 450_000_000, spentFen: 400_000_000, spendingRate: pct('80.0') },
          { source: 'provincial', allocatedFen: 300_000_000, disbursedFen: 250_000_000, spentFen: 200_000_000, spendingRate: pct('66.7') },
          { source: 'county', allocatedFen: 360_000_000, disbursedFen: 250_000_000, spentFen: 235_222_100, spendingRate: pct('65.3') },
          { source: 'education_surcharge', allocatedFen: 85_500_000, disbursedFen: 85_500_000, spentFen: 79_750_000, spendingRate: pct('93.3') },
          { source: 'donation', allocatedFen: 0, disbursedFen: 0, spentFen: 0, spendingRate: none },
        ],
      },
      seats: {
        plannedSeats: 1620,
        deliveredSeats: 270,
        targetSeats: 1590,
        completionRate: pct('17.0'),
        byCategory: [
          { level: 'primary', ownership: 'public', plannedSeats: 1350, deliveredSeats: 0, targetSeats: 1350, completionRate: pct('0.0') },
          { level: 'kindergarten', ownership: 'public', plannedSeats: 270, deliveredSeats: 270, targetSeats: 240, completionRate: pct('112.5') },
          { level: 'junior', ownership: 'public', plannedSeats: 0, deliveredSeats: 0, targetSeats: 0, completionRate: none },
        ],
        largeClasses: 3,
        veryLargeClasses: 1,
        seatGap: 180,
      },
    },
    projects: chengguanProjects(),
    trace: { eventCount: 57, drillDown: `/api/v1/reporting/figures/${SAMPLE_TOWNSHIPS.chengguan}/2025-10/events` },
  };
}

/** 城关镇, October 2025, re-issued as version 2 after a late expenditure. */
export function sampleReissuedTownshipBulletin(): BulletinDocument {
  const doc = sampleTownshipBulletin();
  return {
    ...doc,
    version: 2,
    issuedAt: '2025-11-05T02:00:00.000Z',
    changes: [
      { path: 'summary.funding.spentFen', previous: 880_000_000, current: 914_972_100 },
      { path: 'summary.funding.spendingRate', previous: { kind: 'rate', percent: '70.7' }, current: { kind: 'rate', percent: '73.5' } },
      { path: 'summary.funding.bySource[2].spentFen', previous: 200_250_000, current: 235_222_100 },
      { path: 'projects[0].progressPercent', previous: 60, current: 65 },
    ],
    trace: { ...doc.trace, eventCount: 58 },
  };
}

/** 青山县 county summary, October 2025, with the township ranking and laggards. */
export function sampleCountyBulletin(): BulletinDocument {
  return {
    schemaVersion: 1,
    kind: 'county',
    countyCode: SAMPLE_COUNTY,
    townshipCode: null,
    month: '2025-10',
    asOf: '2025-10-31',
    version: 1,
    issuedAt: '2025-10-31T16:30:00.000Z',
    summary: {
      projects: {
        total: 7,
        byPhase: { under_construction: 2, in_use: 1, tendering: 1, completed: 1, suspended: 1, accepted: 1 },
        startedThisMonth: 1,
        startedYearToDate: 5,
        completedThisMonth: 2,
        completedYearToDate: 3,
        plannedThisYear: 6,
        startRate: pct('83.3'),
        completionRate: pct('50.0'),
        overdue: 2,
        stale: 2,
      },
      weightedProgressPercent: '65.0',
      funding: {
        allocatedFen: 2_445_500_000,
        disbursedFen: 1_835_500_000,
        spentFen: 1_565_972_100,
        disbursementRate: pct('75.1'),
        spendingRate: pct('64.0'),
        schedulePercent: '83.3',
        behindSchedule: true,
        bySource: [
          { source: 'central', allocatedFen: 950_000_000, disbursedFen: 650_000_000, spentFen: 520_000_000, spendingRate: pct('54.7') },
          { source: 'provincial', allocatedFen: 550_000_000, disbursedFen: 500_000_000, spentFen: 445_000_000, spendingRate: pct('80.9') },
          { source: 'county', allocatedFen: 660_000_000, disbursedFen: 400_000_000, spentFen: 325_222_100, spendingRate: pct('49.3') },
          { source: 'education_surcharge', allocatedFen: 85_500_000, disbursedFen: 85_500_000, spentFen: 79_750_000, spendingRate: pct('93.3') },
          { source: 'special_bond', allocatedFen: 200_000_000, disbursedFen: 200_000_000, spentFen: 196_000_000, spendingRate: pct('98.0') },
        ],
      },
      seats: {
        plannedSeats: 2520,
        deliveredSeats: 630,
        targetSeats: 2430,
        completionRate: pct('25.9'),
        byCategory: [
          { level: 'primary', ownership: 'public', plannedSeats: 1890, deliveredSeats: 0, targetSeats: 1890, completionRate: pct('0.0') },
          { level: 'kindergarten', ownership: 'public', plannedSeats: 270, deliveredSeats: 270, targetSeats: 240, completionRate: pct('112.5') },
          { level: 'kindergarten', ownership: 'inclusive_private', plannedSeats: 360, deliveredSeats: 360, targetSeats: 300, completionRate: pct('120.0') },
          { level: 'junior', ownership: 'public', plannedSeats: 0, deliveredSeats: 0, targetSeats: 0, completionRate: none },
        ],
        largeClasses: 5,
        veryLargeClasses: 2,
        seatGap: 420,
      },
    },
    projects: [...chengguanProjects(), ...otherProjects()],
    ranking: [
      { townshipCode: SAMPLE_TOWNSHIPS.chengguan, spendingRate: pct('73.5'), weightedProgressPercent: '74.5', deliveredSeats: 270, rankBySpending: 2, rankByProgress: 2, rankBySeats: 2 },
      { townshipCode: SAMPLE_TOWNSHIPS.hekou, spendingRate: pct('28.0'), weightedProgressPercent: '36.4', deliveredSeats: 0, rankBySpending: 3, rankByProgress: 3, rankBySeats: 3 },
      { townshipCode: SAMPLE_TOWNSHIPS.shiqiao, spendingRate: pct('98.0'), weightedProgressPercent: '100.0', deliveredSeats: 360, rankBySpending: 1, rankByProgress: 1, rankBySeats: 1 },
    ],
    laggards: {
      overdueProjects: [SAMPLE_PROJECT_IDS.p3, SAMPLE_PROJECT_IDS.h2],
      staleProjects: [SAMPLE_PROJECT_IDS.p3, SAMPLE_PROJECT_IDS.h2],
      townshipsBehindSchedule: [SAMPLE_TOWNSHIPS.chengguan, SAMPLE_TOWNSHIPS.hekou],
    },
    trace: { eventCount: 143, drillDown: `/api/v1/reporting/figures/${SAMPLE_COUNTY}/2025-10/events` },
  };
}
