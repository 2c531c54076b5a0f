import { CONTENT_HASH_PLACEHOLDER, fillContentHash } from '../bulletin-view';
import { escapeMarkdown, renderBulletinMarkdown } from '../markdown';
import { SAMPLE_DIVISION_NAMES, SAMPLE_DIVISION_NAMES_EN, sampleCountyBulletin, sampleReissuedTownshipBulletin, sampleTownshipBulletin } from './sample-bulletin';

/** Splits a GFM table row on unescaped pipes. */
const cells = (line: string) =>
  line
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((cell) => cell.trim());

function tableAfter(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`no heading ${heading}`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(cells(line));
  }
  return rows;
}

describe('renderBulletinMarkdown', () => {
  const md = renderBulletinMarkdown(sampleTownshipBulletin(), 'zh-CN', { divisionNames: SAMPLE_DIVISION_NAMES });

  it('has the title, meta line and the same sections as the HTML', () => {
    expect(md.split('\n')[0]).toBe('# 城关镇 2025年10月 学校建设项目进度通报');
    expect(md).toContain('数据截至：2025年10月31日 · 版本：v1 · 签发时间：2025年11月1日 00:30（北京时间）');
    expect(md.split('\n').filter((line) => line.startsWith('## '))).toEqual(['## 一、项目进展', '## 二、资金', '## 三、学位', '## 四、项目明细']);
  });

  it('prints the figures as tables with aligned columns', () => {
    const funding = tableAfter(md, '## 二、资金');
    expect(funding[0]).toEqual(['数据项', '数值']);
    expect(funding[1]).toEqual([':---', '---:']);
    expect(funding).toEqual(expect.arrayContaining([['下达资金（万元）', '1245.50'], ['支出资金（万元）', '914.97'], ['支出率', '73.5%'], ['序时进度', '83.3%']]));
    const bySource = tableAfter(md, '### 分资金来源');
    expect(bySource[0]).toEqual(['资金来源', '下达资金（万元）', '拨付资金（万元）', '支出资金（万元）', '支出率']);
    expect(bySource.slice(2)).toEqual([
      ['中央', '500.00', '450.00', '400.00', '80.0%'],
      ['省级', '300.00', '250.00', '200.00', '66.7%'],
      ['县级', '360.00', '250.00', '235.22', '65.3%'],
      ['教育费附加', '85.50', '85.50', '79.75', '93.3%'],
      ['社会捐资', '0.00', '0.00', '0.00', '无下达资金'],
    ]);
    const seats = tableAfter(md, '### 分学段、办学性质');
    expect(seats.slice(2)).toContainEqual(['幼儿园', '公办', '270', '270', '240', '112.5%']);
    const projects = tableAfter(md, '## 四、项目明细');
    expect(projects).toHaveLength(2 + 4);
    expect(projects[2]).toEqual(['XJ-2025-001', '城关第二小学教学楼新建工程', '城关第二小学', '新建', '在建', '65%', '1200.00', '800.00', '523.46', '65.4%', '1350 / 0', '正常']);
  });

  it('ends with the footer and the content-hash placeholder', () => {
    expect(md).toContain(`- 内容哈希：${CONTENT_HASH_PLACEHOLDER}`);
    expect(fillContentHash(md, 'sha256:abcd')).toContain('- 内容哈希：sha256:abcd');
    expect(md).toContain('- 依据事件数：57');
    expect(md.endsWith('*校建系统生成*\n')).toBe(true);
  });

  it('escapes injected markup and keeps table rows intact', () => {
    const doc = sampleTownshipBulletin();
    doc.projects[0].name = '新建 | 教学楼 <script>x</script> **粗体** [链接](http://127.0.0.1/)\n第二行';
    const out = renderBulletinMarkdown(doc);
    const row = out.split('\n').find((line) => line.startsWith('| XJ-2025-001 |'))!;
    expect(cells(row)).toHaveLength(12);
    expect(row).toContain('新建 \\| 教学楼 \\<script\\>x\\</script\\> \\*\\*粗体\\*\\* \\[链接\\]\\(http://127.0.0.1/\\) 第二行');
    expect(out).not.toContain('<script>');
    expect(escapeMarkdown('a_b`c')).toBe('a\\_b\\`c');
  });

  it('adds ranking, laggards and changes where the document has them', () => {
    const county = renderBulletinMarkdown(sampleCountyBulletin(), 'zh-CN', { divisionNames: SAMPLE_DIVISION_NAMES });
    expect(tableAfter(county, '## 五、乡镇排名').slice(2)).toEqual([
      ['石桥乡', '98.0%', '1', '100.0%', '1', '360', '1'],
      ['城关镇', '73.5%', '2', '74.5%', '2', '270', '2'],
      ['河口镇', '28.0%', '3', '36.4%', '3', '0', '3'],
    ]);
    expect(county).toContain('### 支出落后于序时进度的乡镇\n\n- 城关镇\n- 河口镇');
    expect(county).toContain('- XJ-2024-011 河口初级中学危房改造（河口镇）');
    const reissue = renderBulletinMarkdown(sampleReissuedTownshipBulletin(), 'zh-CN', { divisionNames: SAMPLE_DIVISION_NAMES });
    expect(reissue).toContain('> 本通报为第 2 版，更正此前版本。');
    expect(tableAfter(reissue, '## 更正说明：本版与上一版相比变动的数据').slice(2)[0]).toEqual([
      '支出资金（万元） \\(summary.funding.spentFen\\)',
      '880.00',
      '914.97',
    ]);
  });

  it('renders in English', () => {
    const en = renderBulletinMarkdown(sampleTownshipBulletin(), 'en', { divisionNames: SAMPLE_DIVISION_NAMES_EN });
    expect(en.split('\n')[0]).toBe('# Chengguan Town — School Construction Progress Bulletin, October 2025');
    expect(tableAfter(en, '### By funding source').slice(2)[4]).toEqual(['Donation', '0.00', '0.00', '0.00', 'no allocation']);
    expect(en).toContain('| Target completion | 17.0% |');
  });
});
