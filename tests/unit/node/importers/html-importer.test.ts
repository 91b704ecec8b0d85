import { describe, expect, it } from 'vitest';
import { importReportFile } from '../../../../node/importers/registry';
import { fixture, fixtureParagraphs } from './fixtures';

describe('html importer', () => {
  it('decodes a GBK page by its declared charset and keeps the article only', async () => {
    const imported = await importReportFile(fixture('saved-page-gbk.html'), 'notice.html');
    const { source } = imported;
    expect(imported.encoding).toBe('GB18030');
    expect(source.format).toBe('html');
    const lines = source.text.split('\n');
    expect(lines[0]).toBe('各乡镇人民政府，县直各单位：');
    expect(lines).toContain('一、审核范围');
    expect(lines.at(-1)).toBe('2026年1月6日');
    for (const chrome of [
      '扫一扫',
      '分享到',
      '打印本页',
      '关闭窗口',
      '当前位置',
      '相关链接',
      '主办单位',
      '政务服务',
      '字号',
      '2025年工作总结',
    ]) {
      expect(source.text).not.toContain(chrome);
    }
  });

  it('takes the title and date from meta tags and the 索引号 box as fields', async () => {
    const { source } = await importReportFile(fixture('saved-page-gbk.html'), 'notice.html');
    expect(source.declaredTitle).toBe('青山县档案馆关于开展2026年档案开放审核工作的通知');
    const fields = Object.fromEntries((source.declaredFields ?? []).map((f) => [f.label, f.value]));
    expect(fields).toMatchObject({
      发布日期: '2026-01-08 09:30',
      来源: '青山县档案馆',
      索引号: 'QS-2026-000123',
      发文字号: '青档发〔2026〕1号',
      发文机关: '青山县档案馆',
      成文日期: '2026年01月06日',
      主题分类: '文化、广电、新闻出版',
    });
  });

  it('keeps the article table as a table and bold headings as bold', async () => {
    const { source } = await importReportFile(fixture('saved-page-gbk.html'), 'notice.html');
    const rows = source.tables?.[0]?.rows.map((row) =>
      row.map((cell) => source.text.slice(cell.start, cell.end)),
    );
    expect(rows).toEqual([
      ['阶段', '完成时间', '责任单位'],
      ['初审', '3月31日', '各立档单位'],
      ['复审', '6月30日', '县档案馆'],
    ]);
    expect((source.bold ?? []).map((b) => source.text.slice(b.start, b.end))).toEqual([
      '一、审核范围',
      '二、时间安排',
      '三、工作要求',
    ]);
  });

  it('reads a plain UTF-8 page with every paragraph of the report', async () => {
    const { source } = await importReportFile(fixture('report-source.html'), 'report.htm');
    // <br> on a web page is a line of its own; the rest matches the report's paragraphs.
    expect(source.text.replace('服务中心，\n群众', '服务中心，群众')).toBe(
      fixtureParagraphs().join('\n'),
    );
  });

  it('reads the date and source from the line under the headline when there are no meta tags', async () => {
    const page = `<html><head><meta charset="utf-8"><title>关于做好档案移交的通知 - 青山县人民政府</title></head>
      <body><div class="nav"><a href="/">首页</a></div>
      <div class="art"><h1>关于做好档案移交的通知</h1>
      <div class="info">发布时间：2026-02-03 10:20 来源：青山县档案馆 【字体：大 中 小】</div>
      <div class="text"><p>各单位：</p><p>请于3月底前完成2025年度文书档案移交工作，移交前须完成整理、编目和数字化，移交时提交纸质目录和电子目录各一份。</p>
      <p>联系电话：0000-1234567。</p></div></div></body></html>`;
    const { source } = await importReportFile(new TextEncoder().encode(page), 'notice.html');
    expect(source.declaredTitle).toBe('关于做好档案移交的通知');
    expect(source.declaredFields).toEqual([
      { label: '发布日期', value: '2026-02-03 10:20' },
      { label: '来源', value: '青山县档案馆' },
    ]);
    expect(source.text).toContain('各单位：');
    expect(source.text).not.toContain('字体');
  });
});
