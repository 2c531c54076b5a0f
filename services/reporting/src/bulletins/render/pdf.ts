import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { BulletinDocument, BulletinLanguage } from '../bulletin-document';
import { BulletinView, RenderOptions, Tone, ViewBlock, ViewFigure, ViewTable, buildBulletinView } from './bulletin-view';
import { ChartScene } from './charts';
import { DEFAULT_LANGUAGE, textFor } from './labels';

/**
 * The bulletin as an A4 PDF drawn natively with pdfkit: the same view as the HTML (sections,
 * tables with repeated headers across page breaks, charts from the same scenes), in Noto Sans
 * CJK so that Chinese prints as Chinese. Deterministic: no clock (CreationDate = issuedAt).
 */
export const DEFAULT_CJK_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** The Simplified Chinese face inside the Noto Sans CJK collection. */
export const CJK_FONT_POSTSCRIPT_NAME = 'NotoSansCJKsc-Regular';

export interface PdfRenderOptions extends RenderOptions {
  /** Path of the Noto Sans CJK collection (.ttc) or an OpenType/TrueType CJK font. */
  fontPath?: string;
  /** PostScript name of the face inside a collection; defaults to `NotoSansCJKsc-Regular`. */
  fontFamily?: string;
}

export class CjkFontMissingError extends Error {
  constructor(readonly fontPath: string) {
    super(
      `找不到中文字体 ${fontPath}，PDF 通报无法显示中文。请安装：apt-get install fonts-noto-cjk ` +
        `(CJK font not found at ${fontPath}; install it with: apt-get install fonts-noto-cjk)`,
    );
    this.name = 'CjkFontMissingError';
  }
}

const fontCache = new Map<string, Buffer>();

/** Reads (once per process) the CJK font, or throws `CjkFontMissingError` naming the package to install. */
export function loadCjkFont(fontPath = DEFAULT_CJK_FONT_PATH): Buffer {
  const cached = fontCache.get(fontPath);
  if (cached) return cached;
  if (!existsSync(fontPath)) throw new CjkFontMissingError(fontPath);
  const data = readFileSync(fontPath);
  fontCache.set(fontPath, data);
  return data;
}

const A4 = { short: 595.28, long: 841.89 };
const MARGIN = { top: 42, bottom: 48, left: 40, right: 40 };
/** Content width of a portrait page; charts never grow beyond it. */
const PORTRAIT_WIDTH = A4.short - MARGIN.left - MARGIN.right;
/** Tables with more columns than this get landscape pages (横版). */
const MAX_PORTRAIT_COLUMNS = 8;
const FONT = 'cjk';

const TONE_COLOR: Record<Tone, string> = { alert: '#b42318', warn: '#b45309', good: '#2f7a4f' };
const INK = '#1f2933';
const MUTED = '#52606d';
const RULE = '#cbd2d9';
const HEAD_FILL = '#eef2f7';
const ACCENT = '#2f6fb0';

class PdfWriter {
  y = MARGIN.top;
  private landscape = false;

  constructor(private readonly pdf: PDFKit.PDFDocument, private readonly view: BulletinView) {}

  private get contentWidth() {
    return (this.landscape ? A4.long : A4.short) - MARGIN.left - MARGIN.right;
  }

  private get bottom() {
    return (this.landscape ? A4.short : A4.long) - MARGIN.bottom;
  }

  private newPage(landscape = this.landscape) {
    this.landscape = landscape;
    this.pdf.addPage({ size: 'A4', layout: landscape ? 'landscape' : 'portrait', margins: MARGIN });
    this.y = MARGIN.top;
  }

  private ensure(height: number) {
    if (this.y + height > this.bottom) this.newPage();
  }

  private write(text: string, x: number, y: number, size: number, options: PDFKit.Mixins.TextOptions & { color?: string } = {}) {
    const { color, ...rest } = options;
    this.pdf.font(FONT).fontSize(size).fillColor(color ?? INK).text(text, x, y, { lineGap: 1, ...rest });
  }

  private heightOf(text: string, size: number, width: number) {
    return this.pdf.font(FONT).fontSize(size).heightOfString(text, { width, lineGap: 1 });
  }

  header() {
    const { view } = this;
    const titleHeight = this.heightOf(view.title, 17, this.contentWidth);
    this.write(view.title, MARGIN.left, this.y, 17, { width: this.contentWidth, align: 'center' });
    this.y += titleHeight + 4;
    const colon = textFor(view.lang).colon;
    const meta = view.meta.map((item) => `${item.label}${colon}${item.value}`).join('  ·  ');
    this.write(meta, MARGIN.left, this.y, 9, { width: this.contentWidth, align: 'center', color: MUTED });
    this.y += this.heightOf(meta, 9, this.contentWidth) + 8;
    if (view.notice) {
      const height = this.heightOf(view.notice, 10, this.contentWidth - 12) + 10;
      this.pdf.rect(MARGIN.left, this.y, this.contentWidth, height).fillAndStroke('#fff7ed', '#d9822b');
      this.write(view.notice, MARGIN.left + 6, this.y + 5, 10, { width: this.contentWidth - 12 });
      this.y += height + 8;
    }
  }

  /** Starts a section; a section holding a wide table starts on a landscape page, the next one returns to portrait. */
  sectionTitle(title: string, landscape: boolean) {
    if (landscape !== this.landscape) this.newPage(landscape);
    this.ensure(90);
    this.y += 6;
    this.write(title, MARGIN.left, this.y, 13, { width: this.contentWidth, color: INK });
    this.y += this.heightOf(title, 13, this.contentWidth) + 2;
    this.pdf.moveTo(MARGIN.left, this.y).lineTo(MARGIN.left + this.contentWidth, this.y).lineWidth(1.5).strokeColor(ACCENT).stroke();
    this.y += 6;
  }

  subTitle(title: string) {
    this.ensure(40);
    this.write(title, MARGIN.left, this.y, 10.5, { width: this.contentWidth });
    this.y += this.heightOf(title, 10.5, this.contentWidth) + 3;
  }

  figures(items: ViewFigure[]) {
    const columns = 3;
    const width = this.contentWidth / columns;
    for (let start = 0; start < items.length; start += columns) {
      const row = items.slice(start, start + columns);
      const height = Math.max(...row.map((item) => this.heightOf(item.label, 8, width - 10) + this.heightOf(item.value, 11, width - 10))) + 6;
      this.ensure(height);
      row.forEach((item, index) => {
        const x = MARGIN.left + index * width;
        this.pdf.rect(x, this.y + 1, 2.5, height - 4).fill(RULE);
        this.write(item.label, x + 7, this.y, 8, { width: width - 10, color: MUTED });
        const labelHeight = this.heightOf(item.label, 8, width - 10);
        this.write(item.value, x + 7, this.y + labelHeight, 11, { width: width - 10, color: item.tone ? TONE_COLOR[item.tone] : INK });
      });
      this.y += height;
    }
    this.y += 4;
  }

  table(table: ViewTable) {
    const wide = table.columns.length > MAX_PORTRAIT_COLUMNS;
    if (wide && !this.landscape) this.newPage(true);
    const size = wide ? 7.5 : 8.5;
    const pad = 2.5;
    const total = table.columns.reduce((sum, column) => sum + column.weight, 0);
    const widths = table.columns.map((column) => (column.weight / total) * this.contentWidth);
    const rowHeight = (cells: string[]) => Math.max(...cells.map((cell, i) => this.heightOf(cell, size, widths[i] - 2 * pad))) + 2 * pad;
    const drawRow = (cells: string[], options: { fill?: string; color?: string; header?: boolean }) => {
      const height = rowHeight(cells);
      let x = MARGIN.left;
      cells.forEach((cell, i) => {
        if (options.fill) this.pdf.rect(x, this.y, widths[i], height).fill(options.fill);
        this.pdf.rect(x, this.y, widths[i], height).lineWidth(0.5).strokeColor(RULE).stroke();
        const align = options.header ? 'center' : table.columns[i].align;
        this.write(cell, x + pad, this.y + pad, size, { width: widths[i] - 2 * pad, align, color: options.color ?? INK });
        x += widths[i];
      });
      this.y += height;
    };
    const headers = table.columns.map((column) => column.label);
    const headerHeight = rowHeight(headers);
    const drawHeader = () => drawRow(headers, { fill: HEAD_FILL, color: MUTED, header: true });
    const rows = table.rows.length > 0 ? table.rows : [{ cells: [table.emptyText, ...table.columns.slice(1).map(() => '')] }];
    this.ensure(headerHeight + rowHeight(rows[0].cells));
    drawHeader();
    for (const row of rows) {
      const height = rowHeight(row.cells);
      if (this.y + height > this.bottom) {
        this.newPage();
        drawHeader();
      }
      drawRow(row.cells, { color: 'tone' in row && row.tone ? TONE_COLOR[row.tone] : INK });
    }
    this.y += 8;
  }

  chart(scene: ChartScene) {
    const maxHeight = this.bottom - MARGIN.top;
    const scale = Math.min(PORTRAIT_WIDTH / scene.width, maxHeight / scene.height);
    const height = scene.height * scale;
    this.ensure(height);
    drawChartScene(this.pdf, scene, MARGIN.left, this.y, scale);
    this.y += height + 8;
  }

  list(title: string, items: string[], emptyText: string) {
    this.subTitle(title);
    const lines = items.length > 0 ? items.map((item) => `• ${item}`) : [emptyText];
    for (const line of lines) {
      const height = this.heightOf(line, 9.5, this.contentWidth - 12);
      this.ensure(height);
      this.write(line, MARGIN.left + 12, this.y, 9.5, { width: this.contentWidth - 12, color: items.length > 0 ? INK : MUTED });
      this.y += height + 1;
    }
    this.y += 4;
  }

  block(block: ViewBlock) {
    switch (block.type) {
      case 'figures':
        return this.figures(block.items);
      case 'table':
        if (block.title) this.subTitle(block.title);
        return this.table(block.table);
      case 'chart':
        return this.chart(block.scene);
      case 'list':
        return this.list(block.title, block.items, block.emptyText);
      case 'paragraph': {
        const height = this.heightOf(block.text, 10, this.contentWidth);
        this.ensure(height);
        this.write(block.text, MARGIN.left, this.y, 10, { width: this.contentWidth, color: block.tone ? TONE_COLOR[block.tone] : INK });
        this.y += height + 4;
      }
    }
  }

  closing() {
    const text = textFor(this.view.lang);
    const lines = [...this.view.footer.map((item) => `${item.label}${text.colon}${item.value}`), text.footer.generatedBy];
    const height = lines.reduce((sum, line) => sum + this.heightOf(line, 8, this.contentWidth) + 1, 12);
    this.ensure(height);
    this.y += 6;
    this.pdf.moveTo(MARGIN.left, this.y).lineTo(MARGIN.left + this.contentWidth, this.y).lineWidth(0.5).strokeColor(RULE).stroke();
    this.y += 4;
    for (const line of lines) {
      this.write(line, MARGIN.left, this.y, 8, { width: this.contentWidth, color: MUTED });
      this.y += this.heightOf(line, 8, this.contentWidth) + 1;
    }
  }

  /** "标题 · 第 1 页 / 共 3 页" at the foot of every page. */
  pageNumbers() {
    const range = this.pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.pdf.switchToPage(i);
      const { margins, width, height } = this.pdf.page;
      this.pdf.page.margins = { ...margins, bottom: 0 };
      const page = i - range.start + 1;
      const label = this.view.lang === 'en' ? `Page ${page} of ${range.count}` : `第 ${page} 页 / 共 ${range.count} 页`;
      this.write(`${this.view.title}  ·  ${label}`, MARGIN.left, height - MARGIN.bottom + 18, 7.5, {
        width: width - MARGIN.left - MARGIN.right,
        align: 'center',
        color: MUTED,
        lineBreak: false,
      });
      this.pdf.page.margins = margins;
    }
  }
}

/** Draws a chart scene (the same one the SVG is made from) at (x, y), scaled. */
export function drawChartScene(pdf: PDFKit.PDFDocument, scene: ChartScene, x: number, y: number, scale: number): void {
  pdf.save();
  pdf.translate(x, y).scale(scale);
  pdf.rect(0, 0, scene.width, scene.height).fill('#ffffff');
  for (const shape of scene.shapes) {
    switch (shape.type) {
      case 'rect':
        if (shape.width > 0 && shape.height > 0) pdf.rect(shape.x, shape.y, shape.width, shape.height).fill(shape.fill);
        break;
      case 'line':
        pdf.moveTo(shape.x1, shape.y1).lineTo(shape.x2, shape.y2).lineWidth(shape.strokeWidth).strokeColor(shape.stroke);
        if (shape.dash) pdf.dash(shape.dash[0], { space: shape.dash[1] });
        pdf.stroke();
        if (shape.dash) pdf.undash();
        break;
      case 'text': {
        pdf.font(FONT).fontSize(shape.size);
        const width = pdf.widthOfString(shape.text);
        const left = shape.anchor === 'start' ? shape.x : shape.anchor === 'middle' ? shape.x - width / 2 : shape.x - width;
        pdf.fillColor(shape.fill).text(shape.text, left, shape.y, { lineBreak: false, baseline: 'alphabetic' });
        break;
      }
    }
  }
  pdf.restore();
}

export function viewToPdf(view: BulletinView, issuedAt: Date, options: PdfRenderOptions = {}): Promise<Buffer> {
  const font = loadCjkFont(options.fontPath);
  return new Promise<Buffer>((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      autoFirstPage: true,
      lang: view.lang,
      displayTitle: true,
      info: {
        Title: view.title,
        Author: 'Xiaojian',
        Creator: 'Xiaojian reporting',
        Producer: 'Xiaojian reporting (pdfkit)',
        Subject: textFor(view.lang).bulletinName,
        CreationDate: issuedAt,
        ModDate: issuedAt,
      },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    try {
      pdf.registerFont(FONT, font, options.fontFamily ?? CJK_FONT_POSTSCRIPT_NAME);
      const writer = new PdfWriter(pdf, view);
      writer.header();
      for (const section of view.sections) {
        writer.sectionTitle(section.title, section.blocks.some((block) => block.type === 'table' && block.table.columns.length > MAX_PORTRAIT_COLUMNS));
        for (const block of section.blocks) writer.block(block);
      }
      writer.closing();
      writer.pageNumbers();
      pdf.end();
    } catch (error) {
      reject(error);
    }
  });
}

/** Renders the bulletin as an A4 PDF with embedded (subset) Noto Sans CJK SC. */
export function renderBulletinPdf(doc: BulletinDocument, lang: BulletinLanguage = DEFAULT_LANGUAGE, options: PdfRenderOptions = {}): Promise<Buffer> {
  const issuedAt = new Date(doc.issuedAt);
  if (Number.isNaN(issuedAt.getTime())) return Promise.reject(new Error(`Invalid issuedAt ${JSON.stringify(doc.issuedAt)}`));
  try {
    return viewToPdf(buildBulletinView(doc, lang, options), issuedAt, options);
  } catch (error) {
    return Promise.reject(error);
  }
}
