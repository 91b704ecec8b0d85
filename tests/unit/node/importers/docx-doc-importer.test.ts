import { describe, expect, it } from 'vitest';
import type { ReportSource } from '../../../../core/report/report-source';
import { importReportFile } from '../../../../node/importers/registry';
import { fixture, fixtureParagraphs } from './fixtures';

function boldTexts(source: ReportSource): string[] {
  return (source.bold ?? []).map((range) => source.text.slice(range.start, range.end));
}

function tableRows(source: ReportSource): string[][][] {
  return (source.tables ?? []).map((table) =>
    table.rows.map((row) => row.map((cell) => source.text.slice(cell.start, cell.end))),
  );
}

const expectedTable = [
  ['指标', '2024年', '2025年'],
  ['电子档案接收（万件）', '9.8', '12.6'],
  ['数字化页数（万页）', '31', '38'],
];

describe('docx importer', () => {
  it('reads paragraphs as lines, without U+3000 indents, soft line breaks joined', async () => {
    const imported = await importReportFile(fixture('report.docx'), 'report.docx');
    expect(imported.source.format).toBe('docx');
    expect(imported.encoding).toBeNull();
    expect(imported.source.text).toBe(fixtureParagraphs().join('\n'));
  });

  it('keeps bold run-in headings as bold ranges', async () => {
    const { source } = await importReportFile(fixture('report.docx'), 'report.docx');
    expect(boldTexts(source)).toEqual([
      '青山县2025年度数字档案工作报告',
      '一、基本情况',
      '（一）接收与整理',
      '（二）利用服务',
      '二、主要做法',
      '1.健全制度。',
      '2.强化培训。',
      '三、下一步工作',
    ]);
  });

  it('keeps the table as a table: rows as lines, cells as ranges', async () => {
    const { source } = await importReportFile(fixture('report.docx'), 'report.docx');
    expect(tableRows(source)).toEqual([expectedTable]);
    const table = source.tables?.[0];
    expect(source.text.slice(table?.start, table?.end)).toBe(
      expectedTable.map((row) => row.join('\t')).join('\n'),
    );
  });

  it('takes dc:title as the declared title when it is a real title', async () => {
    const { source } = await importReportFile(fixture('report.docx'), 'report.docx');
    expect(source.declaredTitle).toBe('青山县2025年度数字档案工作报告');
  });

  it('says a truncated .docx is damaged', async () => {
    const bytes = fixture('report.docx');
    await expect(importReportFile(bytes.subarray(0, 3000), 'report.docx')).rejects.toMatchObject({
      code: 'corrupt-data',
      message: expect.stringMatching(/^文件已损坏或不完整/u),
    });
  });
});

describe('doc importer', () => {
  it('reads Word 97 paragraphs and its table', async () => {
    const imported = await importReportFile(fixture('report.doc'), 'report.doc');
    expect(imported.source.format).toBe('doc');
    // word-extractor turns the soft line break into a paragraph break; nothing else differs.
    expect(imported.source.text).toBe(
      fixtureParagraphs().join('\n').replace('服务中心，群众', '服务中心，\n群众'),
    );
    expect(tableRows(imported.source)).toEqual([expectedTable]);
  });

  it('refuses a legacy .wps and an Excel file in the same container', async () => {
    const doc = fixture('report.doc');
    await expect(importReportFile(doc, '报告.wps')).rejects.toMatchObject({
      code: 'unsupported-format',
      message: expect.stringMatching(/^旧版 WPS 文字/u),
    });
    const excel = oleWithStream('Workbook');
    await expect(importReportFile(excel, '统计.xls')).rejects.toMatchObject({
      message: expect.stringMatching(/^这是电子表格/u),
    });
    await expect(importReportFile(excel, 'renamed.doc')).rejects.toMatchObject({
      message: expect.stringMatching(/^这是电子表格/u),
    });
    await expect(
      importReportFile(oleWithStream('EncryptedPackage'), '加密.docx'),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/^这个文档设置了打开密码/u),
    });
    await expect(
      importReportFile(oleWithStream('PowerPoint Document'), 'x.doc'),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/^这是演示文稿/u),
    });
  });
});

/** An OLE header followed by a directory entry name, enough for the sniffer. */
function oleWithStream(name: string): Uint8Array {
  const bytes = new Uint8Array(1024);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set(Buffer.from(name, 'utf16le'), 512);
  return bytes;
}
