import { isCountyCode, isTownshipCode, parseYuan, FieldError, Outcome, err, fieldError, ok } from '@xiaojian/domain-kernel';
import { IsoDate, MAIN_LINE_PHASES, MainLinePhase, Ownership, PHASE_LABELS, ProjectKind, SchoolLevel, validateProjectPlan } from '../domain';
import { checkDate, checkText } from '../domain/checks';

/**
 * The planned figures of a project as the API names them (money in yuan strings on the way in).
 * Shared by the REST create/update paths and the spreadsheet import, so one rule set applies.
 */
export interface NewProjectInput {
  code?: unknown;
  name?: unknown;
  kind?: unknown;
  schoolCode?: unknown;
  schoolName?: unknown;
  schoolLevel?: unknown;
  ownership?: unknown;
  countyCode?: unknown;
  townshipCode?: unknown;
  /** Yuan as a decimal string, e.g. "12345678.90". */
  plannedInvestment?: unknown;
  plannedFloorArea?: unknown;
  plannedSeats?: unknown;
  plannedStartDate?: unknown;
  plannedCompletionDate?: unknown;
  programmeYear?: unknown;
  programmeName?: unknown;
  notes?: unknown;
  /** Planned dates of the phases without a date of their own in the plan. */
  plannedMilestones?: unknown;
  /** 立项日期; defaults to today. */
  approvedOn?: unknown;
}

export interface NewProject {
  code: string;
  name: string;
  kind: ProjectKind;
  schoolCode: string;
  schoolName: string;
  schoolLevel: SchoolLevel;
  ownership: Ownership;
  countyCode: string;
  townshipCode: string;
  plannedInvestmentFen: number;
  plannedFloorArea: number;
  plannedSeats: number;
  plannedStartDate: IsoDate;
  plannedCompletionDate: IsoDate;
  programmeYear: number;
  programmeName: string;
  notes: string;
  /** Every planned phase date, including under_construction (= planned start) and completed (= planned completion). */
  plannedMilestones: Partial<Record<MainLinePhase, IsoDate>>;
  approvedOn: IsoDate;
}

/** Phases whose planned date is given explicitly; 在建 and 竣工 come from the planned start and completion dates. */
export const EXTRA_MILESTONE_PHASES = ['preparation', 'tendering', 'accepted', 'in_use'] as const;
export type ExtraMilestonePhase = (typeof EXTRA_MILESTONE_PHASES)[number];

/** Domain field names → API field names. */
const FIELD_NAMES: Record<string, string> = {
  plannedInvestmentFen: 'plannedInvestment',
  plannedFloorAreaM2: 'plannedFloorArea',
  plannedNewSeats: 'plannedSeats',
};

const MAX_YUAN = 100_000_000_000; // 1000 亿元, the domain's PROJECT_LIMITS.maxFen in yuan

const hasAtMostTwoDecimals = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;

function optionalText(errors: FieldError[], field: string, label: { zh: string; en: string }, value: unknown, max: number): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value !== 'string') {
    errors.push(fieldError(field, 'not_text', `${label.zh}必须是文本`, `${label.en} must be text`));
    return '';
  }
  const text = value.trim();
  if (text.length > max) {
    errors.push(fieldError(field, 'too_long', `${label.zh}不能超过${max}个字符`, `${label.en} must be at most ${max} characters`));
  }
  return text;
}

function checkMilestones(errors: FieldError[], value: unknown): Partial<Record<ExtraMilestonePhase, IsoDate>> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    errors.push(fieldError('plannedMilestones', 'not_object', '计划节点必须是“阶段: 日期”的对象', 'Planned milestones must be an object of phase: date'));
    return {};
  }
  const out: Partial<Record<ExtraMilestonePhase, IsoDate>> = {};
  for (const [phase, date] of Object.entries(value as Record<string, unknown>)) {
    const field = `plannedMilestones.${phase}`;
    if (!(EXTRA_MILESTONE_PHASES as readonly string[]).includes(phase)) {
      errors.push(fieldError(field, 'invalid_phase',
        `计划节点只能填写：${EXTRA_MILESTONE_PHASES.join(', ')}（在建、竣工的计划日期即计划开工、竣工日期）`,
        `Planned milestones may only name: ${EXTRA_MILESTONE_PHASES.join(', ')} (under_construction/completed come from the planned start/completion dates)`));
      continue;
    }
    if (date === null || date === undefined) continue;
    const label = PHASE_LABELS[phase as ExtraMilestonePhase];
    const checked = checkDate(errors, field, { zh: `“${label.zh}”计划日期`, en: `Planned date of "${label.en}"` }, date);
    if (checked !== undefined) out[phase as ExtraMilestonePhase] = checked;
  }
  return out;
}

/** Planned phase dates must not go backwards along the main line. */
function checkMilestoneOrder(errors: FieldError[], dates: Partial<Record<MainLinePhase, IsoDate>>): void {
  let previous: { phase: MainLinePhase; date: IsoDate } | undefined;
  for (const phase of MAIN_LINE_PHASES) {
    const date = dates[phase];
    if (date === undefined) continue;
    if (previous !== undefined && date < previous.date) {
      const field = phase === 'under_construction' ? 'plannedStartDate' : phase === 'completed' ? 'plannedCompletionDate' : `plannedMilestones.${phase}`;
      errors.push(fieldError(field, 'milestones_out_of_order',
        `“${PHASE_LABELS[phase].zh}”计划日期（${date}）不能早于“${PHASE_LABELS[previous.phase].zh}”计划日期（${previous.date}）`,
        `The planned date of "${PHASE_LABELS[phase].en}" (${date}) cannot be before that of "${PHASE_LABELS[previous.phase].en}" (${previous.date})`));
      return;
    }
    previous = { phase, date };
  }
}

/**
 * Validates a new project (or a project's full planned figures after an update), reporting every
 * field error at once under the API's field names. `today` bounds the approval date.
 */
export function validateNewProject(input: NewProjectInput, today: IsoDate): Outcome<NewProject, FieldError[]> {
  const errors: FieldError[] = [];

  // Missing stays undefined so that the plan check reports it as required; a malformed amount is
  // reported here and replaced by a placeholder so that it is not reported twice.
  let plannedInvestmentFen: unknown = undefined;
  if (input.plannedInvestment !== undefined && input.plannedInvestment !== null && input.plannedInvestment !== '') {
    const parsed = parseYuan(input.plannedInvestment, { field: 'plannedInvestment', maxYuan: MAX_YUAN });
    if (parsed.ok) {
      plannedInvestmentFen = parsed.value;
    } else {
      plannedInvestmentFen = 1;
      errors.push(fieldError('plannedInvestment', parsed.error.code, `计划投资（元）：${parsed.error.zh}`, `Planned investment (yuan): ${parsed.error.en}`));
    }
  }

  const plan = validateProjectPlan({
    code: input.code,
    kind: input.kind,
    schoolLevel: input.schoolLevel,
    ownership: input.ownership,
    countyCode: input.countyCode,
    townshipCode: input.townshipCode,
    plannedInvestmentFen,
    plannedFloorAreaM2: input.plannedFloorArea,
    plannedNewSeats: input.plannedSeats,
    plannedStartDate: input.plannedStartDate,
    plannedCompletionDate: input.plannedCompletionDate,
    programmeYear: input.programmeYear,
  });
  if (!plan.ok) {
    for (const e of plan.error) {
      const field = FIELD_NAMES[e.field] ?? e.field;
      if (field === 'plannedInvestment' && e.code === 'required') {
        errors.push(fieldError(field, 'required', '计划投资（元）不能为空', 'Planned investment (yuan) is required'));
      } else if (field === 'plannedInvestment') {
        errors.push(fieldError(field, e.code, e.zh.replace('（分）', ''), e.en.replace(' (fen)', '')));
      } else {
        errors.push({ ...e, field });
      }
    }
  }
  // Extra shape checks the domain leaves to the caller.
  if (typeof input.countyCode === 'string' && /^\d{6}$/.test(input.countyCode) && !isCountyCode(input.countyCode)) {
    errors.push(fieldError('countyCode', 'invalid_division_code', '县级行政区划代码不能以0开头', 'County division code cannot start with 0'));
  }
  if (typeof input.townshipCode === 'string' && /^\d{9}$/.test(input.townshipCode) && !isTownshipCode(input.townshipCode)) {
    errors.push(fieldError('townshipCode', 'invalid_division_code', '乡镇（街道）代码的后三位不能是000', 'The last three digits of a township code cannot be 000'));
  }
  if (typeof input.plannedFloorArea === 'number' && Number.isFinite(input.plannedFloorArea) && !hasAtMostTwoDecimals(input.plannedFloorArea)) {
    errors.push(fieldError('plannedFloorArea', 'too_many_decimals', '计划建筑面积最多保留两位小数', 'Planned floor area may have at most two decimals'));
  }

  const name = checkText(errors, 'name', { zh: '项目名称', en: 'Project name' }, input.name, 200);
  const schoolCode = checkText(errors, 'schoolCode', { zh: '学校代码', en: 'School code' }, input.schoolCode, 64);
  const schoolName = checkText(errors, 'schoolName', { zh: '学校名称', en: 'School name' }, input.schoolName, 200);
  const programmeName = optionalText(errors, 'programmeName', { zh: '项目批次/计划名称', en: 'Programme name' }, input.programmeName, 200);
  const notes = optionalText(errors, 'notes', { zh: '备注', en: 'Notes' }, input.notes, 2000);
  const approvedOn = input.approvedOn === undefined || input.approvedOn === null || input.approvedOn === ''
    ? today
    : checkDate(errors, 'approvedOn', { zh: '立项日期', en: 'Approval date' }, input.approvedOn, today);
  const extra = checkMilestones(errors, input.plannedMilestones);

  if (plan.ok) {
    const milestones: Partial<Record<MainLinePhase, IsoDate>> = {
      ...extra,
      under_construction: plan.value.plannedStartDate,
      completed: plan.value.plannedCompletionDate,
    };
    checkMilestoneOrder(errors, milestones);
  }

  if (errors.length > 0 || !plan.ok) return err(errors);
  const p = plan.value;
  const plannedMilestones: Partial<Record<MainLinePhase, IsoDate>> = {};
  for (const phase of MAIN_LINE_PHASES) {
    const date = phase === 'under_construction' ? p.plannedStartDate : phase === 'completed' ? p.plannedCompletionDate : extra[phase as ExtraMilestonePhase];
    if (date !== undefined) plannedMilestones[phase] = date;
  }
  return ok({
    code: p.code,
    name: name!,
    kind: p.kind,
    schoolCode: schoolCode!,
    schoolName: schoolName!,
    schoolLevel: p.schoolLevel,
    ownership: p.ownership,
    countyCode: p.countyCode,
    townshipCode: p.townshipCode,
    plannedInvestmentFen: p.plannedInvestmentFen,
    plannedFloorArea: Math.round(p.plannedFloorAreaM2 * 100) / 100,
    plannedSeats: p.plannedNewSeats,
    plannedStartDate: p.plannedStartDate,
    plannedCompletionDate: p.plannedCompletionDate,
    programmeYear: p.programmeYear,
    programmeName,
    notes,
    plannedMilestones,
    approvedOn: approvedOn!,
  });
}

/** The explicitly planned phases of a stored milestone map (the ones `plannedMilestones` input names). */
export function extraMilestones(all: Partial<Record<MainLinePhase, IsoDate>>): Partial<Record<ExtraMilestonePhase, IsoDate>> {
  const out: Partial<Record<ExtraMilestonePhase, IsoDate>> = {};
  for (const phase of EXTRA_MILESTONE_PHASES) if (all[phase] !== undefined) out[phase] = all[phase];
  return out;
}
