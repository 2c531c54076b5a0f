import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CjkFontMissingError, DEFAULT_CJK_FONT_PATH, loadCjkFont, renderBulletinPdf } from '../pdf';
import { readPdf } from './pdf-text';
import { SAMPLE_DIVISION_NAMES, SAMPLE_DIVISION_NAMES_EN, sampleCountyBulletin, sampleReissuedTownshipBulletin, sampleTownshipBulletin } from './sample-bulletin';

jest.setTimeout(30_000);

function pdftotext(pdf: Buffer): string | null {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    return null; // poppler-utils not installed: the built-in reader below still checks the text.
  }
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-pdf-'));
  try {
    writeFileSync(join(dir, 'b.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'b.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('renderBulletinPdf', () => {
  let township: Buffer;
  beforeAll(async () => {
    township = await renderBulletinPdf(sampleTownshipBulletin(), 'zh-CN', { divisionNames: SAMPLE_DIVISION_NAMES, contentHash: 'sha256:0f1e2d3c' });
  });

  it('is an A4 PDF with the title in its metadata and CreationDate = issuedAt', () => {
    const source = township.toString('latin1');
    expect(source.startsWith('%PDF-')).toBe(true);
    expect(source.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(source).toContain('/MediaBox [0 0 595.28 841.89]');
    const creation = /\/CreationDate (\d+) 0 R/.exec(source);
    expect(creation).not.toBeNull();
    expect(source).toContain(`\n${creation![1]} 0 obj\n(D:20251031163000Z)\nendobj`);
  });

  it('embeds Noto Sans CJK SC and prints Chinese as Chinese (ToUnicode), not boxes', () => {
    const facts = readPdf(township);
    expect(facts.fonts.length).toBeGreaterThan(0);
    for (const font of facts.fonts) expect(font).toMatch(/^[A-Z]{6}\+NotoSansCJKsc-Regular$/);
    expect(facts.embeddedFontBytes.length).toBe(1);
    expect(facts.embeddedFontBytes[0]).toBeGreaterThan(10_000);
    expect(facts.textRuns[0]).toBe('城关镇 2025年10月 学校建设项目进度通报');
    expect(facts.text).not.toContain('\uFFFD');
    for (const expected of ['一、项目进展', '二、资金', '三、学位', '四、项目明细', '支出资金（万元）', '914.97', '1245.50', '73.5%', '序时进度 83.3%', '无下达资金', '城关初级中学薄弱学校改造', '大班额（56人及以上）', '内容哈希：sha256:0f1e2d3c']) {
      expect(facts.text).toContain(expected);
    }
  });

  it('reads the same with pdftotext, when poppler-utils is installed', () => {
    const text = pdftotext(township);
    if (text === null) return;
    expect(text).toContain('城关镇 2025年10月 学校建设项目进度通报');
    expect(text).toContain('落后于序时进度');
  });

  it('draws the charts natively: bar values and the schedule line label are page text', () => {
    const runs = readPdf(township).textRuns;
    // Chart texts (axis ticks and legends) exist only in the charts.
    expect(runs).toEqual(expect.arrayContaining(['分资金来源支出率与序时进度', '各项目形象进度', '已交付学位与目标', '0%', '100%', '目标 1350']));
    expect(township.toString('latin1')).not.toContain('/Subtype /Image');
  });

  it('repeats table headers across page breaks and numbers the pages', async () => {
    const doc = sampleCountyBulletin();
    const template = doc.projects[0];
    doc.projects = Array.from({ length: 60 }, (_, i) => ({ ...template, projectId: `p${i}`, code: `XJ-2025-${String(i + 100)}`, name: `第${i + 1}号校舍改造工程` }));
    const facts = readPdf(await renderBulletinPdf(doc, 'zh-CN', { divisionNames: SAMPLE_DIVISION_NAMES }));
    expect(facts.pageCount).toBeGreaterThanOrEqual(5);
    expect(facts.textRuns).toContain(`第 1 页 / 共 ${facts.pageCount} 页`.replace(/^/, '青山县 2025年10月 学校建设项目进度通报  ·  '));
    expect(facts.textRuns.filter((run) => run === '项目编号').length).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < 60; i++) expect(facts.textRuns).toContain(`XJ-2025-${String(i + 100)}`);
  });

  it('prints the county ranking, laggards and the changes of a re-issue', async () => {
    const county = readPdf(await renderBulletinPdf(sampleCountyBulletin(), 'zh-CN', { divisionNames: SAMPLE_DIVISION_NAMES })).text;
    expect(county).toContain('五、乡镇排名');
    expect(county).toContain('XJ-2024-011 河口初级中学危房改造（河口镇）');
    const reissue = readPdf(await renderBulletinPdf(sampleReissuedTownshipBulletin(), 'zh-CN', { divisionNames: SAMPLE_DIVISION_NAMES })).text;
    expect(reissue).toContain('本通报为第 2 版，更正此前版本。');
    expect(reissue).toContain('880.00');
  });

  it('renders in English', async () => {
    const facts = readPdf(await renderBulletinPdf(sampleTownshipBulletin(), 'en', { divisionNames: SAMPLE_DIVISION_NAMES_EN }));
    expect(facts.text).toContain('Chengguan Town — School Construction Progress Bulletin, October 2025');
    expect(facts.text).toContain('no allocation');
    expect(facts.text).toContain('Page 1 of');
  });

  it('is deterministic', async () => {
    const again = await renderBulletinPdf(sampleTownshipBulletin(), 'zh-CN', { divisionNames: SAMPLE_DIVISION_NAMES, contentHash: 'sha256:0f1e2d3c' });
    expect(again.equals(township)).toBe(true);
  });

  it('explains how to install the font when it is missing', async () => {
    const missing = join(tmpdir(), 'no-such-dir', 'NotoSansCJK-Regular.ttc');
    await expect(renderBulletinPdf(sampleTownshipBulletin(), 'zh-CN', { fontPath: missing })).rejects.toThrow(CjkFontMissingError);
    await expect(renderBulletinPdf(sampleTownshipBulletin(), 'zh-CN', { fontPath: missing })).rejects.toThrow(/apt-get install fonts-noto-cjk/);
    expect(loadCjkFont(DEFAULT_CJK_FONT_PATH)).toBe(loadCjkFont());
  });
});
