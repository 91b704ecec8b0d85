import { describe, expect, it } from 'vitest';
import { describeSection } from '../../../../core/annotations/describe-selection';
import { exportMarkdown } from '../../../../core/annotations/export-markdown';
import { escapeMarkdownLine } from '../../../../core/annotations/markdown-text';
import { annotation, original, revised, targetOf } from './annotation-fixtures';

const TITLE = '《南京市江宁区2023年度法治政府建设工作报告》';
const options = { now: new Date('2024-03-07T00:00:00Z'), timeZone: 'Asia/Shanghai' };

const bookmarkTarget = describeSection(original, 's1-2-6');
if (!bookmarkTarget.ok) throw new Error('no section');

const annotations = [
  annotation('comment', targetOf(original, '区政府行政负责人出庭应诉率达100%。'), {
    note: '# 不是标题\n> 不是引用\n<script>alert(1)</script>\n    缩进的一行\n1. 不是列表\n---\n普通的一行',
    tags: ['复议', '应诉 率'],
    color: 'pink',
    updated: '2024-03-06T10:00:00Z',
  }),
  annotation('across', targetOf(original, '完善政府治理体系\n1.坚持党的领导'), { color: 'green' }),
  annotation('title', targetOf(original, '南京市江宁区'), { color: 'blue' }),
  annotation('bookmark', bookmarkTarget.value, {
    kind: 'bookmark',
    note: '回头再读',
    color: 'purple',
  }),
  annotation('deleted', targetOf(original, '以“八五”普法中期评估验收为契机,深化普法依法治理工作'), {
    note: '这一段后来删掉了',
  }),
  annotation('changed', targetOf(original, '共受理行政复议案件419件,办结377件')),
];

describe('exportMarkdown', () => {
  const markdown = exportMarkdown(revised, annotations, options);
  const lines = markdown.split('\n');

  it('starts with the report title and the export date', () => {
    expect(lines[0]).toBe(`# ${TITLE}批注（导出于 2024年3月7日）`);
  });

  it('groups annotations under section headings in document order, orphans last', () => {
    const headings = lines.filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## 标题与前言',
      '## 一、(二) 深入推进法治政府建设,完善政府治理体系',
      '## 一、(二) 6. 切实提高行政复议应诉水平',
      '## 未能定位',
    ]);
    const citations = lines.filter((line) => line.startsWith('### '));
    expect(citations).toEqual([
      `### ${TITLE}标题`,
      `### ${TITLE}一、(二) 至 一、(二) 1. 第1段`,
      `### 书签：${TITLE}一、(二) 6.`,
      `### ${TITLE}一、(二) 6. 第1段`,
      `### ${TITLE}一、(二) 6. 第1段`,
      '### 原位置不明',
    ]);
  });

  it('quotes each passage as a blockquote, every line of it, as it reads in this edition', () => {
    expect(markdown).toContain('\n\n> 完善政府治理体系\n> 1.坚持党的领导\n\n');
    expect(markdown).toContain('\n\n> 区政府行政负责人出庭应诉率达100%。\n\n');
    expect(markdown).toContain('\n\n> 共受理行政复议案件420件,办结378件\n\n');
    // An orphan keeps the words it was made on.
    expect(markdown).toContain(
      '\n\n> 以“八五”普法中期评估验收为契机,深化普法依法治理工作\n\n这一段后来删掉了',
    );
  });

  it("keeps a note's text but not its power to change the structure", () => {
    expect(markdown).toContain(
      [
        '\\# 不是标题',
        '\\> 不是引用',
        '\\<script>alert(1)\\</script>',
        '\u00a0\u00a0\u00a0\u00a0缩进的一行',
        '1\\. 不是列表',
        '\\---',
        '普通的一行',
      ].join('\n'),
    );
    const outsideQuotes = lines.filter((line) => !line.startsWith('> ') && line !== '>');
    const structural = outsideQuotes.filter((line) => /^(#|>|<|[ \t]{4})/u.test(line));
    expect(structural.every((line) => /^#{1,3} /u.test(line))).toBe(true);
  });

  it('lists tags, the colour in Chinese, and the dates', () => {
    expect(markdown).toContain(
      [
        '- 标签：#复议 #应诉_率',
        '- 颜色：粉',
        '- 创建：2024年3月5日 09:30',
        '- 更新：2024年3月6日 18:00',
      ].join('\n'),
    );
    for (const colour of ['绿', '蓝', '紫', '黄'])
      expect(markdown).toContain(`- 颜色：${colour}\n`);
    expect(markdown).toContain('回头再读');
  });

  it('says so when there is nothing to export', () => {
    expect(exportMarkdown(original, [], options)).toBe(
      `# ${TITLE}批注（导出于 2024年3月7日）\n\n（没有批注。）\n`,
    );
  });
});

describe('escapeMarkdownLine', () => {
  it.each([
    ['## 标题', '\\## 标题'],
    ['> 引', '\\> 引'],
    ['- 项', '\\- 项'],
    ['* 项', '\\* 项'],
    ['+ 项', '\\+ 项'],
    ['===', '\\==='],
    ['```js', '\\```js'],
    ['~~~', '\\~~~'],
    ['| a | b |', '\\| a | b |'],
    ['[x]: https://example.org', '\\[x]: https://example.org'],
    ['12) 项', '12\\) 项'],
    ['1.抓好学习培训', '1.抓好学习培训'],
    ['a <b>粗</b> c', 'a \\<b>粗\\</b> c'],
    ['1 < 2', '1 < 2'],
    ['  # 缩进', '\u00a0\u00a0\\# 缩进'],
    ['   ', ''],
    ['普通文字 #标签', '普通文字 #标签'],
  ])('%j -> %j', (line, escaped) => {
    expect(escapeMarkdownLine(line)).toBe(escaped);
  });
});
