import type { BulletinDocument, BulletinFormat, BulletinLanguage } from '../bulletin-document';
import { renderBulletinHtml } from './html';
import { DEFAULT_LANGUAGE } from './labels';
import { renderBulletinMarkdown } from './markdown';
import { PdfRenderOptions, renderBulletinPdf } from './pdf';

export * from './bulletin-view';
export * from './charts';
export * from './html';
export * from './labels';
export * from './markdown';
export * from './pdf';

export const BULLETIN_CONTENT_TYPES: Record<BulletinFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export interface RenderedBulletin {
  body: Buffer | string;
  contentType: string;
  /** e.g. `bulletin-330482101-2025-10-v2.zh-CN.pdf`, for Content-Disposition and attachments. */
  fileName: string;
}

export function isBulletinFormat(value: unknown): value is BulletinFormat {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(BULLETIN_CONTENT_TYPES, value);
}

export function bulletinFileName(doc: BulletinDocument, format: BulletinFormat, lang: BulletinLanguage = DEFAULT_LANGUAGE): string {
  const subject = doc.kind === 'township' && doc.townshipCode ? doc.townshipCode : doc.countyCode;
  const language = format === 'json' ? '' : `.${lang}`;
  return `bulletin-${subject}-${doc.month}-v${doc.version}${language}.${format}`;
}

/**
 * One entry point for every format. JSON is the document itself (language-neutral: codes,
 * integer fen, exact percent strings), pretty-printed with a trailing newline.
 */
export async function renderBulletin(
  doc: BulletinDocument,
  format: BulletinFormat,
  lang: BulletinLanguage = DEFAULT_LANGUAGE,
  options: PdfRenderOptions = {},
): Promise<RenderedBulletin> {
  const fileName = bulletinFileName(doc, format, lang);
  const contentType = BULLETIN_CONTENT_TYPES[format];
  switch (format) {
    case 'html':
      return { body: renderBulletinHtml(doc, lang, options), contentType, fileName };
    case 'md':
      return { body: renderBulletinMarkdown(doc, lang, options), contentType, fileName };
    case 'pdf':
      return { body: await renderBulletinPdf(doc, lang, options), contentType, fileName };
    case 'json':
      return { body: `${JSON.stringify(doc, null, 2)}\n`, contentType, fileName };
    default:
      throw new Error(`Unknown bulletin format ${JSON.stringify(format)}: expected html, pdf, md or json`);
  }
}
