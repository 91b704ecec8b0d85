import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { walkHtml, type DomNode, type WalkOptions } from '../../../../node/importers/html-blocks';
import { SourceBuilder } from '../../../../node/importers/source-builder';

function walk(
  html: string,
  options: WalkOptions = { lineBreaks: 'join', collapseWhitespace: false },
) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const builder = new SourceBuilder();
  walkHtml(document.body as unknown as DomNode, builder, options);
  const source = builder.build('docx');
  const tables = (source.tables ?? []).map((t) =>
    t.rows.map((row) => row.map((cell) => source.text.slice(cell.start, cell.end))),
  );
  return { text: source.text, tables };
}

describe('walking semantic HTML into lines', () => {
  it('keeps a merged cell once and flattens a nested table into its cell', () => {
    const { tables } = walk(
      '<table><tr><td colspan="2">合计</td></tr>' +
        '<tr><td>项目</td><td><table><tr><td>甲</td><td>乙</td></tr></table></td></tr></table>',
    );
    expect(tables).toEqual([[['合计'], ['项目', '甲乙']]]);
  });

  it('joins a soft break (Word) or splits at it (web pages)', () => {
    const html = '<p>　　第一行，<br>第二行。</p><p>two<br>words</p>';
    expect(walk(html).text).toBe('第一行，第二行。\ntwo words');
    expect(walk(html, { lineBreaks: 'split', collapseWhitespace: true }).text).toBe(
      '第一行，\n第二行。\ntwo\nwords',
    );
  });

  it('reads a one-column layout table as paragraphs, not as a table', () => {
    const { text, tables } = walk('<table><tr><td><p>正文一</p><p>正文二</p></td></tr></table>');
    expect(tables).toEqual([]);
    expect(text).toBe('正文一\n正文二');
  });
});
