/** File kinds accepted as progress evidence, recognised by their bytes (magic numbers), not their names. */
export const EVIDENCE_TYPES = {
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG 图片' },
  png: { contentType: 'image/png', extensions: ['png'], label: 'PNG 图片' },
  pdf: { contentType: 'application/pdf', extensions: ['pdf'], label: 'PDF 文档' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], label: 'Word 文档（.docx）' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'Excel 表格（.xlsx）' },
} as const;
export type EvidenceKind = keyof typeof EVIDENCE_TYPES;

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * The kind of a file from its content. An Office Open XML file is a zip whose parts name the
 * application: `word/document.xml` (docx) or `xl/workbook.xml` (xlsx); part names are stored
 * uncompressed in the zip headers, so a byte search finds them.
 */
export function detectFileKind(bytes: Buffer): EvidenceKind | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, ZIP) && bytes.includes('[Content_Types].xml')) {
    if (bytes.includes('word/document.xml')) return 'docx';
    if (bytes.includes('xl/workbook.xml')) return 'xlsx';
  }
  return undefined;
}

export const extensionOf = (fileName: string): string => {
  const dot = fileName.lastIndexOf('.');
  return dot === -1 ? '' : fileName.slice(dot + 1).toLowerCase();
};

export interface FileCheckProblem {
  code: 'file-too-large' | 'empty-file' | 'unsupported-file-type' | 'extension-mismatch';
  zh: string;
  en: string;
}

const allowedList = (kinds: readonly EvidenceKind[]) => kinds.map((k) => EVIDENCE_TYPES[k].extensions.join('/')).join('、');

/** Checks an uploaded file's size and content kind (and that its extension agrees with the content). */
export function checkUploadedFile(
  file: { name: string; bytes: Buffer },
  allowed: readonly EvidenceKind[],
  maxBytes: number,
): { ok: true; kind: EvidenceKind } | { ok: false; problem: FileCheckProblem } {
  const mib = (maxBytes / 1024 / 1024).toFixed(0);
  if (file.bytes.length === 0) return { ok: false, problem: { code: 'empty-file', zh: '上传的文件是空的', en: 'The uploaded file is empty' } };
  if (file.bytes.length > maxBytes) {
    return { ok: false, problem: { code: 'file-too-large', zh: `文件不能超过 ${mib} MB`, en: `The file must not exceed ${mib} MiB` } };
  }
  const kind = detectFileKind(file.bytes);
  if (kind === undefined || !allowed.includes(kind)) {
    return {
      ok: false,
      problem: {
        code: 'unsupported-file-type',
        zh: `文件内容不是允许的类型（仅支持 ${allowedList(allowed)}），请检查文件是否损坏或只是改了扩展名`,
        en: `The file content is not an allowed type (${allowed.join(', ')}); renaming a file does not change its type`,
      },
    };
  }
  const ext = extensionOf(file.name);
  if (!(EVIDENCE_TYPES[kind].extensions as readonly string[]).includes(ext)) {
    return {
      ok: false,
      problem: {
        code: 'extension-mismatch',
        zh: `文件扩展名“.${ext}”与文件内容（${EVIDENCE_TYPES[kind].label}）不符，请改正文件名后重新上传`,
        en: `The extension ".${ext}" does not match the content (${kind})`,
      },
    };
  }
  return { ok: true, kind };
}
