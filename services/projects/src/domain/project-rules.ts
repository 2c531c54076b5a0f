import { IsoDate } from './calendar';
import { checkDate, checkEnum, checkInteger, checkNumber, checkText } from './checks';
import { FieldError, Outcome, err, fieldError, ok } from '@xiaojian/domain-kernel';
import { OWNERSHIPS, PROJECT_KINDS, SCHOOL_LEVELS, type Ownership, type ProjectKind, type SchoolLevel } from '@xiaojian/contracts';

export {
  OWNERSHIPS,
  OWNERSHIP_LABELS,
  PROJECT_KINDS,
  PROJECT_KIND_LABELS,
  SCHOOL_LEVELS,
  SCHOOL_LEVEL_LABELS,
  type Ownership,
  type ProjectKind,
  type SchoolLevel,
} from '@xiaojian/contracts';

/** Money is integer fen held in a safe-integer `number`; money arithmetic itself belongs to funding. */
export type Fen = number;

/** Upper bounds that catch unit mistakes (yuan typed as fen ×100, 万元 typed as yuan, …). */
export const PROJECT_LIMITS = {
  maxCodeLength: 64,
  maxFen: 1e13, // 1000 亿元
  maxFloorAreaM2: 1_000_000,
  maxSeats: 20_000,
  minProgrammeYear: 2000,
  maxProgrammeYear: 2100,
} as const;

export interface ProjectPlan {
  code: string;
  kind: ProjectKind;
  schoolLevel: SchoolLevel;
  ownership: Ownership;
  countyCode: string;
  townshipCode: string;
  plannedInvestmentFen: Fen;
  plannedFloorAreaM2: number;
  plannedNewSeats: number;
  plannedStartDate: IsoDate;
  plannedCompletionDate: IsoDate;
  programmeYear: number;
}

/** Raw input, e.g. a request body: every field may be missing or of the wrong type. */
export type ProjectPlanInput = { [K in keyof ProjectPlan]?: unknown };

const COUNTY_RE = /^\d{6}$/;
const TOWNSHIP_RE = /^\d{9}$/;

function checkDivisionCodes(errors: FieldError[], county: unknown, township: unknown): { countyCode?: string; townshipCode?: string } {
  let countyCode: string | undefined;
  let townshipCode: string | undefined;
  if (typeof county === 'string' && COUNTY_RE.test(county)) countyCode = county;
  else errors.push(fieldError('countyCode', 'invalid_division_code', '县级行政区划代码必须是6位数字', 'County division code must be exactly 6 digits'));

  if (typeof township !== 'string' || !TOWNSHIP_RE.test(township)) {
    errors.push(fieldError('townshipCode', 'invalid_division_code', '乡镇（街道）行政区划代码必须是9位数字', 'Township division code must be exactly 9 digits'));
  } else if (countyCode !== undefined && !township.startsWith(countyCode)) {
    errors.push(fieldError('townshipCode', 'township_not_in_county',
      `乡镇（街道）代码 ${township} 不属于县级代码 ${countyCode}`, `Township code ${township} does not belong to county ${countyCode}`));
  } else {
    townshipCode = township;
  }
  return { countyCode, townshipCode };
}

/** Validates a new project's planned figures, reporting every field error at once. */
export function validateProjectPlan(input: ProjectPlanInput): Outcome<ProjectPlan, FieldError[]> {
  const e: FieldError[] = [];
  const L = PROJECT_LIMITS;
  const code = checkText(e, 'code', { zh: '项目编号', en: 'Project code' }, input.code, L.maxCodeLength);
  const kind = checkEnum(e, 'kind', { zh: '项目类型', en: 'Project kind' }, input.kind, PROJECT_KINDS);
  const schoolLevel = checkEnum(e, 'schoolLevel', { zh: '学段', en: 'School level' }, input.schoolLevel, SCHOOL_LEVELS);
  const ownership = checkEnum(e, 'ownership', { zh: '办学性质', en: 'Ownership' }, input.ownership, OWNERSHIPS);
  const { countyCode, townshipCode } = checkDivisionCodes(e, input.countyCode, input.townshipCode);
  const plannedInvestmentFen = checkInteger(e, 'plannedInvestmentFen', { zh: '计划投资（分）', en: 'Planned investment (fen)' }, input.plannedInvestmentFen, 1, L.maxFen);
  const plannedFloorAreaM2 = checkNumber(e, 'plannedFloorAreaM2', { zh: '计划建筑面积（平方米）', en: 'Planned floor area (m²)' }, input.plannedFloorAreaM2, 0, L.maxFloorAreaM2);
  const plannedNewSeats = checkInteger(e, 'plannedNewSeats', { zh: '计划新增学位', en: 'Planned new seats' }, input.plannedNewSeats, 0, L.maxSeats);
  const plannedStartDate = checkDate(e, 'plannedStartDate', { zh: '计划开工日期', en: 'Planned start date' }, input.plannedStartDate);
  const plannedCompletionDate = checkDate(e, 'plannedCompletionDate', { zh: '计划竣工日期', en: 'Planned completion date' }, input.plannedCompletionDate);
  if (plannedStartDate !== undefined && plannedCompletionDate !== undefined && plannedCompletionDate < plannedStartDate) {
    e.push(fieldError('plannedCompletionDate', 'completion_before_start', '计划竣工日期不能早于计划开工日期', 'Planned completion date cannot be before the planned start date'));
  }
  const programmeYear = checkInteger(e, 'programmeYear', { zh: '计划年度', en: 'Programme year' }, input.programmeYear, L.minProgrammeYear, L.maxProgrammeYear);

  if (e.length > 0) return err(e);
  return ok({
    code: code!, kind: kind!, schoolLevel: schoolLevel!, ownership: ownership!, countyCode: countyCode!, townshipCode: townshipCode!,
    plannedInvestmentFen: plannedInvestmentFen!, plannedFloorAreaM2: plannedFloorAreaM2!, plannedNewSeats: plannedNewSeats!,
    plannedStartDate: plannedStartDate!, plannedCompletionDate: plannedCompletionDate!, programmeYear: programmeYear!,
  });
}
