import { describe, expect, it, vi } from 'vitest';
import {
  isPageNumber,
  layoutPages,
  removeLayoutSpaces,
  type PdfPage,
} from '../../../../node/importers/pdf-layout';
import { importReportFile } from '../../../../node/importers/registry';
import { cmapPdf } from './cmap-pdf';
import { fixture, fixtureParagraphs, inkOf } from './fixtures';

describe('pdf importer', () => {
  it('rebuilds the paragraphs of a text-layer PDF', async () => {
    const progress: number[] = [];
    const imported = await importReportFile(fixture('report.pdf'), 'report.pdf', {
      onProgress: (p) => progress.push(p.fraction),
    });
    const lines = imported.source.text.split('\n');
    expect(imported.source.format).toBe('pdf');
    // Every paragraph that has no soft break or table cells comes back whole, as one line.
    for (const paragraph of fixtureParagraphs().filter((p) => !p.includes('\t'))) {
      if (paragraph.startsWith('档案查询窗口')) continue;
      expect(lines).toContain(paragraph);
    }
    expect(inkOf(imported.source.text)).toBe(inkOf(fixtureParagraphs().join('')));
    // The table is ruled: read cell by cell from its grid.
    const { source } = imported;
    expect(
      source.tables?.map((table) =>
        table.rows.map((row) => row.map((cell) => source.text.slice(cell.start, cell.end))),
      ),
    ).toEqual([
      [
        ['指标', '2024年', '2025年'],
        ['电子档案接收（万件）', '9.8', '12.6'],
        ['数字化页数（万页）', '31', '38'],
      ],
    ]);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('drops running headers and «— N —» page numbers, joins lines across pages', async () => {
    const imported = await importReportFile(fixture('report-paged.pdf'), 'paged.pdf');
    const lines = imported.source.text.split('\n');
    expect(imported.source.text).not.toMatch(/—\s*\d+\s*—/u);
    expect(imported.source.text).not.toContain('青山县档案馆内部资料');
    expect(lines[0]).toBe('青山县档案工作情况汇报');
    const paragraph =
      '本年度围绕档案安全和利用服务两条主线，逐项落实年初确定的任务，各项工作按计划推进，群众查档更加便捷，档案资源结构不断优化，为全县经济社会发展提供了有力支撑。';
    for (let n = 1; n <= 20; n++) expect(lines).toContain(`第${n}段：${paragraph}`);
    expect(lines.at(-1)).toBe('特此报告。');
    expect(lines).toHaveLength(1 + 5 + 20 + 1);
    expect(imported.dropped.some((d) => d.zh.includes('页码'))).toBe(true);
  });

  it('reads CJK text through the CMaps on disk and never tries the network', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('offline'));
    try {
      const { source } = await importReportFile(cmapPdf(), 'cmap.pdf');
      expect(source.text).toBe('中文报告');
      await importReportFile(fixture('report-paged.pdf'), 'paged.pdf');
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('refuses an image-only PDF as a scan', async () => {
    await expect(importReportFile(fixture('image-only.pdf'), 'scan.pdf')).rejects.toMatchObject({
      code: 'unsupported-format',
      message: expect.stringMatching(/^这是扫描件或图片型 PDF/u),
      messageEn: expect.stringMatching(/scanned or image-only PDF/u),
    });
  });

  it('says a truncated PDF is damaged or scanned, never crashes', async () => {
    const bytes = fixture('report.pdf');
    const error = await importReportFile(bytes.subarray(0, 2000), 'report.pdf').catch((e) => e);
    expect(error).toMatchObject({
      code: expect.stringMatching(/corrupt-data|unsupported-format/u),
    });
  });
});

describe('pdf layout', () => {
  it('recognises page numbers in their usual forms', () => {
    for (const text of ['— 1 —', '—20—', '-1-', '- 12 -', '3', '第1页', '第 1 页 共 5 页', '2/7']) {
      expect(isPageNumber(text), text).toBe(true);
    }
    for (const text of ['2024年', '第一部分', '1.健全制度', '共青团']) {
      expect(isPageNumber(text), text).toBe(false);
    }
  });

  it('removes layout spaces between CJK text and digits only', () => {
    expect(removeLayoutSpaces('截至 2024 年 12 月底，共 3 项')).toBe('截至2024年12月底，共3项');
    expect(removeLayoutSpaces('市长 殷勇')).toBe('市长 殷勇');
    expect(removeLayoutSpaces('税 务 总 局 办 公 厅 文件')).toBe('税务总局办公厅 文件');
    expect(removeLayoutSpaces('GDP growth 5.2%')).toBe('GDP growth 5.2%');
  });

  it('ends a paragraph at a short line, an indent or a heading, and joins CJK lines', () => {
    const size = 16;
    const line = (str: string, x: number, y: number) => ({
      str,
      x,
      y,
      width: str.length * size,
      size,
    });
    const page: PdfPage = {
      width: 595,
      height: 842,
      items: [
        line('一、总体情况', 106, 700),
        line('本年度共办理事项一百件，其中', 106, 672), // indented first line
        line('网上办理九十件，占九成以上。', 74, 644), // continues, short: ends the paragraph
        line('（一）主动公开', 74, 616), // heading-like line starts a paragraph
        line('全年主动公开信息三千条，较上', 106, 588),
        line('年增长一成。', 74, 560),
        line('- 1 -', 290, 40),
      ],
    };
    // Make the continuation lines reach the right margin like justified text does.
    for (const item of page.items)
      if (item.str.endsWith('其中') || item.str.endsWith('较上')) item.width = 414;
    page.items[2]!.width = 200;
    const { blocks, droppedLines } = layoutPages([page]);
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '一、总体情况' },
      { kind: 'paragraph', text: '本年度共办理事项一百件，其中网上办理九十件，占九成以上。' },
      { kind: 'paragraph', text: '（一）主动公开' },
      { kind: 'paragraph', text: '全年主动公开信息三千条，较上年增长一成。' },
    ]);
    expect(droppedLines).toBe(1);
  });
});
