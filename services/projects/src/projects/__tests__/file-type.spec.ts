import { checkUploadedFile, detectFileKind } from '../evidence/file-type';
import { etagOf, ifMatchAllows, parseIfMatch } from '../project.etag';
import { previousPercentFor } from '../progress.service';

const zipWith = (part: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(`....[Content_Types].xml....${part}....`)]);
const ALL = ['jpeg', 'png', 'pdf', 'docx', 'xlsx'] as const;

describe('evidence file kinds by content', () => {
  it('recognises jpeg, png, pdf, docx and xlsx by their bytes', () => {
    expect(detectFileKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1]))).toBe('jpeg');
    expect(detectFileKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(detectFileKind(Buffer.from('%PDF-1.7 ...'))).toBe('pdf');
    expect(detectFileKind(zipWith('word/document.xml'))).toBe('docx');
    expect(detectFileKind(zipWith('xl/workbook.xml'))).toBe('xlsx');
    expect(detectFileKind(zipWith('something/else.txt'))).toBeUndefined();
    expect(detectFileKind(Buffer.from('GIF89a'))).toBeUndefined();
  });

  it('refuses empty, oversize, unknown content and extensions that disagree with the content', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    expect(checkUploadedFile({ name: 'a.PNG', bytes: png }, ALL, 100)).toEqual({ ok: true, kind: 'png' });
    const code = (r: ReturnType<typeof checkUploadedFile>) => (r.ok ? 'ok' : r.problem.code);
    expect(code(checkUploadedFile({ name: 'a.png', bytes: Buffer.alloc(0) }, ALL, 100))).toBe('empty-file');
    expect(code(checkUploadedFile({ name: 'a.png', bytes: png }, ALL, 8))).toBe('file-too-large');
    expect(code(checkUploadedFile({ name: 'a.png', bytes: Buffer.from('hello') }, ALL, 100))).toBe('unsupported-file-type');
    expect(code(checkUploadedFile({ name: 'a.jpg', bytes: png }, ALL, 100))).toBe('extension-mismatch');
    expect(code(checkUploadedFile({ name: 'a.png', bytes: png }, ['pdf'], 100))).toBe('unsupported-file-type');
  });
});

describe('If-Match', () => {
  it('parses strong, weak, lists and *', () => {
    expect(etagOf(3)).toBe('"3"');
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch(' ')).toBeUndefined();
    expect(parseIfMatch('*')).toBe('any');
    expect(parseIfMatch('W/"3", "4", garbage')).toEqual([3, 4]);
    expect(ifMatchAllows([3, 4], 4)).toBe(true);
    expect(ifMatchAllows([3], 4)).toBe(false);
    expect(ifMatchAllows('any', 9)).toBe(true);
  });
});

describe('previousPercentFor', () => {
  it('is the same month\'s effective value, else the latest earlier month\'s, else null', () => {
    const byMonth = new Map([['2025-01', 10], ['2025-03', 40]]);
    expect(previousPercentFor(byMonth, '2025-03')).toBe(40);
    expect(previousPercentFor(byMonth, '2025-02')).toBe(10);
    expect(previousPercentFor(byMonth, '2025-05')).toBe(40);
    expect(previousPercentFor(byMonth, '2024-12')).toBeNull();
  });
});
