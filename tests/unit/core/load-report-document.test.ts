import { describe, expect, it } from 'vitest';
import { documentParts } from '../../../core/report/document-parts';
import { loadReportDocument } from '../../../core/report/load-report-document';
import type { ReportDocument, Section } from '../../../core/report/report-model';
import type { ReportSource, SourceTable, TextRange } from '../../../core/report/report-source';
import { expectReportInvariants } from './report-invariants';

function load(text: string, extra: Partial<ReportSource> = {}): ReportDocument {
  const doc = loadReportDocument({ text, format: 'txt', ...extra });
  expectReportInvariants(text, doc);
  return doc;
}

const outline = (doc: ReportDocument) =>
  doc.flatSections.map((s) => [s.numberPath, s.level, s.title]);
const texts = (paragraphs: readonly { text: string }[] | undefined) =>
  (paragraphs ?? []).map((p) => p.text);
const section = (doc: ReportDocument, id: string): Section => {
  const found = doc.flatSections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
};
/** The range of `part` in `text` (its first occurrence at or after `from`). */
const rangeOf = (text: string, part: string, from = 0): TextRange => {
  const start = text.indexOf(part, from);
  if (start < 0) throw new Error(`no ${part}`);
  return { start, end: start + part.length };
};

describe('title', () => {
  it('joins a 公文 title over two and three lines, up to the 主送机关', () => {
    const two = '某市民政局关于印发\n某市社会救助办法的通知\n各区民政局：\n现印发给你们。\n';
    const doc = load(two);
    expect(doc.title).toBe('某市民政局关于印发某市社会救助办法的通知');
    expect(doc.titleParagraph?.text).toBe('某市民政局关于印发\n某市社会救助办法的通知');
    expect(texts(doc.preamble)).toEqual(['各区民政局：', '现印发给你们。']);

    const three = '某市人民政府\n关于进一步做好\n特困人员救助供养工作的意见\n一、总体要求\n';
    expect(load(three).title).toBe('某市人民政府关于进一步做好特困人员救助供养工作的意见');
  });

  it('stops a title at its genre word and never joins the subtitle, a name or a heading', () => {
    const doc = load(
      '2025年某省政府工作报告\n——2025年1月18日在某省人民代表大会上\n省长 某某\n各位代表：\n',
    );
    expect(doc.title).toBe('2025年某省政府工作报告');
    expect(texts(doc.preamble)[0]).toBe('——2025年1月18日在某省人民代表大会上');
    expect(load('某区年度报告格式\n一、总体情况\n').titleParagraph?.text).toBe('某区年度报告格式');
  });

  it('never takes a salutation, an opening sentence, a date or web chrome for the title', () => {
    const salutation = load('各位代表：\n现在，我代表市人民政府报告工作。\n', {
      fileName: '/reports/2025年某市政府工作报告.docx',
    });
    expect(salutation.titleParagraph).toBeNull();
    expect(salutation.title).toBe('2025年某市政府工作报告');
    expect(load('现将有关情况报告如下：\n一、基本情况\n').titleParagraph).toBeNull();

    const chrome = load(
      '今天是:2019年10月31日 星期三\n2019年10月31日\n某县关于秋季防火的通告\n正文。\n',
    );
    expect(texts(chrome.front)).toEqual(['今天是:2019年10月31日 星期三', '2019年10月31日']);
    expect(chrome.title).toBe('某县关于秋季防火的通告');
  });

  it('reads metadata lines above the title as the header, not as the title', () => {
    const doc = load(
      '发文机关：国务院办公厅 成文日期：2024年1月2日\n关于某项工作的通知\n各省人民政府：\n',
    );
    expect(doc.metadata.map((f) => [f.label, f.value])).toEqual([
      ['发文机关', '国务院办公厅'],
      ['成文日期', '2024年1月2日'],
    ]);
    expect(doc.title).toBe('关于某项工作的通知');
    expect(doc.documentInfo).toMatchObject({ issuer: '国务院办公厅', issuedDate: '2024年1月2日' });
  });

  it('puts a red header and the 发文字号 above the title in front of it', () => {
    const doc = load(
      '某市人民政府办公室文件\n某府办〔2024〕3号\n关于做好春节期间安全工作的通知\n各区：\n',
    );
    expect(texts(doc.front)).toEqual(['某市人民政府办公室文件', '某府办〔2024〕3号']);
    expect(doc.front?.every((p) => p.kind === 'front' && p.sectionId === null)).toBe(true);
    expect(doc.title).toBe('关于做好春节期间安全工作的通知');
    expect(doc.documentInfo?.documentNumber).toBe('某府办〔2024〕3号');
    const signed = load(
      '某县人民政府文件\n某政报〔2024〕9号\u3000\u3000签发人：张某\n关于某事的请示\n',
    );
    expect(signed.documentInfo?.documentNumber).toBe('某政报〔2024〕9号');
    expect(signed.title).toBe('关于某事的请示');
  });

  it('prefers the 标题 field and the web page title without the site name', () => {
    const field = load('标题：关于某事的通知\n关于某事的\n通知\n正文。\n');
    expect(field.title).toBe('关于某事的通知');
    expect(field.titleParagraph?.text).toBe('关于某事的\n通知');

    const page = load('某府〔2024〕1号\n某市人民政府关于某事的通知\n正文。\n', {
      format: 'html',
      declaredTitle: '某市人民政府关于某事的通知_某市人民政府门户网站',
    });
    expect(page.title).toBe('某市人民政府关于某事的通知');
    expect(texts(page.front)).toEqual(['某府〔2024〕1号']);
    expect(page.titleParagraph?.text).toBe('某市人民政府关于某事的通知');
    // A page without the title in its text still has the declared one.
    const bare = load('一、情况\n正文。\n', {
      format: 'html',
      declaredTitle: '某区补贴发放情况 - 某区人民政府网站',
    });
    expect([bare.title, bare.titleParagraph]).toEqual(['某区补贴发放情况', null]);
  });

  it('falls back to the file name without its extension', () => {
    expect(load('一、情况\n', { fileName: 'C:\\下载\\某报告.final.pdf' }).title).toBe(
      '某报告.final',
    );
    expect(load('').title).toBeNull();
  });
});

describe('document information', () => {
  it('reads tab-separated pairs and pipe tables with spaced labels', () => {
    const tabs = load('索引号\t0001/2024-01\t主题分类\t综合政务\n关于某事的通知\n');
    expect(tabs.metadata.map((f) => [f.label, f.value])).toEqual([
      ['索引号', '0001/2024-01'],
      ['主题分类', '综合政务'],
    ]);
    const pipes = load(
      [
        '索 引 号 | 0001/2024-02 | 主题分类 | 综合政务',
        '发文机关 | 某市人民政府 | 成文日期 | 2024年01月02日',
        '| 标　　题 | 关于某事的通知 | 发文字号 | 某府〔2024〕2号 |',
        '关于某事的通知',
        '正文。',
      ].join('\n'),
    );
    expect(pipes.metadata.map((f) => [f.label, f.rawLabel, f.value])).toEqual([
      ['索引号', '索 引 号', '0001/2024-02'],
      ['主题分类', '主题分类', '综合政务'],
      ['发文机关', '发文机关', '某市人民政府'],
      ['成文日期', '成文日期', '2024年01月02日'],
      ['标题', '标　　题', '关于某事的通知'],
      ['发文字号', '发文字号', '某府〔2024〕2号'],
    ]);
    expect(pipes.documentInfo).toEqual({
      documentNumber: '某府〔2024〕2号',
      issuedDate: '2024年01月02日',
      issuer: '某市人民政府',
    });
    expect(pipes.titleParagraph?.text).toBe('关于某事的通知');
  });

  it('reads an info box table from the importer as the header', () => {
    const text = '索引号\t0001\n发布机构\t某市民政局\n关于某事的通知\n正文。';
    const table: SourceTable = {
      ...rangeOf(text, '索引号\t0001\n发布机构\t某市民政局'),
      rows: [
        [rangeOf(text, '索引号'), rangeOf(text, '0001')],
        [rangeOf(text, '发布机构'), rangeOf(text, '某市民政局')],
      ],
    };
    const doc = load(text, { tables: [table], format: 'html' });
    expect(doc.metadata.map((f) => [f.label, f.value])).toEqual([
      ['索引号', '0001'],
      ['发布机构', '某市民政局'],
    ]);
    expect(doc.title).toBe('关于某事的通知');
    expect(doc.paragraphs.some((p) => p.kind === 'table')).toBe(false);
  });

  it('adds the declared fields in Chinese, without repeating what the text says', () => {
    const doc = load('来源：某市民政局\n关于某事的通知\n', {
      format: 'html',
      declaredFields: [
        { label: 'PubDate', value: '2024-01-02 10:00' },
        { label: 'ContentSource', value: '本网' },
        { label: '文号', value: '某民〔2024〕1号' },
      ],
    });
    expect(doc.metadata.map((f) => [f.label, f.value])).toEqual([
      ['来源', '某市民政局'],
      ['发布日期', '2024-01-02 10:00'],
      ['文号', '某民〔2024〕1号'],
    ]);
    expect(doc.documentInfo?.documentNumber).toBe('某民〔2024〕1号');
  });

  it('finds the 发文字号 under the title, the 主送机关 and a 来源 line', () => {
    const doc = load(
      '关于某事的通知\n某办发〔2023〕15号\n来源：某日报\n各区人民政府，市政府各部门：\n现通知如下。\n',
    );
    expect(doc.documentInfo).toEqual({
      documentNumber: '某办发〔2023〕15号',
      addressee: '各区人民政府，市政府各部门',
    });
    expect(doc.metadata.map((f) => [f.label, f.value])).toEqual([['来源', '某日报']]);
    // The lines stay in the text as published.
    expect(texts(doc.preamble).slice(0, 2)).toEqual(['某办发〔2023〕15号', '来源：某日报']);
    expect(load('某某报告\n各位代表：\n正文。\n').documentInfo).toEqual({});
    expect(load('某通知\n根据市政府工作部署，现就有关事项通知如下：\n').documentInfo).toEqual({});
  });
});

describe('closing block', () => {
  const notice = [
    '关于某事的通知',
    '各区：',
    '一、总体要求',
    '认真做好有关工作。',
    '二、工作安排',
    '按期完成。',
    '附件：1.某某统计表',
    '2.某某名单',
    '某市民政局　　某市财政局',
    '2024年3月5日',
    '（此件公开发布）',
    '抄送：市委办公厅。',
    '某市民政局办公室 2024年3月6日印发',
  ].join('\n');

  it('keeps the 落款 apart from the last section', () => {
    const doc = load(notice);
    expect(texts(section(doc, 's2').paragraphs)).toEqual(['二、工作安排', '按期完成。']);
    expect(texts(doc.closing)).toEqual([
      '附件：1.某某统计表',
      '2.某某名单',
      '某市民政局　　某市财政局',
      '2024年3月5日',
      '（此件公开发布）',
      '抄送：市委办公厅。',
      '某市民政局办公室 2024年3月6日印发',
    ]);
    expect(doc.closing?.map((p) => p.id)).toEqual(
      ['1', '2', '3', '4', '5', '6', '7'].map((n) => `end-p${n}`),
    );
    expect(doc.documentInfo).toMatchObject({
      issuer: '某市民政局　　某市财政局',
      issuedDate: '2024年3月5日',
      addressee: '各区',
    });
  });

  it('keeps a 抄送 list that runs over lines in the block', () => {
    const doc = load(
      '某报告\n一、情况\n工作扎实推进。\n某县档案馆\n2024年3月5日\n抄送：县委办公室，县人大常委会办公室，\n县政协办公室。\n',
    );
    expect(texts(doc.closing)).toEqual([
      '某县档案馆',
      '2024年3月5日',
      '抄送：县委办公室，县人大常委会办公室，',
      '县政协办公室。',
    ]);
    expect(doc.documentInfo).toEqual({ issuer: '某县档案馆', issuedDate: '2024年3月5日' });
  });

  it('takes no office name without a date, and no sentence', () => {
    const doc = load('某报告\n一、情况\n工作扎实推进。\n某市民政局\n');
    expect(doc.closing).toEqual([]);
    expect(texts(section(doc, 's1').paragraphs).at(-1)).toBe('某市民政局');
    const dated = load('某报告\n一、情况\n工作扎实推进。\n二〇二四年三月五日\n');
    expect(texts(dated.closing)).toEqual(['二〇二四年三月五日']);
    expect(dated.documentInfo?.issuedDate).toBe('二〇二四年三月五日');
  });
});

describe('numbering', () => {
  it('gives levels in the order a document starts its families, 第一部分 included', () => {
    const doc = load(
      [
        '某局2024年度部门决算',
        '第一部分 部门概况',
        '一、主要职能',
        '（一）负责财政工作。',
        '第二部分 决算情况说明',
        '一、收入决算情况',
        '1.财政拨款收入',
        '（1）一般公共预算',
        '①基本支出',
      ].join('\n'),
    );
    expect(outline(doc)).toEqual([
      ['第一部分', 1, '部门概况'],
      ['第一部分 一、', 2, '主要职能'],
      ['第一部分 一、(一)', 3, '负责财政工作'],
      ['第二部分', 1, '决算情况说明'],
      ['第二部分 一、', 2, '收入决算情况'],
      ['第二部分 一、1.', 4, '财政拨款收入'],
      ['第二部分 一、1. (1)', 5, '一般公共预算'],
      ['第二部分 一、1. (1) ①', 6, '基本支出'],
    ]);
    expect(section(doc, 's2-1-1').parentId).toBe('s2-1');
  });

  it('starts at (一) when a document does, and reads full-width digits', () => {
    const doc = load('某通知\n（一）总体要求\n１．坚持原则\n２．突出重点\n（二）工作措施\n');
    expect(outline(doc)).toEqual([
      ['(一)', 1, '总体要求'],
      ['(一) 1.', 2, '坚持原则'],
      ['(一) 2.', 2, '突出重点'],
      ['(二)', 1, '工作措施'],
    ]);
  });

  it('keeps an out-of-sequence number and 一是…二是… in the text', () => {
    const doc = load(
      [
        '某报告',
        '一、工作回顾',
        '（一）经济运行稳中有进。',
        '一是工业增长较快。二是消费持续恢复。',
        '一、这一行是引用的条文，不是新的一节。',
        '（三）跳过的编号也不是标题',
        '（二）改革持续深化',
        '二、工作安排',
      ].join('\n'),
    );
    expect(outline(doc)).toEqual([
      ['一、', 1, '工作回顾'],
      ['一、(一)', 2, '经济运行稳中有进'],
      ['一、(二)', 2, '改革持续深化'],
      ['二、', 1, '工作安排'],
    ]);
    expect(texts(section(doc, 's1-1').paragraphs)).toEqual([
      '（一）经济运行稳中有进。',
      '一是工业增长较快。二是消费持续恢复。',
      '一、这一行是引用的条文，不是新的一节。',
      '（三）跳过的编号也不是标题',
    ]);
  });

  it('keeps run-in headings and reads long numbered sentences as items', () => {
    const runIn = `（一）加强组织领导。${'各地要把这项工作摆上重要位置，'.repeat(6)}确保落实。`;
    const item = `1.${'申请人应当如实提交有关材料并对其真实性负责，'.repeat(4)}逾期不予受理。`;
    const doc = load(['某办法', '一、职责', runIn, item, '2.第二项', '（二）明确分工'].join('\n'));
    expect(outline(doc)).toEqual([
      ['一、', 1, '职责'],
      ['一、(一)', 2, '加强组织领导'],
      ['一、(二)', 2, '明确分工'],
    ]);
    expect(section(doc, 's1-1').runIn).toBe(true);
    expect(texts(section(doc, 's1-1').paragraphs).slice(1)).toEqual([item, '2.第二项']);
    // The same long sentence continues a sequence of headings.
    const continued = load(['某办法', '一、职责', '二、权限', `三、${item.slice(2)}`].join('\n'));
    expect(continued.flatSections.map((s) => s.number)).toEqual(['一、', '二、', '三、']);
  });

  it('reads items ending in ； as a list', () => {
    const doc = load('某规定\n一、职责\n（一）制定规划；\n（二）组织实施；\n（三）监督检查。\n');
    expect(outline(doc)).toEqual([['一、', 1, '职责']]);
  });

  it('does not read the entries of a 目录 as headings', () => {
    const doc = load(
      [
        '某局部门决算',
        '目 录',
        '第一部分 部门概况',
        '第二部分 决算表',
        '第一部分 部门概况',
        '正文。',
        '第二部分 决算表',
      ].join('\n'),
    );
    expect(texts(doc.preamble)).toEqual(['目 录', '第一部分 部门概况', '第二部分 决算表']);
    expect(outline(doc)).toEqual([
      ['第一部分', 1, '部门概况'],
      ['第二部分', 1, '决算表'],
    ]);
  });

  it('takes a bold prefix from .docx as the heading part, whatever its length', () => {
    const heading = `（一）${'持续深化改革，'.repeat(16)}推动高质量发展。`;
    const text = `某报告\n一、总体要求\n${heading}各地要抓好落实。\n`;
    const start = text.indexOf('（一）');
    const doc = load(text, { format: 'docx', bold: [{ start, end: start + heading.length - 1 }] });
    const sub = section(doc, 's1-1');
    expect(sub.runIn).toBe(true);
    expect(sub.paragraphs[0]?.headingLength).toBe(heading.length);
    expect(sub.title).toBe(heading.slice(3, -1));
    // Without bold, a first sentence that long is no heading.
    expect(load(text).flatSections).toHaveLength(1);
  });

  it('joins bold runs that touch, and counts bold that starts in the indent', () => {
    const text = '某报告\n一、总体要求\n\u3000\u3000（一）坚持稳中求进。全年经济平稳运行。\n';
    const start = text.indexOf('（一）');
    const split = start + 3;
    const bold = [
      { start: start - 2, end: split },
      { start: split, end: start + '（一）坚持稳中求进。'.length },
    ];
    const sub = section(load(text, { format: 'docx', bold }), 's1-1');
    expect(sub.paragraphs[0]?.headingLength).toBe('（一）坚持稳中求进。'.length);
    expect([sub.title, sub.runIn]).toEqual(['坚持稳中求进', true]);
  });

  it('does not read bold without a number as a heading', () => {
    const text = '某报告\n一、总体要求\n坚持稳中求进。全年经济平稳运行。\n';
    const start = text.indexOf('坚持');
    const doc = load(text, { format: 'docx', bold: [{ start, end: start + 7 }] });
    expect(doc.flatSections.map((s) => s.id)).toEqual(['s1']);
  });
});

describe('appendices and glossaries', () => {
  const glossary = Array.from(
    { length: 67 },
    (_, i) => `${i + 1}.术语${i + 1}：指在某领域中按照规定开展的第${i + 1}类工作。`,
  );
  const report = [
    '2025年某市政府工作报告',
    '一、过去一年工作回顾',
    '二、今年工作安排',
    '（一）扩大内需',
    '（三）防范风险',
    '（二）保障民生',
    '三、加强政府自身建设',
    '（一）坚持依法行政',
    '（二）加强廉政建设',
    '（三）提高行政效能',
    '各位代表！让我们团结奋斗。',
    '政府工作报告名词、术语注释',
    ...glossary,
    '附件1',
    '2025年十件民生实事',
    '一、稳定和扩大就业',
    '二、提升养老服务',
    '附件2 名词解释',
    '1.“两新”：设备更新和消费品以旧换新。',
  ].join('\n');

  it('makes a glossary of 67 numbered definitions one part with a list, not 67 sections', () => {
    const doc = load(report);
    const main = doc.flatSections.filter((s) => !s.appendix);
    expect(main.map((s) => s.numberPath)).toEqual([
      '一、',
      '二、',
      '二、(一)',
      '二、(二)',
      '三、',
      '三、(一)',
      '三、(二)',
      '三、(三)',
    ]);
    expect(texts(section(doc, 's3-3').paragraphs)).toEqual([
      '（三）提高行政效能',
      '各位代表！让我们团结奋斗。',
    ]);
    const parts = doc.sections.filter((s) => s.appendix);
    expect(
      parts.map((s) => [s.id, s.numberPath, s.title, s.paragraphs.length, s.children]),
    ).toEqual([
      ['a1', '政府工作报告名词、术语注释', '政府工作报告名词、术语注释', 68, []],
      ['a2', '附件1', '2025年十件民生实事', 4, []],
      ['a3', '附件2', '名词解释', 2, []],
    ]);
    expect(parts.every((s) => s.parentId === null && s.level === 1)).toBe(true);
    expect(
      section(doc, 'a1')
        .paragraphs.slice(1)
        .every((p) => p.kind === 'body'),
    ).toBe(true);
  });

  it('treats a numbered part titled 名词解释 as a glossary inside the outline', () => {
    const doc = load(
      '某决算\n第一部分 概况\n一、职能\n第二部分 名词解释\n一、财政拨款收入：指…。\n二、其他收入：指…。\n',
    );
    expect(outline(doc)).toEqual([
      ['第一部分', 1, '概况'],
      ['第一部分 一、', 2, '职能'],
      ['第二部分', 1, '名词解释'],
    ]);
    expect(section(doc, 's2').appendix).toBe(true);
    expect(section(doc, 's2').paragraphs).toHaveLength(3);
  });
});

describe('tables', () => {
  it('keeps an importer table as one table paragraph with its cells, in its section', () => {
    const text = '某报告\n一、收支情况\n项目\t金额\n收入\t100\n支出\t80\n以上为决算数。';
    const table: SourceTable = {
      ...rangeOf(text, '项目\t金额\n收入\t100\n支出\t80'),
      rows: [
        [rangeOf(text, '项目'), rangeOf(text, '金额')],
        [rangeOf(text, '收入'), rangeOf(text, '100')],
        [rangeOf(text, '支出'), rangeOf(text, '80')],
      ],
    };
    const doc = load(text, { tables: [table], format: 'docx' });
    const [heading, tableParagraph, after] = section(doc, 's1').paragraphs;
    expect(heading?.kind).toBe('heading');
    expect(tableParagraph).toMatchObject({ id: 's1-p1', kind: 'table', sectionId: 's1' });
    expect(tableParagraph?.rows?.map((row) => row.map((cell) => cell.text))).toEqual([
      ['项目', '金额'],
      ['收入', '100'],
      ['支出', '80'],
    ]);
    expect(after?.text).toBe('以上为决算数。');
  });

  it('reads runs of tab-separated lines in plain text as a table', () => {
    const doc = load('某报告\n一、情况\n指标\t2023\t2024\n产值\t10\t12\n说明。\n单独\t一行\n');
    const tables = doc.paragraphs.filter((p) => p.kind === 'table');
    expect(tables).toHaveLength(1);
    expect(tables[0]?.rows?.map((row) => row.map((cell) => cell.text))).toEqual([
      ['指标', '2023', '2024'],
      ['产值', '10', '12'],
    ]);
    expect(texts(section(doc, 's1').paragraphs).at(-1)).toBe('单独\t一行');
  });

  it('never loses text to a table range that is out of place', () => {
    const text = '某报告\n一、情况\n甲\t乙\n说明。';
    const bad: SourceTable[] = [
      { start: 50, end: 80, rows: [[{ start: 50, end: 60 }]] },
      { start: 8, end: 12, rows: [[{ start: 0, end: 99 }]] },
    ];
    const doc = load(text, { tables: bad });
    expect(doc.paragraphs.map((p) => p.text).join('')).toContain('说明。');
    // Whatever an importer gets wrong, the parse still holds its invariants.
    const malformed = [
      { start: Number.NaN, end: 3, rows: [] },
      { start: 8, end: 12, rows: null },
      { start: 8, end: 12, rows: [[null]] },
      null,
    ] as unknown as SourceTable[];
    for (const table of malformed) {
      expect(load(text, { tables: [table], bold: [null] as unknown as TextRange[] }).title).toBe(
        '某报告',
      );
    }
  });
});

describe('documentParts', () => {
  it('orders front, title, preamble, sections, 落款 and appendices as published', () => {
    const doc = load(
      [
        '某府办〔2024〕3号',
        '关于某事的通知',
        '各区：',
        '一、要求',
        '二、安排',
        '某市人民政府办公室',
        '2024年3月5日',
        '附件1',
        '某某名单',
      ].join('\n'),
    );
    const parts = documentParts(doc).map((part) =>
      part.kind === 'section'
        ? `section ${part.section.id}`
        : part.kind === 'title'
          ? 'title'
          : `${part.kind} ${part.paragraphs.length}`,
    );
    expect(parts).toEqual([
      'front 1',
      'title',
      'preamble 1',
      'section s1',
      'section s2',
      'closing 2',
      'section a1',
    ]);
  });

  it('has no parts for an empty document', () => {
    expect(documentParts(load(' \n'))).toEqual([]);
  });
});
