import { BULLETIN_CONTENT_TYPES, bulletinFileName, isBulletinFormat, renderBulletin } from '..';
import type { BulletinFormat } from '../../bulletin-document';
import { SAMPLE_DIVISION_NAMES, sampleCountyBulletin, sampleTownshipBulletin } from './sample-bulletin';

jest.setTimeout(30_000);

describe('renderBulletin', () => {
  it('renders every format with its content type and file name', async () => {
    const doc = sampleTownshipBulletin();
    const html = await renderBulletin(doc, 'html', 'zh-CN', { divisionNames: SAMPLE_DIVISION_NAMES });
    expect(html.contentType).toBe('text/html; charset=utf-8');
    expect(html.fileName).toBe('bulletin-350999101-2025-10-v1.zh-CN.html');
    expect(html.body).toContain('<h1>城关镇 2025年10月 学校建设项目进度通报</h1>');

    const md = await renderBulletin(doc, 'md', 'en');
    expect(md.contentType).toBe('text/markdown; charset=utf-8');
    expect(String(md.body).startsWith('# Township 350999101 — School Construction Progress Bulletin, October 2025')).toBe(true);

    const pdf = await renderBulletin(doc, 'pdf');
    expect(pdf.contentType).toBe('application/pdf');
    expect(Buffer.isBuffer(pdf.body)).toBe(true);
    expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const json = await renderBulletin(doc, 'json');
    expect(json.contentType).toBe('application/json; charset=utf-8');
    expect(json.fileName).toBe('bulletin-350999101-2025-10-v1.json');
    expect(JSON.parse(String(json.body))).toEqual(doc);
  });

  it('names county files by the county code', () => {
    expect(bulletinFileName(sampleCountyBulletin(), 'pdf', 'en')).toBe('bulletin-350999-2025-10-v1.en.pdf');
  });

  it('refuses unknown formats', async () => {
    expect(isBulletinFormat('pdf')).toBe(true);
    expect(isBulletinFormat('docx')).toBe(false);
    expect(isBulletinFormat('toString')).toBe(false);
    await expect(renderBulletin(sampleTownshipBulletin(), 'docx' as BulletinFormat)).rejects.toThrow(/Unknown bulletin format "docx"/);
    expect(Object.keys(BULLETIN_CONTENT_TYPES).sort()).toEqual(['html', 'json', 'md', 'pdf']);
  });
});
