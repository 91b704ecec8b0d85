import { describe, expect, it } from 'vitest';
import {
  citeAnnotation,
  citeLocation,
  copyWithCitation,
} from '../../../../core/annotations/citation';
import { describeSection } from '../../../../core/annotations/describe-selection';
import { parseReport } from '../../../../core/report/parse-report';
import { original, targetOf } from './annotation-fixtures';

const TITLE = '《南京市江宁区2023年度法治政府建设工作报告》';

describe('citeAnnotation', () => {
  it('cites a run-in heading paragraph as 第1段 of its section', () => {
    const target = targetOf(original, '区政府行政负责人出庭应诉率达100%');
    expect(citeAnnotation(original, target)).toBe(`${TITLE}一、(二) 6. 第1段`);
  });

  it('does not count a standalone heading: the paragraph after it is 第1段', () => {
    expect(citeLocation(original, targetOf(original, '一是在依法行政能力和水平上还要提升'))).toBe(
      '二、第1段',
    );
    expect(citeLocation(original, targetOf(original, '从以下几个方面进一步夯实'))).toBe(
      '三、第1段',
    );
  });

  it('cites a passage inside a heading (a bookmark) by the section number alone', () => {
    const runIn = describeSection(original, 's1-2-6');
    const standalone = describeSection(original, 's1-2');
    expect(runIn.ok && citeAnnotation(original, runIn.value)).toBe(`${TITLE}一、(二) 6.`);
    expect(standalone.ok && citeLocation(original, standalone.value)).toBe('一、(二)');
    expect(citeLocation(original, targetOf(original, '切实提高行政复议'))).toBe('一、(二) 6.');
  });

  it('cites the title and the preamble', () => {
    expect(citeLocation(original, targetOf(original, '法治政府建设工作报告'))).toBe('标题');
    expect(citeLocation(original, targetOf(original, '全区上下坚持'))).toBe('前言 第1段');
  });

  it('cites a passage over several paragraphs', () => {
    expect(citeLocation(original, targetOf(original, '主要安排\n2024年,全区将继续'))).toBe(
      '三、标题—第1段',
    );
    expect(citeLocation(original, targetOf(original, '试验区。\n4.优化公共法律服务。'))).toBe(
      '一、(三) 3. 第1段 至 一、(三) 4. 第1段',
    );
    // Ending at the very start of the next paragraph does not reach into it.
    expect(citeLocation(original, targetOf(original, '涉企纠纷。\n'))).toBe('一、(三) 4. 第1段');
  });

  it('counts several body paragraphs in one section', () => {
    const doc = parseReport('报告\n\n一、总体情况\n\n第一段。\n\n第二段。\n\n第三段。\n');
    expect(citeLocation(doc, targetOf(doc, '第二段'))).toBe('一、第2段');
    expect(citeLocation(doc, targetOf(doc, '第一段。\n第二段。\n第三'))).toBe('一、第1—3段');
  });

  it('falls back to the section, then to the report, for points of another edition', () => {
    const target = targetOf(original, '区政府行政负责人出庭应诉率达100%');
    const stale = { ...target, start: { paragraphId: 'old', offset: 0 } };
    expect(citeAnnotation(original, stale)).toBe(`${TITLE}一、(二) 6.`);
    expect(citeAnnotation(original, { ...stale, sectionId: 'gone' })).toBe(TITLE);
  });

  it('names an untitled report', () => {
    const doc = parseReport('一、总体情况\n\n正文。\n');
    expect(citeAnnotation(doc, targetOf(doc, '正文'))).toBe('《未命名报告》一、第1段');
  });
});

describe('copyWithCitation', () => {
  it('puts the quote, then a line with —— and the citation', () => {
    const target = targetOf(original, '区政府行政负责人出庭应诉率达100%。');
    expect(copyWithCitation(original, target)).toBe(
      `区政府行政负责人出庭应诉率达100%。\n——${TITLE}一、(二) 6. 第1段`,
    );
  });
});
