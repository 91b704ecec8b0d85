/** The reading view shows every part of a document, and its text nodes spell the source. */
import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { loadReportDocument } from '../../core/report/load-report-document';
import type { ReportSource } from '../../core/report/report-source';
import { ReportView } from '../../renderer/components/ReportView';

function tableSource(): ReportSource {
  const lines = [
    '某某区2024年工作报告',
    '一、主要数据',
    '今年各项数据如下表。',
    '项目\t2023年\t2024年',
    '受理案件\t400件\t419件',
    '办结案件\t360件\t377件',
    '二、下一步打算',
    '继续做好各项工作。',
    '某某区司法局',
    '2024年3月5日',
  ];
  const text = lines.join('\n');
  const tableStart = text.indexOf('项目');
  const tableEnd = text.indexOf('377件') + '377件'.length;
  const rows = text
    .slice(tableStart, tableEnd)
    .split('\n')
    .reduce<{ start: number; end: number }[][]>((acc, line) => {
      const lineStart = acc.length === 0 ? tableStart : acc.at(-1)!.at(-1)!.end + 1;
      let at = lineStart;
      acc.push(
        line.split('\t').map((cell) => {
          const range = { start: at, end: at + cell.length };
          at += cell.length + 1;
          return range;
        }),
      );
      return acc;
    }, []);
  return { text, format: 'docx', tables: [{ start: tableStart, end: tableEnd, rows }] };
}

describe('ReportView', () => {
  it('shows a table as a table whose text content is the paragraph text', () => {
    const doc = loadReportDocument(tableSource());
    const table = doc.paragraphs.find((p) => p.kind === 'table');
    expect(table).toBeDefined();
    const { container } = render(
      <ReportView
        doc={doc}
        bookmarkedSections={new Set()}
        onToggleBookmark={vi.fn()}
        onPrintSection={vi.fn()}
      />,
    );
    const element = container.querySelector(`[data-pid="${table!.id}"]`)!;
    expect(element.tagName).toBe('TABLE');
    expect(element.querySelectorAll('tr')).toHaveLength(3);
    expect(element.querySelectorAll('td')).toHaveLength(9);
    expect(element.textContent).toBe(table!.text);
    expect(element.querySelectorAll('td')[5]!.textContent).toContain('419件');
  });

  it('renders every paragraph of the model once, in source order', () => {
    const doc = loadReportDocument(tableSource());
    const { container } = render(
      <ReportView
        doc={doc}
        bookmarkedSections={new Set()}
        onToggleBookmark={vi.fn()}
        onPrintSection={vi.fn()}
      />,
    );
    const shown = [...container.querySelectorAll<HTMLElement>('[data-pid]')].map(
      (el) => el.dataset.pid,
    );
    expect(shown).toEqual([...doc.paragraphs].sort((a, b) => a.start - b.start).map((p) => p.id));
    for (const p of doc.paragraphs) {
      expect(container.querySelector(`[data-pid="${p.id}"]`)!.textContent).toBe(p.text);
    }
  });
});
