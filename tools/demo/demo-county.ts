/**
 * The demo county: a fictional county whose magnitudes follow what public county reports print
 * (e.g. 14 kindergarten renovations totalling 10,465,000 yuan and 9,830 m²; new public
 * kindergarten seats 2,290 planned and delivered; inclusive private 5,970 planned, 3,290
 * delivered). Deterministic: the same plan every time.
 */
export const DEMO_COUNTY = { code: '341321', name: '青禾县' };

export const DEMO_TOWNSHIPS = [
  { code: '341321100', name: '城关镇', pace: 1.0 },
  { code: '341321101', name: '东湖镇', pace: 0.95 },
  { code: '341321102', name: '西岭镇', pace: 0.9 },
  { code: '341321103', name: '南河乡', pace: 0.55 }, // lagging: late starts, stale reports, slow spending
  { code: '341321104', name: '北坡镇', pace: 0.7 },
  { code: '341321200', name: '青禾经济开发区', pace: 1.0 },
] as const;

export type Ownership = 'public' | 'private' | 'inclusive_private';
export type Level = 'kindergarten' | 'primary' | 'junior' | 'nine_year' | 'senior';
export type Kind = 'new_build' | 'expansion' | 'renovation' | 'weak_school_upgrade' | 'dilapidated_rebuild' | 'equipment';

export interface DemoProject {
  code: string;
  name: string;
  kind: Kind;
  schoolCode: string;
  schoolName: string;
  level: Level;
  ownership: Ownership;
  townshipCode: string;
  investmentYuan: number;
  floorArea: number;
  plannedSeats: number;
  /** Seats delivered at acceptance; undefined while not accepted. */
  deliveredSeats?: number;
  /** How far the project gets by the end of the history. */
  reach: 'tendering' | 'under_construction' | 'completed' | 'accepted' | 'in_use' | 'suspended' | 'cancelled';
  /** Month index (0 = first month of the history) in which construction starts. */
  startMonth: number;
}

/** Deterministic pseudo-random numbers (mulberry32), so every start builds the same county. */
export function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits a total into n integer parts around the mean, summing exactly to the total. */
function split(total: number, n: number, random: () => number, step = 1): number[] {
  const weights = Array.from({ length: n }, () => 0.8 + random() * 0.4);
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum / step) * step);
  parts[n - 1] += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

export function demoProjects(): DemoProject[] {
  const random = seeded(20251101);
  const township = (i: number) => DEMO_TOWNSHIPS[i % DEMO_TOWNSHIPS.length].code;
  const projects: DemoProject[] = [];

  // 14 kindergarten renovations: 10,465,000 yuan and 9,830 m² in all.
  const renovationMoney = split(10_465_000, 14, random, 1000);
  const renovationArea = split(9_830, 14, random, 10);
  for (let i = 0; i < 14; i += 1) {
    const reach = i === 13 ? 'cancelled' : i < 9 ? 'in_use' : i < 12 ? 'accepted' : 'under_construction';
    projects.push({
      code: `QH-2026-YR-${String(i + 1).padStart(2, '0')}`,
      name: `第${i + 1}幼儿园维修改造`,
      kind: 'renovation',
      schoolCode: `KG${String(i + 1).padStart(3, '0')}`,
      schoolName: `青禾县第${i + 1}幼儿园`,
      level: 'kindergarten',
      ownership: 'public',
      townshipCode: township(i),
      investmentYuan: renovationMoney[i],
      floorArea: renovationArea[i],
      plannedSeats: 0,
      deliveredSeats: reach === 'in_use' || reach === 'accepted' ? 0 : undefined,
      reach,
      startMonth: 2 + (i % 4),
    });
  }

  // Public kindergarten expansions: 2,290 new seats planned and all delivered.
  const publicSeats = split(2_290, 6, random, 10);
  for (let i = 0; i < 6; i += 1) {
    projects.push({
      code: `QH-2026-YK-${String(i + 1).padStart(2, '0')}`,
      name: `公办幼儿园扩建工程（${i + 1}）`,
      kind: 'expansion',
      schoolCode: `KGP${String(i + 1).padStart(3, '0')}`,
      schoolName: `青禾县${DEMO_TOWNSHIPS[i].name}中心幼儿园`,
      level: 'kindergarten',
      ownership: 'public',
      townshipCode: DEMO_TOWNSHIPS[i].code,
      investmentYuan: publicSeats[i] * 9_000,
      floorArea: publicSeats[i] * 9,
      plannedSeats: publicSeats[i],
      deliveredSeats: publicSeats[i],
      reach: i < 4 ? 'in_use' : 'accepted',
      startMonth: 1 + (i % 3),
    });
  }

  // Inclusive private kindergartens: 5,970 seats planned, 3,290 delivered so far.
  const inclusiveSeats = [870, 810, 780, 830, 690, 720, 640, 630]; // 5,970
  for (let i = 0; i < 8; i += 1) {
    const delivered = i < 4 ? inclusiveSeats[i] : undefined; // 870+810+780+830 = 3,290
    projects.push({
      code: `QH-2026-PH-${String(i + 1).padStart(2, '0')}`,
      name: `普惠性民办幼儿园扩建（${i + 1}）`,
      kind: 'expansion',
      schoolCode: `KGI${String(i + 1).padStart(3, '0')}`,
      schoolName: `青禾县启航普惠幼儿园${i + 1}园`,
      level: 'kindergarten',
      ownership: 'inclusive_private',
      townshipCode: township(i + 2),
      investmentYuan: inclusiveSeats[i] * 6_000,
      floorArea: inclusiveSeats[i] * 8,
      plannedSeats: inclusiveSeats[i],
      deliveredSeats: delivered,
      reach: delivered !== undefined ? 'accepted' : i === 7 ? 'suspended' : 'under_construction',
      startMonth: 2 + (i % 3),
    });
  }

  // Repair and weak-school upgrades of primary and junior schools.
  const kinds: Kind[] = ['renovation', 'weak_school_upgrade', 'dilapidated_rebuild', 'equipment'];
  for (let i = 0; i < 20; i += 1) {
    const level: Level = i % 3 === 0 ? 'junior' : 'primary';
    const reach = i % 5 === 0 ? 'tendering' : i % 5 === 1 ? 'under_construction' : i % 5 === 2 ? 'completed' : 'in_use';
    projects.push({
      code: `QH-2026-GB-${String(i + 1).padStart(2, '0')}`,
      name: `${level === 'junior' ? '初级中学' : '小学'}${['校舍维修', '薄弱学校改造', '危房改造', '设备购置'][i % 4]}（${i + 1}）`,
      kind: kinds[i % 4],
      schoolCode: `${level === 'junior' ? 'JS' : 'PS'}${String(i + 1).padStart(3, '0')}`,
      schoolName: `青禾县${DEMO_TOWNSHIPS[i % 6].name}${level === 'junior' ? '初级中学' : '中心小学'}${i >= 6 ? `分校${i}` : ''}`,
      level,
      ownership: 'public',
      townshipCode: township(i),
      investmentYuan: Math.round((600_000 + random() * 2_400_000) / 1000) * 1000,
      floorArea: Math.round(800 + random() * 3_200),
      plannedSeats: 0,
      deliveredSeats: reach === 'in_use' ? 0 : undefined,
      reach,
      startMonth: 3 + (i % 4),
    });
  }

  // New schools under construction.
  projects.push(
    { code: 'QH-2026-XJ-01', name: '青禾县第二实验小学新建工程', kind: 'new_build', schoolCode: 'PSN001', schoolName: '青禾县第二实验小学', level: 'primary', ownership: 'public', townshipCode: '341321200', investmentYuan: 68_500_000, floorArea: 24_600, plannedSeats: 2_160, reach: 'under_construction', startMonth: 1 },
    { code: 'QH-2026-XJ-02', name: '青禾县东湖初级中学新建工程', kind: 'new_build', schoolCode: 'JSN001', schoolName: '青禾县东湖初级中学', level: 'junior', ownership: 'public', townshipCode: '341321101', investmentYuan: 72_300_000, floorArea: 26_100, plannedSeats: 1_500, reach: 'under_construction', startMonth: 2 },
    { code: 'QH-2026-XJ-03', name: '南河乡九年一贯制学校新建工程', kind: 'new_build', schoolCode: 'NYN001', schoolName: '青禾县南河九年一贯制学校', level: 'nine_year', ownership: 'public', townshipCode: '341321103', investmentYuan: 55_800_000, floorArea: 21_000, plannedSeats: 1_350, reach: 'tendering', startMonth: 9 },
  );
  return projects;
}

/** New-seat targets of the year, per level and ownership (county-wide). */
export const DEMO_TARGETS = [
  { level: 'kindergarten', ownership: 'public', seats: 2_290 },
  { level: 'kindergarten', ownership: 'inclusive_private', seats: 5_970 },
  { level: 'primary', ownership: 'public', seats: 2_160 },
  { level: 'junior', ownership: 'public', seats: 1_500 },
] as const;

/** Funding sources and their share of each project's allocation. */
export const DEMO_SOURCES = [
  { source: 'central', share: 0.4, document: '财教〔2026〕' },
  { source: 'provincial', share: 0.3, document: '皖财教〔2026〕' },
  { source: 'county', share: 0.2, document: '青财〔2026〕' },
  { source: 'education_surcharge', share: 0.1, document: '青教财〔2026〕' },
] as const;
