import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadReportDocument } from '../../../core/report/load-report-document';
import type { ReportSource, SourceTable, TextRange } from '../../../core/report/report-source';
import { splitLines } from '../../../core/report/source-lines';
import { expectReportInvariants } from './report-invariants';

const RUNS = 300;

/** What a line may start with: every numbering family, look-alikes, labels, 公文 parts. */
const LINE_STARTS = [
  '',
  ...['一、', '二、', '十一、', '（一）', '(二)', '1.', '2．', '３、', '（1）', '(2)', '①', '②'],
  ...['第一部分 ', '第二部分', '第一章', '第二节 ', '第一条 ', '第三条'],
  ...['一是', '二是', '12.5%', '2023年', '第一次', '一一、'],
  ...['索 引 号：', '发文机关：', '成文日期:', '标　题：', '来源：', '发文字号：', '主题词：'],
  ...['附件', '附件1', '附件2 ', '附件：1.', '名词解释', '名词、术语注释', '附表3'],
  ...['目 录', '各位代表：', '各区人民政府：', '（此件公开发布）', '抄送：', '今天是:'],
  ...['某府办〔2024〕3号', '某某办公厅文件', '2024年3月5日', '—1—', '扫一扫在手机打开当前页'],
];
/** Pieces a line continues with: Chinese words, punctuation, spaces, tabs and pipes. */
const TOKENS = [
  ...LINE_STARTS,
  ...['法治', '政府', '工作报告', '关于', '的通知', '某市民政局', '建设', 'x', '7'],
  ...['。', '！', '？', '；', '，', '：', '、', '“', '”', '《', '》', '|', '｜'],
  ...[' ', '\u3000', '\u00a0', '\t', '\t', '\ufeff'],
];
const LINE_BREAKS = ['\n', '\n', '\n\n', '\r\n', '\r'];

const line = fc
  .tuple(fc.constantFrom(...LINE_STARTS), fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }))
  .map(([start, rest]) => start + rest.join(''));
const longLine = fc
  .tuple(fc.constantFrom('1.', '（一）', '二、', '第一部分'), fc.integer({ min: 60, max: 130 }))
  .map(([marker, length]) => `${marker}${'法'.repeat(length)}。后文`);
const text = fc
  .array(
    fc.tuple(
      fc.oneof({ weight: 9, arbitrary: line }, { weight: 1, arbitrary: longLine }),
      fc.constantFrom(...LINE_BREAKS),
    ),
    { maxLength: 40 },
  )
  .map((lines) => lines.map(([t, lineBreak]) => t + lineBreak).join(''));

/** Ranges as an importer would give them (whole lines, cells at tabs), or arbitrary ones. */
function tablesFor(source: string, picks: readonly [number, number][]): SourceTable[] {
  const lines = splitLines(source);
  const tables: SourceTable[] = [];
  let after = 0;
  for (const [a, b] of picks) {
    const first = Math.max(after, Math.min(a, b));
    const last = Math.max(a, b);
    const firstLine = lines[first];
    const lastLine = lines[last];
    if (!firstLine || !lastLine || first > last) continue;
    const rows = lines.slice(first, last + 1).map((l) => {
      const cells: TextRange[] = [];
      let from = l.start;
      for (const cell of l.text.split('\t')) {
        cells.push({ start: from, end: from + cell.length });
        from += cell.length + 1;
      }
      return cells;
    });
    tables.push({ start: firstLine.start, end: lastLine.end, rows });
    after = last + 1;
  }
  return tables;
}

const rawRange = fc
  .tuple(fc.integer({ min: -5, max: 400 }), fc.integer({ min: -5, max: 400 }))
  .map(([start, end]) => ({ start, end }));

const source: fc.Arbitrary<ReportSource> = fc
  .record({
    text,
    format: fc.constantFrom('txt', 'docx', 'doc', 'html', 'pdf'),
    tablePicks: fc.option(
      fc.array(fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 40 })), { maxLength: 4 }),
    ),
    rawTables: fc.option(
      fc.array(
        fc.record({
          range: rawRange,
          cells: fc.array(fc.array(rawRange, { maxLength: 3 }), { maxLength: 3 }),
        }),
        { maxLength: 2 },
      ),
    ),
    bold: fc.option(fc.array(rawRange, { maxLength: 6 })),
    declaredTitle: fc.option(fc.oneof(line, fc.constant('关于某事的通知 - 某市人民政府门户网站'))),
    declaredFields: fc.option(
      fc.array(
        fc.record({
          label: fc.constantFrom('PubDate', 'ContentSource', '文号', '发文机关', '', 'x'),
          value: line,
        }),
        { maxLength: 4 },
      ),
    ),
    fileName: fc.option(fc.constantFrom('报告.docx', '', '.pdf', 'a/b/某通知.final.html')),
  })
  .map((r) => {
    const tables = r.rawTables
      ? r.rawTables.map((t) => ({ ...t.range, rows: t.cells }))
      : r.tablePicks
        ? tablesFor(r.text, r.tablePicks)
        : undefined;
    return {
      text: r.text,
      format: r.format,
      ...(tables ? { tables } : {}),
      ...(r.bold ? { bold: [...r.bold].sort((a, b) => a.start - b.start) } : {}),
      ...(r.declaredTitle !== null ? { declaredTitle: r.declaredTitle } : {}),
      ...(r.declaredFields ? { declaredFields: r.declaredFields } : {}),
      ...(r.fileName !== null ? { fileName: r.fileName } : {}),
    } as ReportSource;
  });

describe('loadReportDocument properties', () => {
  it('never throws and never loses or reorders a character, whatever the source says', () => {
    fc.assert(
      fc.property(source, (s) => {
        const doc = loadReportDocument(s);
        expectReportInvariants(s.text, doc);
        // A title found by shape (no declared or 标题 title to match) is never a salutation
        // or a sentence.
        const declared =
          s.declaredTitle !== undefined ||
          doc.metadata.some((f) => f.label === '标题' || f.label === '信息名称');
        if (!declared) expect(doc.titleParagraph?.text ?? '').not.toMatch(/[：:。；]$/u);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps every cell of an importer table inside one table paragraph', () => {
    fc.assert(
      fc.property(
        text,
        fc.array(fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 40 })), {
          minLength: 1,
          maxLength: 3,
        }),
        (t, picks) => {
          const tables = tablesFor(t, picks);
          const doc = loadReportDocument({ text: t, format: 'docx', tables });
          expectReportInvariants(t, doc);
          const bodyStart = doc.bodyStart ?? 0;
          for (const table of tables) {
            const cells = table.rows.flat().filter((c) => t.slice(c.start, c.end).trim() !== '');
            if (cells.length === 0 || table.start < bodyStart) continue;
            const holder = doc.paragraphs.find(
              (p) => p.start <= cells[0]!.start && cells[0]!.start < p.end,
            );
            expect(holder?.kind).toBe('table');
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
