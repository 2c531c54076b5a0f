import type { BulletinDocument, BulletinLanguage } from '../bulletin-document';
import { BulletinView, RenderOptions, ViewBlock, ViewTable, buildBulletinView } from './bulletin-view';
import { DEFAULT_LANGUAGE, textFor } from './labels';

/**
 * Escapes text for Markdown (CommonMark/GFM): markup and HTML characters are backslash-escaped
 * so that a project name can neither inject HTML nor break a table; line breaks become spaces.
 */
export function escapeMarkdown(value: string): string {
  return value.replace(/\r\n|\r|\n/g, ' ').replace(/[\\`*_{}[\]<>()#|~&!]/g, (char) => `\\${char}`);
}

function tableMarkdown(table: ViewTable): string {
  const header = `| ${table.columns.map((column) => escapeMarkdown(column.label)).join(' | ')} |`;
  const rule = `| ${table.columns.map((column) => (column.align === 'right' ? '---:' : ':---')).join(' | ')} |`;
  const rows =
    table.rows.length === 0
      ? [`| ${[escapeMarkdown(table.emptyText), ...table.columns.slice(1).map(() => '')].join(' | ')} |`]
      : table.rows.map((row) => `| ${row.cells.map(escapeMarkdown).join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}

function blockMarkdown(block: ViewBlock, view: BulletinView): string | null {
  const text = textFor(view.lang);
  switch (block.type) {
    case 'figures':
      return tableMarkdown({
        columns: [
          { label: text.columns.figure, align: 'left', weight: 1 },
          { label: view.lang === 'en' ? 'Value' : '数值', align: 'right', weight: 1 },
        ],
        rows: block.items.map((item) => ({ cells: [item.label, item.value] })),
        emptyText: text.laggards.none,
      });
    case 'table':
      return `${block.title ? `### ${escapeMarkdown(block.title)}\n\n` : ''}${tableMarkdown(block.table)}`;
    case 'chart':
      // The figures a chart plots are all in the neighbouring tables.
      return null;
    case 'list':
      return (
        `### ${escapeMarkdown(block.title)}\n\n` +
        (block.items.length === 0 ? escapeMarkdown(block.emptyText) : block.items.map((item) => `- ${escapeMarkdown(item)}`).join('\n'))
      );
    case 'paragraph':
      return escapeMarkdown(block.text);
  }
}

export function viewToMarkdown(view: BulletinView): string {
  const text = textFor(view.lang);
  const parts: string[] = [`# ${escapeMarkdown(view.title)}`, view.meta.map((item) => `${escapeMarkdown(item.label)}${text.colon}${escapeMarkdown(item.value)}`).join(' · ')];
  if (view.notice) parts.push(`> ${escapeMarkdown(view.notice)}`);
  for (const section of view.sections) {
    parts.push(`## ${escapeMarkdown(section.title)}`);
    for (const block of section.blocks) {
      const rendered = blockMarkdown(block, view);
      if (rendered !== null) parts.push(rendered);
    }
  }
  parts.push('---', view.footer.map((item) => `- ${escapeMarkdown(item.label)}${text.colon}${escapeMarkdown(item.value)}`).join('\n'), `*${escapeMarkdown(text.footer.generatedBy)}*`);
  return `${parts.join('\n\n')}\n`;
}

/** The bulletin as Markdown: the same sections and figures as the HTML, as tables. */
export function renderBulletinMarkdown(doc: BulletinDocument, lang: BulletinLanguage = DEFAULT_LANGUAGE, options: RenderOptions = {}): string {
  return viewToMarkdown(buildBulletinView(doc, lang, options));
}
