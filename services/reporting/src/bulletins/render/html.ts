import type { BulletinDocument, BulletinLanguage } from '../bulletin-document';
import { BulletinView, RenderOptions, ViewBlock, ViewFigure, ViewTable, buildBulletinView } from './bulletin-view';
import { CHART_FONT_FAMILY, escapeXml, sceneToSvg } from './charts';
import { DEFAULT_LANGUAGE, textFor } from './labels';

/** Escapes text for HTML element content and attribute values. */
export const escapeHtml = escapeXml;

const STYLE = `
@page { size: A4; margin: 15mm 12mm 18mm 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: ${CHART_FONT_FAMILY}; color: #1f2933; font-size: 10.5pt; line-height: 1.5; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
h1 { font-size: 17pt; text-align: center; margin: 0 0 4pt; }
h2 { font-size: 13pt; border-bottom: 2px solid #2f6fb0; padding-bottom: 2pt; margin: 16pt 0 8pt; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 10pt 0 4pt; break-after: avoid; page-break-after: avoid; }
.meta { text-align: center; color: #52606d; font-size: 9.5pt; margin: 0 0 10pt; }
.meta span + span::before { content: " · "; }
.notice { border: 1px solid #d9822b; background: #fff7ed; padding: 6pt 8pt; margin: 8pt 0; }
dl.figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 4pt 12pt; margin: 6pt 0; }
dl.figures div { border-left: 3px solid #cbd2d9; padding: 1pt 6pt; break-inside: avoid; }
dl.figures dt { color: #52606d; font-size: 9pt; }
dl.figures dd { margin: 0; font-size: 12pt; font-variant-numeric: tabular-nums; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #cbd2d9; padding: 2pt 4pt; vertical-align: top; }
th { background: #eef2f7; font-weight: normal; color: #323f4b; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.empty { text-align: center; color: #7b8794; }
.tone-alert, tr.tone-alert td { color: #b42318; }
.tone-warn, tr.tone-warn td { color: #b45309; }
.tone-good { color: #2f7a4f; }
figure.chart { margin: 6pt 0 10pt; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { width: 100%; height: auto; }
ul.names { margin: 2pt 0 6pt; padding-left: 18pt; }
p.empty { color: #7b8794; margin: 2pt 0 6pt; }
footer { margin-top: 16pt; border-top: 1px solid #cbd2d9; padding-top: 6pt; font-size: 8.5pt; color: #52606d; }
footer dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 8pt; margin: 0; }
footer dt { margin: 0; } footer dd { margin: 0; word-break: break-all; }
@media print { body { padding: 0; max-width: none; } h2 { break-before: auto; } }
`;

const tone = (value: string | undefined) => (value ? ` class="tone-${value}"` : '');

function figuresHtml(items: ViewFigure[]): string {
  const cells = items.map(
    (item) => `<div><dt>${escapeHtml(item.label)}</dt><dd${tone(item.tone)}>${escapeHtml(item.value)}</dd></div>`,
  );
  return `<dl class="figures">\n${cells.join('\n')}\n</dl>`;
}

function tableHtml(table: ViewTable, title?: string): string {
  const cls = (align: 'left' | 'right') => (align === 'right' ? ' class="num"' : '');
  const head = table.columns.map((column) => `<th scope="col"${cls(column.align)}>${escapeHtml(column.label)}</th>`).join('');
  const body =
    table.rows.length === 0
      ? `<tr><td class="empty" colspan="${table.columns.length}">${escapeHtml(table.emptyText)}</td></tr>`
      : table.rows
          .map(
            (row) =>
              `<tr${tone(row.tone)}>${row.cells.map((cell, i) => `<td${cls(table.columns[i].align)}>${escapeHtml(cell)}</td>`).join('')}</tr>`,
          )
          .join('\n');
  return `${title ? `<h3>${escapeHtml(title)}</h3>\n` : ''}<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function blockHtml(block: ViewBlock): string {
  switch (block.type) {
    case 'figures':
      return figuresHtml(block.items);
    case 'table':
      return tableHtml(block.table, block.title);
    case 'chart':
      return `<figure class="chart">\n${sceneToSvg(block.scene)}\n</figure>`;
    case 'list':
      return (
        `<h3>${escapeHtml(block.title)}</h3>\n` +
        (block.items.length === 0
          ? `<p class="empty">${escapeHtml(block.emptyText)}</p>`
          : `<ul class="names">\n${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n')}\n</ul>`)
      );
    case 'paragraph':
      return `<p${tone(block.tone)}>${escapeHtml(block.text)}</p>`;
  }
}

export function viewToHtml(view: BulletinView): string {
  const text = textFor(view.lang);
  const sections = view.sections.map(
    (section) => `<section id="${section.id}">\n<h2>${escapeHtml(section.title)}</h2>\n${section.blocks.map(blockHtml).join('\n')}\n</section>`,
  );
  return [
    '<!DOCTYPE html>',
    `<html lang="${view.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(view.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(view.title)}</h1>`,
    `<p class="meta">${view.meta.map((item) => `<span>${escapeHtml(item.label)}${escapeHtml(text.colon)}${escapeHtml(item.value)}</span>`).join('')}</p>`,
    ...(view.notice ? [`<p class="notice">${escapeHtml(view.notice)}</p>`] : []),
    '</header>',
    '<main>',
    ...sections,
    '</main>',
    '<footer>',
    `<dl>${view.footer.map((item) => `<dt>${escapeHtml(item.label)}</dt><dd>${escapeHtml(item.value)}</dd>`).join('')}</dl>`,
    `<p>${escapeHtml(text.footer.generatedBy)}</p>`,
    '</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A complete, printable (A4) HTML page: inline CSS, charts as inline SVG, every text escaped. */
export function renderBulletinHtml(doc: BulletinDocument, lang: BulletinLanguage = DEFAULT_LANGUAGE, options: RenderOptions = {}): string {
  return viewToHtml(buildBulletinView(doc, lang, options));
}
