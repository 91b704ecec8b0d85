import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../core/report/parse-report';
import type { ReportDocument, Section } from '../../../core/report/report-model';
import { expectReportInvariants, nonWhitespace } from './report-invariants';

const REPORT_PATH = new URL(
  '../../../resources/reports/jiangning-2023-rule-of-law-government-report.txt',
  import.meta.url,
);
const report = readFileSync(REPORT_PATH, 'utf8');

function parse(source: string): ReportDocument {
  const doc = parseReport(source);
  expectReportInvariants(source, doc);
  return doc;
}

const section = (doc: ReportDocument, id: string): Section => {
  const found = doc.flatSections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
};

describe('parseReport on the bundled Jiangning 2023 report', () => {
  const doc = parse(report);

  it('reads the 14 metadata fields as published', () => {
    expect(doc.metadata.map((f) => [f.label, f.value])).toEqual([
      ['索引号', '013053208/2024-16073'],
      ['主题分类', '公安、安全、司法'],
      ['组配分类', '部门文件'],
      ['体裁分类', '报告'],
      ['发布机构', '江宁区司法局'],
      ['生成日期', '2024-03-05'],
      ['生效日期', ''],
      ['废止日期', ''],
      ['信息名称', '南京市江宁区2023年度法治政府建设工作报告'],
      ['文号', ''],
      ['关键词', '法治政府'],
      ['内容概览', ''],
      ['在线链接地址', ''],
      ['文件下载', ''],
    ]);
    expect(doc.metadata.map((f) => f.rawLabel)).toContain('索 引 号');
    expect(doc.metadata.map((f) => f.rawLabel)).toContain('文  号');
    expect(doc.metadata.map((f) => f.rawLabel)).toContain('关 键 词');
  });

  it('ends the header after the 文件下载 line', () => {
    expect(report.slice(0, doc.bodyStart)).toMatch(/文件下载:\s*\n$/u);
  });

  it('finds the title and the one preamble paragraph', () => {
    expect(doc.title).toBe('南京市江宁区2023年度法治政府建设工作报告');
    expect(doc.titleParagraph).toMatchObject({ id: 'title', kind: 'title', sectionId: null });
    expect(doc.preamble).toHaveLength(1);
    expect(doc.preamble[0]).toMatchObject({ id: 'pre-p1', kind: 'preamble', sectionId: null });
    expect(doc.preamble[0]?.text).toMatch(/^2023年,全区上下坚持.*稳居中国工业百强区前十。$/u);
  });

  it('builds the 25 headings with titles, levels, nesting and paths as published', () => {
    // [id, numberPath, level, title, runIn], copied from the report's text.
    const expected: [string, string, number, string, boolean][] = [
      ['s1', '一、', 1, '2023年法治政府建设工作情况', false],
      [
        's1-1',
        '一、(一)',
        2,
        '深入学习贯彻党的二十大精神和习近平法治思想,为法治政府建设提供根本遵循',
        false,
      ],
      ['s1-1-1', '一、(一) 1.', 3, '抓好党的二十大精神和习近平法治思想学习培训', true],
      ['s1-1-2', '一、(一) 2.', 3, '开展党的二十大精神和习近平法治思想宣传阐释', true],
      ['s1-2', '一、(二)', 2, '深入推进法治政府建设,完善政府治理体系', false],
      ['s1-2-1', '一、(二) 1.', 3, '坚持党的领导,统筹推进法治政府建设', true],
      ['s1-2-2', '一、(二) 2.', 3, '认真履行第一责任人职责', true],
      ['s1-2-3', '一、(二) 3.', 3, '持续优化政务服务方式', true],
      ['s1-2-4', '一、(二) 4.', 3, '依法依规行政决策', true],
      ['s1-2-5', '一、(二) 5.', 3, '推进严格规范公正文明执法', true],
      ['s1-2-6', '一、(二) 6.', 3, '切实提高行政复议应诉水平', true],
      ['s1-3', '一、(三)', 2, '聚焦中心服务大局,为推动高质量发展继续走在前列提供法治保障', false],
      ['s1-3-1', '一、(三) 1.', 3, '推动民主法治高质量发展', true],
      ['s1-3-2', '一、(三) 2.', 3, '持续优化营商环境', true],
      ['s1-3-3', '一、(三) 3.', 3, '全面加强知识产权保护', true],
      ['s1-3-4', '一、(三) 4.', 3, '优化公共法律服务', true],
      ['s1-3-5', '一、(三) 5.', 3, '加大普法宣传工作力度', true],
      ['s1-3-6', '一、(三) 6.', 3, '完善社会矛盾纠纷多元预防调处化解综合机制', true],
      ['s2', '二、', 1, '推进法治政府建设存在的不足', false],
      ['s3', '三、', 1, '2024年推进法治政府建设的主要安排', false],
      ['s3-1', '三、(一)', 2, '在强化政治建设上夯实根基', true],
      ['s3-2', '三、(二)', 2, '在推进法治政府建设上强化统筹', true],
      ['s3-3', '三、(三)', 2, '在优化法治化营商环境上谋求突破', true],
      ['s3-4', '三、(四)', 2, '在践行法治为民上力求实效', true],
      ['s3-5', '三、(五)', 2, '在推进基层治理现代化上破解难题', true],
    ];
    expect(doc.flatSections.map((s) => [s.id, s.numberPath, s.level, s.title, s.runIn])).toEqual(
      expected,
    );
  });

  it('nests the sections as published', () => {
    const childIds = (s: Section) => s.children.map((c) => c.id);
    expect(doc.sections.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(doc.sections.map((s) => s.paragraphs.length)).toEqual([1, 2, 2]);
    expect(childIds(section(doc, 's1'))).toEqual(['s1-1', 's1-2', 's1-3']);
    expect(childIds(section(doc, 's1-1'))).toEqual(['s1-1-1', 's1-1-2']);
    expect(childIds(section(doc, 's1-2'))).toHaveLength(6);
    expect(childIds(section(doc, 's1-3'))).toHaveLength(6);
    expect(childIds(section(doc, 's2'))).toEqual([]);
    expect(childIds(section(doc, 's3'))).toEqual(['s3-1', 's3-2', 's3-3', 's3-4', 's3-5']);
    expect(section(doc, 's1-2-6').parentId).toBe('s1-2');
  });

  it('keeps markers as published and numbers canonical', () => {
    expect(section(doc, 's1-2').marker).toBe('(二)');
    expect(section(doc, 's1-2').number).toBe('(二)');
    expect(section(doc, 's1-2-6').number).toBe('6.');
  });

  it('marks the heading part of run-in and standalone headings', () => {
    const runIn = section(doc, 's1-1-1').paragraphs[0];
    expect(runIn?.text.slice(0, runIn.headingLength)).toBe(
      '1.抓好党的二十大精神和习近平法治思想学习培训。',
    );
    expect(runIn?.headingLength).toBe('1.抓好党的二十大精神和习近平法治思想学习培训。'.length);
    const runInLevel2 = section(doc, 's3-5').paragraphs[0];
    expect(runInLevel2?.text.slice(0, runInLevel2.headingLength)).toBe(
      '(五)在推进基层治理现代化上破解难题。',
    );
    const standalone = section(doc, 's2').paragraphs[0];
    expect(standalone?.headingLength).toBe('二、推进法治政府建设存在的不足'.length);
  });

  it('gives paragraphs ids from their section and place', () => {
    expect(section(doc, 's2').paragraphs.map((p) => [p.id, p.kind])).toEqual([
      ['s2-p0', 'heading'],
      ['s2-p1', 'body'],
    ]);
    expect(doc.paragraphs).toHaveLength(1 + 1 + 25 + 2);
  });

  it('keeps every non-whitespace character of the body, in order', () => {
    const body = report.slice(report.indexOf('\n', report.indexOf('文件下载')));
    expect(nonWhitespace(doc.paragraphs.map((p) => p.text).join(''))).toBe(nonWhitespace(body));
  });

  it('keeps ids in other sections when sections are edited', () => {
    const edited = parse(
      report
        .replace(
          '二、推进法治政府建设存在的不足\n',
          '二、推进法治政府建设存在的不足\n\n新增一段。\n',
        )
        .replace('4.依法依规行政决策。', '4.依法依规行政决策。新增文字。\n\n新增段落。'),
    );
    const editedSections = new Set(['s2', 's1-2-4']);
    const idsOf = (d: ReportDocument) =>
      d.paragraphs
        .filter((p) => !editedSections.has(p.sectionId ?? ''))
        .map((p) => [p.id, p.sectionId, p.text]);
    expect(idsOf(edited)).toEqual(idsOf(doc));
    expect(section(edited, 's2').paragraphs.map((p) => p.id)).toEqual(['s2-p0', 's2-p1', 's2-p2']);
    expect(section(edited, 's1-2-4').paragraphs.map((p) => p.id)).toEqual([
      's1-2-4-p0',
      's1-2-4-p1',
    ]);
  });
});

describe('parseReport on small fixtures', () => {
  const titles = (doc: ReportDocument) => doc.flatSections.map((s) => [s.id, s.number, s.title]);

  it('parses an empty string and whitespace-only text to an empty document', () => {
    for (const source of ['', ' \n\u3000\r\n\t\u00a0\r', '\ufeff']) {
      // Issue 9 added the front, closing and documentInfo parts; they are empty here too.
      expect(parse(source)).toEqual({
        metadata: [],
        title: null,
        titleParagraph: null,
        preamble: [],
        sections: [],
        paragraphs: [],
        flatSections: [],
        bodyStart: 0,
        front: [],
        closing: [],
        documentInfo: {},
      });
    }
  });

  it('handles a report without a header', () => {
    const doc = parse('关于某事的报告\n\n前言一段。\n一、总体情况\n正文。\n');
    expect(doc.metadata).toEqual([]);
    expect(doc.bodyStart).toBe(0);
    expect(doc.title).toBe('关于某事的报告');
    expect(doc.preamble.map((p) => p.text)).toEqual(['前言一段。']);
    expect(titles(doc)).toEqual([['s1', '一、', '总体情况']]);
  });

  it('reads labels spread with NBSP and U+3000 and full-width colons', () => {
    const doc = parse(
      '索\u3000引\u00a0号：  A-1 \u3000主题分类：司法\n\n文\u3000\u3000号：\n题目\n',
    );
    expect(doc.metadata).toEqual([
      { label: '索引号', rawLabel: '索\u3000引\u00a0号', value: 'A-1' },
      { label: '主题分类', rawLabel: '主题分类', value: '司法' },
      { label: '文号', rawLabel: '文\u3000\u3000号', value: '' },
    ]);
    expect(doc.title).toBe('题目');
  });

  it('falls back to 信息名称 when the body has no title line', () => {
    const doc = parse('信息名称: 某区报告\n一、第一部分\n');
    expect(doc.title).toBe('某区报告');
    expect(doc.titleParagraph).toBeNull();
  });

  it('accepts full-width and mixed brackets for (一) and canonicalises them', () => {
    const doc = parse('一、总\n（一）第一项\n（二)第二项\n');
    expect(doc.flatSections.map((s) => [s.marker, s.number, s.level, s.numberPath])).toEqual([
      ['一、', '一、', 1, '一、'],
      ['（一）', '(一)', 2, '一、(一)'],
      ['（二)', '(二)', 2, '一、(二)'],
    ]);
  });

  // Issue 9: levels count only the numbering families a document uses, so a report numbered
  // 1./(1) has them at levels 1 and 2 (they were fixed at 3 and 4 before).
  it('reads 1、 and 1． as one family and (1) as the next level', () => {
    const doc = parse('1、第一条\n(1)细目。正文\n（2）细目二\n2．第二条\n');
    expect(doc.flatSections.map((s) => [s.id, s.level, s.number, s.numberPath, s.runIn])).toEqual([
      ['s1', 1, '1.', '1.', false],
      ['s1-1', 2, '(1)', '1. (1)', true],
      ['s1-2', 2, '(2)', '1. (2)', false],
      ['s2', 1, '2.', '2.', false],
    ]);
  });

  // Issue 9: levels follow the order in which a document starts its families, so a (一) first
  // seen under 1. nests under it (before, (一) was always level 2 and became 1.'s sibling).
  it('gives families their levels in the order the document starts them', () => {
    const doc = parse('一、总\n1.分项。正文\n（一）次\n');
    expect(doc.flatSections.map((s) => [s.id, s.parentId, s.level, s.numberPath])).toEqual([
      ['s1', null, 1, '一、'],
      ['s1-1', 's1', 2, '一、1.'],
      ['s1-1-1', 's1-1', 3, '一、1. (一)'],
    ]);
  });

  it('suffixes the id of a section whose path repeats under another family', () => {
    // 一、 > (一) > 1. is the document's order; a later 1. straight under 一、 skips (一) and
    // would take the id of (一).
    const doc = parse('一、总\n（一）甲\n1.乙\n二、分\n（一）丙\n');
    expect(doc.flatSections.map((s) => s.id)).toEqual(['s1', 's1-1', 's1-1-1', 's2', 's2-1']);
    const skipped = parse('一、总\n（一）甲\n1.乙\n二、分\n1.丁\n（一）丙\n');
    expect(skipped.flatSections.map((s) => [s.id, s.numberPath])).toEqual([
      ['s1', '一、'],
      ['s1-1', '一、(一)'],
      ['s1-1-1', '一、(一) 1.'],
      ['s2', '二、'],
      ['s2-1', '二、1.'],
      ['s2-1-b', '二、(一)'],
    ]);
  });

  // Issue 9: a document that starts at (一) has (一) at level 1 (it was level 2 before).
  it('puts a (一) before any 一、 at the top level', () => {
    const doc = parse('（一）甲\n1.乙\n');
    expect(doc.flatSections.map((s) => [s.id, s.parentId, s.level])).toEqual([
      ['s1', null, 1],
      ['s1-1', 's1', 2],
    ]);
  });

  it('handles \\r\\n and \\r line endings and a leading BOM', () => {
    for (const eol of ['\r\n', '\r']) {
      const source = `\ufeff标题${eol}${eol}一、甲${eol}正文。${eol}`;
      const doc = parse(source);
      expect(doc.paragraphs.map((p) => p.text)).toEqual(['标题', '一、甲', '正文。']);
      expect(doc.titleParagraph?.start).toBe(1);
    }
  });

  it('does not take numbers, percentages or years for headings', () => {
    const doc = parse('一、总\n12.5%的增长。\n2023年,全区开展工作。\n1.\n(1)\n3.14\n');
    expect(titles(doc)).toEqual([['s1', '一、', '总']]);
    expect(section(doc, 's1').paragraphs.map((p) => p.kind)).toEqual([
      'heading',
      'body',
      'body',
      'body',
      'body',
      'body',
    ]);
  });

  it('degrades a numbered line with an implausibly long first sentence to body text', () => {
    const long = `1.${'很'.repeat(120)}。后文`;
    const doc = parse(`一、总\n${long}\n`);
    expect(titles(doc)).toEqual([['s1', '一、', '总']]);
    expect(section(doc, 's1').paragraphs[1]?.text).toBe(long);
  });

  it('ends run-in titles at ！ and ？, and treats a closing 。 as standalone', () => {
    const doc = parse('一、总\n1.抓落实！后文\n2.为什么？后文\n3.结束。\n');
    expect(doc.flatSections.slice(1).map((s) => [s.title, s.runIn])).toEqual([
      ['抓落实', true],
      ['为什么', true],
      ['结束', false],
    ]);
    expect(section(doc, 's1-3').paragraphs[0]?.headingLength).toBe('3.结束。'.length);
  });

  // Issue 9: numbers must continue their siblings, so 十、 counts only after 九、 (the old test
  // read a lone 十、, 二十、, 九十九、 as headings; the numerals themselves are tested in numbering).
  it('reads 十、 and 十一、 in sequence', () => {
    const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
    const doc = parse(numerals.map((n) => `${n}、第${n}部分\n正文。\n`).join(''));
    expect(titles(doc).slice(8)).toEqual([
      ['s9', '九、', '第九部分'],
      ['s10', '十、', '第十部分'],
      ['s11', '十一、', '第十一部分'],
      ['s12', '十二、', '第十二部分'],
    ]);
  });

  // Issue 9: a repeated number does not continue its siblings: it is body text, not a second
  // section with a suffixed id (id suffixes remain for skipped levels, tested above).
  it('keeps a repeated number as body text', () => {
    const doc = parse('一、甲\n一、乙\n（一）子\n正文\n一、丙\n');
    expect(doc.flatSections.map((s) => s.id)).toEqual(['s1', 's1-1']);
    expect(section(doc, 's1').paragraphs.map((p) => p.text)).toEqual(['一、甲', '一、乙']);
    expect(section(doc, 's1-1').paragraphs.map((p) => p.text)).toEqual([
      '（一）子',
      '正文',
      '一、丙',
    ]);
  });
});
