import { FieldError } from '@xiaojian/domain-kernel';
import { ProjectPhase } from '../project-phase';
import { ProgressContext, ProgressEntry, ProgressReportInput, validateProgressReport } from '../progress-rules';

const TODAY = '2025-06-15';
const history: ProgressEntry[] = [
  { month: '2025-02', percent: 10 },
  { month: '2025-03', percent: 25.5 },
  { month: '2025-05', percent: 60 },
];
const ctx = (patch: Partial<ProgressContext> = {}): ProgressContext => ({ phase: 'under_construction', history, today: TODAY, ...patch });

const errorsOf = (input: ProgressReportInput, context = ctx()): FieldError[] => {
  const r = validateProgressReport(input, context);
  return r.ok ? [] : r.error;
};
const codesOf = (input: ProgressReportInput, context = ctx()) => errorsOf(input, context).map((e) => `${e.field}:${e.code}`);

describe('validateProgressReport', () => {
  it('accepts the current month with progress at or above the latest earlier report', () => {
    expect(validateProgressReport({ month: '2025-06', percent: 60 }, ctx())).toEqual({ ok: true, value: { month: '2025-06', percent: 60, correction: false } });
    expect(codesOf({ month: '2025-06', percent: 72.5 })).toEqual([]);
  });

  it('accepts a first report with no history', () => {
    expect(codesOf({ month: '2025-06', percent: 0 }, ctx({ history: [] }))).toEqual([]);
  });

  describe('month', () => {
    it.each([['2025-6'], ['2025-13'], ['2025-00'], ['2025-06-01'], [202506], [undefined]])('refuses %p', (month) =>
      expect(codesOf({ month, percent: 70 })).toEqual(['month:invalid_month']));

    it('refuses a future month (in Asia/Shanghai terms, via today)', () => {
      expect(codesOf({ month: '2025-07', percent: 70 })).toEqual(['month:month_in_future']);
      expect(codesOf({ month: '2025-07', percent: 70 }, ctx({ today: '2025-07-01' }))).toEqual([]);
    });

    it('accepts a past month that was never reported (back-filling)', () => {
      expect(codesOf({ month: '2025-04', percent: 40 })).toEqual([]);
    });
  });

  describe('percent', () => {
    it.each([[0], [100], [33.3], [99.9], [0.1], [12.3]])('accepts %p', (percent) =>
      expect(codesOf({ month: '2025-06', percent }, ctx({ history: [] }))).toEqual([]));

    it.each([[-0.1, 'too_small'], [100.1, 'too_large'], [33.33, 'too_many_decimals'], [0.05, 'too_many_decimals'], ['50', 'not_number'], [Number.NaN, 'not_number'], [undefined, 'required']])(
      'refuses %p (%s)', (percent, code) => expect(codesOf({ month: '2025-06', percent }, ctx({ history: [] }))).toEqual([`percent:${code}`]));

    it('normalises floating noise to one decimal', () => {
      const r = validateProgressReport({ month: '2025-06', percent: 0.1 + 0.2 }, ctx({ history: [] }));
      expect(r.ok && r.value.percent).toBe(0.3);
    });
  });

  describe('a month already reported', () => {
    it('is refused without a correction', () => {
      const errors = errorsOf({ month: '2025-05', percent: 60 });
      expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual(['month:month_already_reported']);
      expect(errors[0].zh).toContain('更正原因');
    });

    it('is accepted as a correction with a reason', () => {
      const r = validateProgressReport({ month: '2025-05', percent: 58, correction: true, reason: ' 监理复核 ' }, ctx());
      expect(r).toEqual({ ok: true, value: { month: '2025-05', percent: 58, correction: true, reason: '监理复核' } });
    });

    it.each([[undefined], [''], ['   ']])('needs a reason when flagged as correction (%p)', (reason) =>
      expect(codesOf({ month: '2025-05', percent: 58, correction: true, reason })).toEqual(['reason:required']));

    it('uses the latest entry when a month appears twice in the history', () => {
      const h = [...history, { month: '2025-05', percent: 50 }];
      expect(codesOf({ month: '2025-06', percent: 55 }, ctx({ history: h }))).toEqual([]);
    });
  });

  describe('monotonic progress', () => {
    it('refuses progress lower than the latest earlier month', () => {
      const errors = errorsOf({ month: '2025-06', percent: 59.9 });
      expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual(['percent:progress_decreased']);
      expect(errors[0].en).toContain('2025-05');
    });

    it('compares with the latest earlier month, not the maximum (after a downward correction)', () => {
      const h = [{ month: '2025-03', percent: 50 }, { month: '2025-04', percent: 40 }];
      expect(codesOf({ month: '2025-05', percent: 45 }, ctx({ history: h }))).toEqual([]);
    });

    it('ignores later months when looking for the earlier one', () => {
      expect(codesOf({ month: '2025-04', percent: 30 })).toEqual([]);
      expect(codesOf({ month: '2025-04', percent: 25 })).toEqual(['percent:progress_decreased']);
    });

    it('refuses a back-filled month above the next later month', () => {
      expect(codesOf({ month: '2025-04', percent: 60.1 })).toEqual(['percent:progress_above_later_month']);
      expect(codesOf({ month: '2025-04', percent: 60 })).toEqual([]);
    });

    it('allows lower progress as a correction with a reason', () => {
      expect(codesOf({ month: '2025-06', percent: 50, correction: true, reason: '上月填报有误' })).toEqual([]);
      expect(codesOf({ month: '2025-06', percent: 50, correction: true })).toEqual(['reason:required']);
    });
  });

  describe('project phase', () => {
    it.each([['approved'], ['preparation'], ['tendering'], ['under_construction'], ['completed'], ['accepted']] as [ProjectPhase][])(
      'accepts reports while %s', (phase) => expect(codesOf({ month: '2025-06', percent: 70 }, ctx({ phase }))).toEqual([]));

    it.each([['suspended', '暂停'], ['cancelled', '取消'], ['in_use', '投入使用']] as [ProjectPhase, string][])(
      'refuses reports while %s, naming the phase', (phase, zh) => {
        const errors = errorsOf({ month: '2025-06', percent: 70 }, ctx({ phase }));
        expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual(['phase:project_inactive']);
        expect(errors[0].zh).toContain(zh);
        expect(errors[0].en).toContain(phase === 'in_use' ? 'In use' : phase === 'cancelled' ? 'Cancelled' : 'Suspended');
      });
  });

  it('reports all errors at once', () => {
    expect(codesOf({ month: '2025-13', percent: 101, correction: true }, ctx({ phase: 'cancelled' }))).toEqual([
      'phase:project_inactive', 'month:invalid_month', 'percent:too_large', 'reason:required',
    ]);
  });

  it('throws when today is malformed', () => {
    expect(() => validateProgressReport({ month: '2025-06', percent: 1 }, ctx({ today: '2025-06' }))).toThrow('today');
  });
});
