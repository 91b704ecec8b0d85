import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyChanges,
  CHANGE_KINDS,
  changeKindLabel,
  sectionMatchLabel,
  stepChange,
  compareReports,
  comparisonToMarkdown,
  diffText,
} from '../../../../core/compare';
import { parseReport } from '../../../../core/report/parse-report';

const FIXTURES = new URL('../../../fixtures/compare/', import.meta.url);
const read = (name: string) => parseReport(readFileSync(new URL(name, FIXTURES), 'utf8'));
const oldDoc = read('edition-2023.txt');
const newDoc = read('edition-2024.txt');
const comparison = compareReports(oldDoc, newDoc);

describe('comparing the 2023 and 2024 editions', () => {
  it('lists exactly the known changes, in reading order', () => {
    expect(comparison.changes.map((c) => [c.kind, c.sectionPath, c.oldText, c.newText])).toEqual([
      ['text-changed', '', '2023', '2024'], // the title
      ['text-changed', '', '2023', '2024'], // the preamble
      ['text-changed', '一、(一) 1.', '320', '356'],
      ['text-changed', '一、(一) 1.', '301', '340'],
      ['text-changed', '一、(一) 1.', '11.2%', '12.5%'],
      ['section-moved', '一、(一) 3.', '3.案卷评查。', '3.案卷评查。'],
      ['section-renamed', '一、(二)', '执法规范化建设', '严格规范公正文明执法'],
      ['text-changed', '一、(二) 1.', '12', '15'],
      ['section-removed', '一、(二) 2.', '2.执法监督。开展专项督查6次，发现问题42个。', ''],
      ['paragraph-added', '一、(三) 2.', '', '新建品牌调解工作室5个。'],
      ['paragraph-removed', '二、', '法治宣传教育的覆盖面还需扩大。', ''],
      ['section-added', '三、(三)', '', '（三）加强公共法律服务。建成村（社区）法律服务室全覆盖。'],
    ]);
    expect(comparison.changes.map((c) => c.index)).toEqual(comparison.changes.map((_, i) => i));
  });

  it('aligns the sections: one moved, one renamed, one removed, one added', () => {
    const notMatched = comparison.sections
      .filter((s) => s.kind !== 'matched')
      .map((s) => [s.kind, s.old?.numberPath ?? null, s.new?.numberPath ?? null]);
    expect(notMatched).toEqual([
      ['moved', '一、(二) 3.', '一、(一) 3.'],
      ['renamed', '一、(二)', '一、(二)'],
      ['removed', '一、(二) 2.', null],
      ['added', null, '三、(三)'],
    ]);
    expect(comparison.sections).toHaveLength(
      new Set([...oldDoc.flatSections.map((s) => s.id)]).size + 1,
    );
  });

  it('matches the changed figures by subject and unit, old → new with the change', () => {
    expect(
      comparison.figureChanges.map((f) => [
        f.subject,
        f.old.value,
        f.new.value,
        f.unit,
        Number(f.delta.toFixed(6)),
        f.percentChange === null ? null : Number(f.percentChange.toFixed(2)),
      ]),
    ).toEqual([
      ['受理行政复议案件', 320, 356, '件', 36, 11.25],
      ['办结', 301, 340, '件', 39, 12.96],
      ['直接纠错率', 11.2, 12.5, '%', 1.3, 11.61],
      ['组织执法人员培训', 12, 15, '场', 3, 25],
    ]);
    for (const figure of comparison.figureChanges) {
      const change = comparison.changes[figure.changeIndex!]!;
      expect(change.figureChanges).toContain(figure);
      expect(change.newText).toContain(String(figure.new.value));
    }
  });

  it('gives ranges that point at the changed text on both sides', () => {
    const text = (doc: typeof oldDoc, id: string) => doc.paragraphs.find((p) => p.id === id)!.text;
    for (const change of comparison.changes) {
      if (!change.oldRange || !change.newRange) continue;
      const { start, end } = change.oldRange;
      expect(text(oldDoc, change.oldParagraphIds[0]!).slice(start, end)).toBe(change.oldText);
      const n = change.newRange;
      expect(text(newDoc, change.newParagraphIds[0]!).slice(n.start, n.end)).toBe(change.newText);
    }
  });

  it('turns the old edition into the new one when the changes are applied', () => {
    expect(applyChanges(oldDoc, comparison)).toEqual(newDoc.paragraphs.map((p) => p.text));
  });

  it('marks every row a change touches', () => {
    const touched = comparison.rows.filter((r) => r.changeIndexes.length > 0);
    const removed = comparison.rows.filter((r) => r.newParagraphId === null);
    expect(removed.map((r) => r.oldParagraphId)).toEqual(['s1-2-2-p0', 's2-p2']);
    expect(touched.length).toBeGreaterThanOrEqual(10);
  });

  it('exports Markdown with the sections, the figures and every change', () => {
    const markdown = comparisonToMarkdown(comparison, 'zh-CN');
    expect(markdown).toContain(
      '# 对照结果：青石区2023年度法治政府建设工作报告 → 青石区2024年度法治政府建设工作报告',
    );
    expect(markdown).toContain(
      '| 改名 | 一、(二) 执法规范化建设 | 一、(二) 严格规范公正文明执法 |',
    );
    expect(markdown).toContain(
      '| 一、(一) 1. | 直接纠错率 | 11.2% | 12.5% | +1.3个百分点 | +11.6% |',
    );
    expect(markdown).toContain('办结~~301~~**340**件');
    expect(markdown.match(/^### /gmu)).toHaveLength(comparison.changes.length);
    const english = comparisonToMarkdown(comparison, 'en');
    expect(english).toContain('## Figures that changed');
    expect(english).toContain('Section moved');
  });

  it('says so when nothing changed', () => {
    const same = compareReports(oldDoc, read('edition-2023.txt'));
    expect(same.changes).toEqual([]);
    expect(comparisonToMarkdown(same, 'zh-CN')).toContain('两份报告的文字完全相同。');
  });
});

describe('diffText', () => {
  it('changes a whole number, not a digit of it', () => {
    const [hunk, ...rest] = diffText('受理案件419件，办结', '受理案件412件，办结');
    expect(rest).toEqual([]);
    expect('受理案件419件，办结'.slice(hunk!.oldStart, hunk!.oldEnd)).toBe('419');
  });

  it('merges changes separated by one or two unchanged characters', () => {
    const hunks = diffText('加强法治政府建设', '深化法治社会建设');
    expect(hunks.length).toBeLessThanOrEqual(2);
    expect(diffText('甲乙丙丁', '戊乙己丁')).toHaveLength(1);
  });

  it('keeps distant changes apart', () => {
    expect(diffText('一二三四五六七八九十百千', '壹二三四五六七八九十百仟')).toHaveLength(2);
  });

  it('finds nothing in equal texts', () => {
    expect(diffText('同一段文字', '同一段文字')).toEqual([]);
  });
});

describe('labels', () => {
  it('names every change kind and section kind in both languages', () => {
    for (const kind of CHANGE_KINDS) {
      expect(changeKindLabel(kind, 'zh-CN')).toMatch(/\p{Script=Han}/u);
      expect(changeKindLabel(kind, 'en')).toMatch(/^[A-Z]/u);
    }
    expect(sectionMatchLabel('renamed', 'zh-CN')).toBe('改名');
  });
});

describe('cosmetic changes', () => {
  it('marks width-only changes so a view can fold them, and keeps them as changes', () => {
    const before = parseReport('报告\n一、总体\n(一)细项\n受理案件419件,办结377件,当场化解。');
    const after = parseReport('报告\n一、总体\n（一）细项\n受理案件420件,办结377件，当场化解。');
    const comparison = compareReports(before, after);
    expect(comparison.changes.map((c) => [c.oldText, c.newText, c.cosmetic])).toEqual([
      ['(一)', '（一）', true],
      ['419', '420', false],
      [',', '，', true],
    ]);
    expect(applyChanges(before, comparison)).toEqual(after.paragraphs.map((p) => p.text));
    expect(comparisonToMarkdown(comparison, 'zh-CN')).toContain('修改（仅全半角或空白不同）');
  });
});

describe('paragraphs outside sections after the last one (a 落款 block)', () => {
  /** The structure parser puts a closing block (signing body, date) after the sections. */
  function withClosing(source: string, closing: string[]) {
    const doc = parseReport(source);
    const end = doc.paragraphs.at(-1)!.end;
    const extra = closing.map((text, i) => ({
      id: `closing-${i + 1}`,
      kind: 'body' as const,
      sectionId: null,
      text,
      start: end + 1 + i,
      end: end + 1 + i + text.length,
    }));
    return { ...doc, paragraphs: [...doc.paragraphs, ...extra] };
  }

  it('compares the closing blocks with each other and keeps every paragraph', () => {
    const body = '报告\n前言。\n一、总体\n受理案件419件。';
    const before = withClosing(body, ['青石区人民政府', '2024年1月20日']);
    const after = withClosing(body.replace('419', '420'), [
      '青石区人民政府',
      '2025年1月18日',
      '（此件公开发布）',
    ]);
    const comparison = compareReports(before, after);
    expect(comparison.changes.map((c) => [c.kind, c.oldText, c.newText])).toEqual([
      ['text-changed', '419', '420'],
      ['text-changed', '2024', '2025'],
      ['text-changed', '20', '18'],
      ['paragraph-added', '', '（此件公开发布）'],
    ]);
    expect(applyChanges(before, comparison)).toEqual(after.paragraphs.map((p) => p.text));
    expect(comparison.rows.map((r) => r.oldParagraphId)).toContain('closing-2');
  });

  it('removes a closing block the new edition lacks', () => {
    const body = '报告\n一、总体\n受理案件419件。';
    const comparison = compareReports(withClosing(body, ['青石区人民政府']), parseReport(body));
    expect(comparison.changes.map((c) => [c.kind, c.oldText])).toEqual([
      ['paragraph-removed', '青石区人民政府'],
    ]);
  });
});

describe('stepChange (F7 / Shift+F7)', () => {
  const changes = compareReports(
    parseReport('报告\n一、总体\n(一)细项\n受理案件419件,办结377件,当场化解。'),
    parseReport('报告\n一、总体\n（一）细项\n受理案件420件,办结377件，当场化解。'),
  ).changes;

  it('goes forward and back, wrapping at the ends', () => {
    expect(changes).toHaveLength(3);
    expect(stepChange(changes, null, 1)).toBe(0);
    expect(stepChange(changes, null, -1)).toBe(2);
    expect(stepChange(changes, 0, 1)).toBe(1);
    expect(stepChange(changes, 2, 1)).toBe(0);
    expect(stepChange(changes, 0, -1)).toBe(2);
  });

  it('can skip width-only changes', () => {
    expect(stepChange(changes, null, 1, { skipCosmetic: true })).toBe(1);
    expect(stepChange(changes, 1, 1, { skipCosmetic: true })).toBe(1);
    expect(stepChange([], null, 1)).toBeNull();
  });
});

describe('section alignment rules', () => {
  const kinds = (before: string, after: string) =>
    compareReports(parseReport(before), parseReport(after))
      .sections.filter((s) => s.kind !== 'matched')
      .map((s) => [s.kind, s.old?.title ?? null, s.new?.title ?? null]);

  it('calls a section moved when its order among its siblings changed', () => {
    const before = '报告\n一、甲部分\n正文甲。\n二、乙部分\n正文乙。\n三、丙部分\n正文丙。';
    const after = '报告\n一、丙部分\n正文丙。\n二、甲部分\n正文甲。\n三、乙部分\n正文乙。';
    expect(kinds(before, after)).toEqual([['moved', '丙部分', '丙部分']]);
  });

  it('calls a retitled section at the same place with the same body renamed', () => {
    const before = '报告\n一、加强队伍建设\n全年培训执法人员1200人次，考试合格率98%。';
    const after = '报告\n一、锻造过硬执法队伍\n全年培训执法人员1500人次，考试合格率99%。';
    expect(kinds(before, after)).toEqual([['renamed', '加强队伍建设', '锻造过硬执法队伍']]);
  });

  it('does not pair an unrelated section that took the place of a removed one', () => {
    const before = '报告\n一、加强队伍建设\n全年培训执法人员1200人次。';
    const after = '报告\n一、优化营商环境\n新设市场主体3.5万户。';
    // The removed section stood before everything that is left, so it is listed first.
    expect(kinds(before, after)).toEqual([
      ['removed', '加强队伍建设', null],
      ['added', null, '优化营商环境'],
    ]);
  });
});
