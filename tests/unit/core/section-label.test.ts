import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../core/report/parse-report';
import { sectionLabel } from '../../../core/report/section-label';

describe('sectionLabel', () => {
  it('joins number path and title as the document writes them', () => {
    expect(sectionLabel({ numberPath: '二、', title: '加强制度建设' })).toBe('二、加强制度建设');
    expect(sectionLabel({ numberPath: '一、(二) 6.', title: '深化改革' })).toBe(
      '一、(二) 6. 深化改革',
    );
  });

  it('names an unnumbered appendix once', () => {
    const doc = parseReport(
      [
        '某县2024年度工作报告',
        '一、总体情况',
        '全年办理案件12件。',
        '附件：名词解释',
        '名词解释',
        '本报告所称案件，是指依法受理的各类案件。',
      ].join('\n'),
    );
    const labels = doc.flatSections.map(sectionLabel);
    expect(labels[0]).toBe('一、总体情况');
    for (const label of labels) expect(label).not.toMatch(/^(.+)\s*\1$/u);
  });
});
