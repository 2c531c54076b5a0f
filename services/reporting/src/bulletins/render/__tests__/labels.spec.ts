import { fundingSource, ownership, projectKind, projectPhase, schoolLevel } from '@xiaojian/contracts';
import type { BulletinLanguage } from '../../bulletin-document';
import {
  KIND_LABELS,
  LEVEL_LABELS,
  OWNERSHIP_LABELS,
  PHASE_LABELS,
  SOURCE_LABELS,
  TEXT,
  bulletinTitle,
  formatDate,
  formatIssuedAt,
  formatMoney,
  formatMoneyWithUnit,
  formatMonth,
  formatPercent,
  formatRate,
  kindLabel,
  levelLabel,
  ownershipLabel,
  phaseLabel,
  sourceLabel,
  townshipName,
} from '../labels';
import { SAMPLE_DIVISION_NAMES, SAMPLE_DIVISION_NAMES_EN, sampleCountyBulletin, sampleTownshipBulletin } from './sample-bulletin';

const LANGS: BulletinLanguage[] = ['zh-CN', 'en'];

describe('labels', () => {
  const enums = [
    ['phase', projectPhase.options, PHASE_LABELS, phaseLabel],
    ['kind', projectKind.options, KIND_LABELS, kindLabel],
    ['level', schoolLevel.options, LEVEL_LABELS, levelLabel],
    ['ownership', ownership.options, OWNERSHIP_LABELS, ownershipLabel],
    ['source', fundingSource.options, SOURCE_LABELS, sourceLabel],
  ] as const;

  it.each(enums)('has a distinct, non-empty %s label in both languages for every contract value (and nothing else)', (_name, options, table, label) => {
    for (const lang of LANGS) {
      const labels = options.map((code) => label(code, lang));
      for (const [i, code] of options.entries()) {
        expect(labels[i]).not.toBe(code);
        expect(labels[i].trim()).not.toBe('');
      }
      expect(new Set(labels).size).toBe(options.length);
      expect(Object.keys(table[lang]).sort()).toEqual([...options].sort());
    }
  });

  it('prints the Chinese terms of the programme', () => {
    expect(projectPhase.options.map((code) => phaseLabel(code))).toEqual(['立项', '前期手续', '招投标', '在建', '竣工', '竣工验收', '投入使用', '暂停', '取消']);
    expect(fundingSource.options.map((code) => sourceLabel(code))).toEqual([
      '中央', '省级', '市级', '县级', '教育费附加', '地方教育附加', '专项债', '对口支援', '社会捐资', '其他',
    ]);
    expect(kindLabel('weak_school_upgrade')).toBe('薄弱学校改造');
    expect(levelLabel('nine_year')).toBe('九年一贯制学校');
    expect(ownershipLabel('inclusive_private')).toBe('普惠性民办');
    expect(phaseLabel('in_use', 'en')).toBe('In use');
  });

  it('prints an unknown code as itself rather than dropping it', () => {
    expect(sourceLabel('lottery_fund')).toBe('lottery_fund');
    expect(phaseLabel('__proto__')).toBe('__proto__');
  });

  it('has every fixed text in both languages', () => {
    const shape = (value: unknown): unknown =>
      typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)])) : typeof value;
    expect(shape(TEXT.en)).toEqual(shape(TEXT['zh-CN']));
    const leaves = (value: unknown): unknown[] => (typeof value === 'object' && value !== null ? Object.values(value).flatMap(leaves) : [value]);
    for (const lang of LANGS) for (const leaf of leaves(TEXT[lang])) if (typeof leaf === 'string') expect(leaf.length).toBeGreaterThan(0);
  });

  it('prints money in 万元 with two decimals, half-up', () => {
    expect(formatMoney(1_245_500_000)).toBe('1245.50');
    expect(formatMoney(914_972_100)).toBe('914.97');
    expect(formatMoney(348_765_400)).toBe('348.77');
    expect(formatMoney(5_000)).toBe('0.01');
    expect(formatMoney(0)).toBe('0.00');
    expect(formatMoneyWithUnit(85_500_000)).toBe('85.50万元');
    expect(formatMoneyWithUnit(85_500_000, 'en')).toBe('85.50 10k yuan');
  });

  it('prints rates with a percent sign, and says when there is no denominator', () => {
    expect(formatRate({ kind: 'rate', percent: '12.3' })).toBe('12.3%');
    expect(formatRate({ kind: 'rate', percent: '111.0' }, 'en')).toBe('111.0%');
    expect(formatRate({ kind: 'no_denominator' })).toBe('无下达资金');
    expect(formatRate({ kind: 'no_denominator' }, 'en')).toBe('no allocation');
    expect(formatRate({ kind: 'no_denominator' }, 'zh-CN', 'target')).toBe('无目标');
    expect(formatRate({ kind: 'no_denominator' }, 'en', 'target')).toBe('no target');
    expect(formatPercent('74.5')).toBe('74.5%');
    expect(formatPercent(null)).toBe('未填报');
    expect(formatPercent(null, 'en')).toBe('not reported');
  });

  it('prints months and dates in Chinese style, and issue times in Asia/Shanghai', () => {
    expect(formatMonth('2025-10')).toBe('2025年10月');
    expect(formatMonth('2025-03', 'en')).toBe('March 2025');
    expect(formatDate('2025-10-31')).toBe('2025年10月31日');
    expect(formatDate('2025-10-01', 'en')).toBe('1 October 2025');
    // 16:30 UTC on 31 October is 00:30 on 1 November in Shanghai.
    expect(formatIssuedAt('2025-10-31T16:30:00.000Z')).toBe('2025年11月1日 00:30（北京时间）');
    expect(formatIssuedAt('2025-10-31T16:30:00.000Z', 'en')).toBe('1 November 2025 00:30 (Beijing time, UTC+8)');
    expect(() => formatMonth('October')).toThrow(/YYYY-MM/);
  });

  it('titles township and county bulletins with names, falling back to codes', () => {
    expect(bulletinTitle(sampleTownshipBulletin(), 'zh-CN', SAMPLE_DIVISION_NAMES)).toBe('城关镇 2025年10月 学校建设项目进度通报');
    expect(bulletinTitle(sampleCountyBulletin(), 'zh-CN', SAMPLE_DIVISION_NAMES)).toBe('青山县 2025年10月 学校建设项目进度通报');
    expect(bulletinTitle(sampleTownshipBulletin(), 'en', SAMPLE_DIVISION_NAMES_EN)).toBe(
      'Chengguan Town — School Construction Progress Bulletin, October 2025',
    );
    expect(bulletinTitle(sampleTownshipBulletin())).toBe('乡镇（350999101） 2025年10月 学校建设项目进度通报');
    expect(townshipName('350999102', {}, 'en')).toBe('Township 350999102');
  });
});
