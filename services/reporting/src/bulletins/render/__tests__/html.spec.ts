import { CONTENT_HASH_PLACEHOLDER, fillContentHash } from '../bulletin-view';
import { escapeHtml, renderBulletinHtml } from '../html';
import { SAMPLE_DIVISION_NAMES, SAMPLE_DIVISION_NAMES_EN, SAMPLE_TOWNSHIPS, sampleCountyBulletin, sampleReissuedTownshipBulletin, sampleTownshipBulletin } from './sample-bulletin';

const decode = (html: string) =>
  html.replace(/<[^>]+>/g, '').replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);

/** Cells of the first table row (outside the charts) whose first cell is `first`. */
function row(html: string, first: string): string[] {
  const withoutCharts = html.replace(/<svg[\s\S]*?<\/svg>/g, '');
  for (const match of withoutCharts.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)) {
    const cells = [...match[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) => decode(cell[1]));
    if (cells[0] === first) return cells;
  }
  throw new Error(`no row starting with ${first}`);
}

/** The value printed for a headline figure (dt/dd pair). */
function figure(html: string, label: string): string {
  const match = new RegExp(`<dt>${label.replace(/[()（）]/g, '\\$&')}</dt><dd[^>]*>([^<]*)</dd>`).exec(html);
  if (!match) throw new Error(`no figure ${label}`);
  return decode(match[1]);
}

const section = (html: string, id: string) => new RegExp(`<section id="${id}">([\\s\\S]*?)</section>`).exec(html)?.[1] ?? '';

describe('renderBulletinHtml', () => {
  const township = renderBulletinHtml(sampleTownshipBulletin(), 'zh-CN', { divisionNames: SAMPLE_DIVISION_NAMES });

  it('is a complete printable page with inline CSS and the title', () => {
    expect(township.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(township).toContain('<meta charset="utf-8">');
    expect(township).toContain('<title>城关镇 2025年10月 学校建设项目进度通报</title>');
    expect(township).toContain('<h1>城关镇 2025年10月 学校建设项目进度通报</h1>');
    expect(township).toMatch(/@page \{ size: A4;/);
    expect(township).not.toMatch(/<link |<script/);
    expect(township.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('prints the project figures: counts by phase, 开工率/竣工率, overdue and stale', () => {
    expect(figure(township, '项目总数')).toBe('4');
    expect(figure(township, '开工率')).toBe('75.0%');
    expect(figure(township, '竣工率')).toBe('50.0%');
    expect(figure(township, '逾期项目')).toBe('1');
    expect(figure(township, '两个月以上未报进度')).toBe('1');
    expect(figure(township, '投资加权形象进度')).toBe('74.5%');
    expect(row(township, '在建')).toEqual(['在建', '1']);
    expect(row(township, '立项')).toEqual(['立项', '0']);
  });

  it('prints money in 万元 with two decimals and rates against 序时进度', () => {
    expect(figure(township, '下达资金（万元）')).toBe('1245.50');
    expect(figure(township, '拨付资金（万元）')).toBe('1035.50');
    expect(figure(township, '支出资金（万元）')).toBe('914.97');
    expect(figure(township, '拨付率')).toBe('83.1%');
    expect(figure(township, '支出率')).toBe('73.5%');
    expect(figure(township, '序时进度')).toBe('83.3%');
    expect(figure(township, '与序时进度比较')).toBe('落后于序时进度');
    expect(row(township, '县级')).toEqual(['县级', '360.00', '250.00', '235.22', '65.3%']);
    expect(row(township, '社会捐资')).toEqual(['社会捐资', '0.00', '0.00', '0.00', '无下达资金']);
    expect(township).toMatch(/<tr class="tone-warn"><td>中央<\/td>/);
  });

  it('prints seats, 大班额 and the completion rate, with "无目标" where there is no target', () => {
    expect(figure(township, '计划新增学位')).toBe('1620');
    expect(figure(township, '已交付学位')).toBe('270');
    expect(figure(township, '学位目标完成率')).toBe('17.0%');
    expect(figure(township, '大班额（56人及以上）')).toBe('3');
    expect(figure(township, '超大班额（66人及以上）')).toBe('1');
    expect(figure(township, '学位缺口')).toBe('180');
    expect(row(township, '幼儿园')).toEqual(['幼儿园', '公办', '270', '270', '240', '112.5%']);
    expect(row(township, '初中')).toEqual(['初中', '公办', '0', '0', '0', '无目标']);
  });

  it('prints the project table with phase, progress, money and status', () => {
    expect(row(township, 'XJ-2025-001')).toEqual([
      'XJ-2025-001', '城关第二小学教学楼新建工程', '城关第二小学', '新建', '在建', '65%', '1200.00', '800.00', '523.46', '65.4%', '1350 / 0', '正常',
    ]);
    expect(row(township, 'XJ-2024-017')).toEqual([
      'XJ-2024-017', '城关初级中学薄弱学校改造', '城关初级中学', '薄弱学校改造', '招投标', '未填报', '150.00', '0.00', '0.00', '无下达资金', '0 / 0',
      '逾期、滞报（最近填报：2025年7月）',
    ]);
    expect(township).toMatch(/<tr class="tone-alert"><td>XJ-2024-017<\/td>/);
  });

  it('inlines the three charts as SVG', () => {
    expect([...township.matchAll(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*data-chart="(\w+)"/g)].map((m) => m[1])).toEqual([
      'spending',
      'seats',
      'progress',
    ]);
    expect(section(township, 'funding')).toContain('>序时进度 83.3%</text>');
  });

  it('has no ranking, laggards or changes in a township bulletin of version 1', () => {
    expect(township).not.toMatch(/id="(ranking|laggards|changes)"/);
    expect(township).not.toContain('class="notice"');
  });

  it('ends with version, issue time in Asia/Shanghai and a content-hash placeholder the caller fills', () => {
    const footer = /<footer>([\s\S]*)<\/footer>/.exec(township)![1];
    expect(decode(footer)).toContain('版本v1');
    expect(decode(footer)).toContain('签发时间2025年11月1日 00:30（北京时间）');
    expect(footer).toContain(`<dt>内容哈希</dt><dd>${CONTENT_HASH_PLACEHOLDER}</dd>`);
    expect(decode(footer)).toContain('依据事件数57');
    const filled = fillContentHash(township, 'sha256:9f86d081884c7d65');
    expect(filled).toContain('<dt>内容哈希</dt><dd>sha256:9f86d081884c7d65</dd>');
    expect(filled).not.toContain(CONTENT_HASH_PLACEHOLDER);
    expect(renderBulletinHtml(sampleTownshipBulletin(), 'zh-CN', { contentHash: 'abc' })).toContain('<dt>内容哈希</dt><dd>abc</dd>');
  });

  it('names the township ranking and the laggards in a county bulletin', () => {
    const county = renderBulletinHtml(sampleCountyBulletin(), 'zh-CN', { divisionNames: SAMPLE_DIVISION_NAMES });
    expect(county).toContain('<h1>青山县 2025年10月 学校建设项目进度通报</h1>');
    expect(figure(county, '支出资金（万元）')).toBe('1565.97');
    expect(figure(county, '支出率')).toBe('64.0%');
    const ranking = section(county, 'ranking');
    expect([...ranking.replace(/<svg[\s\S]*?<\/svg>/g, '').matchAll(/<tr[^>]*><td>([^<]+)<\/td>/g)].map((m) => m[1])).toEqual(['石桥乡', '城关镇', '河口镇']);
    expect(row(county, '河口镇')).toEqual(['河口镇', '28.0%', '3', '36.4%', '3', '0', '3']);
    expect(ranking).toContain('data-chart="spending"');
    const laggards = decode(section(county, 'laggards'));
    expect(laggards).toContain('XJ-2024-017 城关初级中学薄弱学校改造（城关镇）');
    expect(laggards).toContain('XJ-2024-011 河口初级中学危房改造（河口镇）');
    expect(section(county, 'laggards')).toMatch(/支出落后于序时进度的乡镇<\/h3>\n<ul class="names">\n<li>城关镇<\/li>\n<li>河口镇<\/li>\n<\/ul>/);
    // The county project table has a township column.
    expect(row(county, 'XJ-2025-006')[3]).toBe('石桥乡');
  });

  it('lists the changed figures of a re-issue with readable names and units', () => {
    const html = renderBulletinHtml(sampleReissuedTownshipBulletin(), 'zh-CN', { divisionNames: SAMPLE_DIVISION_NAMES });
    expect(html).toContain('<p class="notice">本通报为第 2 版，更正此前版本。</p>');
    expect(row(html, '支出资金（万元） (summary.funding.spentFen)')).toEqual(['支出资金（万元） (summary.funding.spentFen)', '880.00', '914.97']);
    expect(row(html, '支出率 (summary.funding.spendingRate)')).toEqual(['支出率 (summary.funding.spendingRate)', '70.7%', '73.5%']);
    expect(row(html, '县级 · 支出资金（万元） (summary.funding.bySource[2].spentFen)').slice(1)).toEqual(['200.25', '235.22']);
    expect(row(html, 'XJ-2025-001 城关第二小学教学楼新建工程 · 形象进度 (projects[0].progressPercent)').slice(1)).toEqual(['60%', '65%']);
    expect(decode(html)).toContain('签发时间：2025年11月5日 10:00（北京时间）');
  });

  it('escapes every injected text', () => {
    const doc = sampleCountyBulletin();
    doc.projects[0].name = '<script>alert(1)</script>';
    doc.projects[1].schoolName = '"><img src=x onerror=alert(2)>';
    doc.trace.drillDown = "javascript:alert('3')";
    const html = renderBulletinHtml(doc, 'zh-CN', {
      divisionNames: { ...SAMPLE_DIVISION_NAMES, [SAMPLE_TOWNSHIPS.hekou]: '河口镇<iframe>' },
      contentHash: '<b>hash</b>',
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<iframe>');
    expect(html).not.toContain('<b>hash</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('河口镇&lt;iframe&gt;');
    expect(html).toContain('javascript:alert(&apos;3&apos;)');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });

  it('renders in English', () => {
    const html = renderBulletinHtml(sampleCountyBulletin(), 'en', { divisionNames: SAMPLE_DIVISION_NAMES_EN });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<h1>Qingshan County — School Construction Progress Bulletin, October 2025</h1>');
    expect(figure(html, 'Spent (10k yuan)')).toBe('1565.97');
    expect(figure(html, 'Against schedule')).toBe('Behind schedule');
    expect(row(html, 'Special-purpose bond')).toEqual(['Special-purpose bond', '200.00', '200.00', '196.00', '98.0%']);
    expect(row(html, 'Junior secondary school')).toEqual(['Junior secondary school', 'Public', '0', '0', '0', 'no target']);
    expect(row(html, 'XJ-2024-011')[12]).toBe('Overdue, Stale (last report: June 2025)');
    expect(decode(html)).toContain('Issued: 1 November 2025 00:30 (Beijing time, UTC+8)');
    // Chinese appears only in the data (project and school names), never in the fixed wording.
    for (const word of ['万元', '序时进度', '北京时间', '无下达资金', '无目标', '逾期', '通报', '乡镇', '学位']) expect(html).not.toContain(word);
  });

  it('is deterministic', () => {
    expect(renderBulletinHtml(sampleTownshipBulletin(), 'zh-CN', { divisionNames: SAMPLE_DIVISION_NAMES })).toBe(township);
  });
});
