import { IsoDate, IsoMonth, assertToday, isIsoMonth, monthOf } from './calendar';
import { checkNumber, checkText } from './checks';
import { FieldError, Outcome, err, fieldError, ok } from '@xiaojian/domain-kernel';
import { PHASE_LABELS, ProjectPhase } from './project-phase';

/** Phases in which monthly physical progress (形象进度) may not be reported. */
export const PROGRESS_CLOSED_PHASES: readonly ProjectPhase[] = ['suspended', 'cancelled', 'in_use'];

/** The effective progress of one month; if a month appears more than once the later entry wins. */
export interface ProgressEntry {
  month: IsoMonth;
  percent: number;
}

export interface ProgressReportInput {
  month: unknown;
  percent: unknown;
  /** Set when re-reporting a month or lowering progress; then `reason` is required. */
  correction?: boolean;
  reason?: unknown;
}

export interface ProgressReport {
  month: IsoMonth;
  /** 0–100 with at most one decimal. */
  percent: number;
  correction: boolean;
  reason?: string;
}

export interface ProgressContext {
  phase: ProjectPhase;
  history: readonly ProgressEntry[];
  /** Today in Asia/Shanghai. */
  today: IsoDate;
}

/** True for integers and numbers with exactly one decimal (tolerating binary representation noise). */
const hasAtMostOneDecimal = (n: number) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-6;

function checkPercent(errors: FieldError[], value: unknown): number | undefined {
  const n = checkNumber(errors, 'percent', { zh: '形象进度（%）', en: 'Progress (%)' }, value, 0, 100);
  if (n === undefined) return undefined;
  if (!hasAtMostOneDecimal(n)) {
    errors.push(fieldError('percent', 'too_many_decimals', '形象进度最多保留一位小数', 'Progress may have at most one decimal'));
    return undefined;
  }
  return Math.round(n * 10) / 10;
}

function effectiveHistory(history: readonly ProgressEntry[]): Map<IsoMonth, number> {
  const byMonth = new Map<IsoMonth, number>();
  for (const h of history) byMonth.set(h.month, h.percent);
  return byMonth;
}

/**
 * Validates one monthly progress report against the project's phase and earlier reports.
 * Progress is monotonic: a report may not fall below the latest earlier month nor rise above the
 * nearest later month, unless it is a correction with a reason.
 */
export function validateProgressReport(input: ProgressReportInput, context: ProgressContext): Outcome<ProgressReport, FieldError[]> {
  assertToday(context.today);
  const errors: FieldError[] = [];
  const { phase } = context;

  if (PROGRESS_CLOSED_PHASES.includes(phase)) {
    const label = PHASE_LABELS[phase];
    errors.push(fieldError('phase', 'project_inactive',
      `项目处于“${label.zh}”阶段，不能填报形象进度`, `Progress cannot be reported for a project in phase "${label.en}"`));
  }

  let month: IsoMonth | undefined;
  if (!isIsoMonth(input.month)) {
    errors.push(fieldError('month', 'invalid_month', '月份格式必须是 YYYY-MM', 'Month must be formatted YYYY-MM'));
  } else if (input.month > monthOf(context.today)) {
    errors.push(fieldError('month', 'month_in_future', `不能填报未来月份（${input.month}）`, `Cannot report a future month (${input.month})`));
  } else {
    month = input.month;
  }

  const percent = checkPercent(errors, input.percent);
  const correction = input.correction === true;
  const reason = correction
    ? checkText(errors, 'reason', { zh: '更正原因', en: 'Correction reason' }, input.reason, 1000)
    : undefined;

  if (month !== undefined && !correction) {
    const byMonth = effectiveHistory(context.history);
    if (byMonth.has(month)) {
      errors.push(fieldError('month', 'month_already_reported',
        `${month} 已填报进度；如需更正请注明更正原因`, `Progress for ${month} was already reported; submit a correction with a reason`));
    }
    if (percent !== undefined) {
      const months = [...byMonth.keys()].sort();
      const previous = months.filter((m) => m < month!).pop();
      const following = months.find((m) => m > month!);
      if (previous !== undefined && percent < byMonth.get(previous)!) {
        const p = byMonth.get(previous)!;
        errors.push(fieldError('percent', 'progress_decreased',
          `形象进度 ${percent}% 低于 ${previous} 已填报的 ${p}%；如需更正请注明更正原因`,
          `Progress ${percent}% is below the ${p}% reported for ${previous}; submit a correction with a reason`));
      }
      if (following !== undefined && percent > byMonth.get(following)!) {
        const p = byMonth.get(following)!;
        errors.push(fieldError('percent', 'progress_above_later_month',
          `形象进度 ${percent}% 高于 ${following} 已填报的 ${p}%；如需更正请注明更正原因`,
          `Progress ${percent}% is above the ${p}% reported for the later month ${following}; submit a correction with a reason`));
      }
    }
  }

  if (errors.length > 0) return err(errors);
  const report: ProgressReport = { month: month!, percent: percent!, correction };
  if (reason !== undefined) report.reason = reason;
  return ok(report);
}
