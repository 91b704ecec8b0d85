/**
 * A comparison as Markdown, for export: the sections that were renamed, moved, added or
 * removed, the figures that changed (old → new, change, percentage), then every change in
 * reading order with a little context. Report text is escaped so it cannot change the
 * document's structure.
 */
import { formatFigureValue, formatNumber } from '../figures/format-figure';
import type { Annotation } from '../annotations/annotation-model';
import type { Language } from '../settings';
import type { ChangeNotes } from './change-annotations';
import type { ChangeKind, Comparison, FigureChange, SectionAlignment } from './comparison-model';
import { sectionLabel } from '../report/section-label';

interface Words {
  heading: string;
  untitled: string;
  summary: (total: number) => string;
  none: string;
  sections: string;
  figures: string;
  changes: string;
  columnsSections: readonly string[];
  columnsFigures: readonly string[];
  kinds: Record<ChangeKind, string>;
  sectionKinds: Record<SectionAlignment['kind'], string>;
  preamble: string;
  points: string;
  oldLabel: string;
  newLabel: string;
  cosmetic: string;
  /** Labels of an annotation under a change: with a note, and a highlight alone. */
  notes: Record<'old' | 'new', { note: string; highlight: string }>;
  quoteMarks: readonly [string, string];
}

const ZH: Words = {
  heading: '对照结果',
  untitled: '（无标题）',
  summary: (total) => `共 ${total} 处变化`,
  none: '两份报告的文字完全相同。',
  sections: '章节变化',
  figures: '数据变化',
  changes: '逐处变化',
  columnsSections: ['变化', '原报告', '新报告'],
  columnsFigures: ['章节', '主题', '原值', '新值', '变化', '变化率'],
  kinds: {
    'text-changed': '修改',
    'paragraph-added': '新增段落',
    'paragraph-removed': '删除段落',
    'section-added': '新增章节',
    'section-removed': '删除章节',
    'section-renamed': '标题修改',
    'section-moved': '章节移动',
    'section-renumbered': '编号变化',
  },
  sectionKinds: {
    matched: '对应',
    renamed: '改名',
    moved: '移动',
    added: '新增',
    removed: '删除',
  },
  preamble: '开头部分',
  points: '个百分点',
  oldLabel: '原文',
  newLabel: '新文',
  cosmetic: '（仅全半角或空白不同）',
  notes: {
    old: { note: '旧版批注', highlight: '旧版高亮' },
    new: { note: '新版批注', highlight: '新版高亮' },
  },
  quoteMarks: ['“', '”'],
};

const EN: Words = {
  heading: 'Comparison',
  untitled: '(untitled)',
  summary: (total) => `${total} change${total === 1 ? '' : 's'}`,
  none: 'The two reports have the same text.',
  sections: 'Sections',
  figures: 'Figures that changed',
  changes: 'All changes',
  columnsSections: ['Change', 'Old report', 'New report'],
  columnsFigures: ['Section', 'Subject', 'Old', 'New', 'Change', 'Change %'],
  kinds: {
    'text-changed': 'Edited',
    'paragraph-added': 'Paragraph added',
    'paragraph-removed': 'Paragraph removed',
    'section-added': 'Section added',
    'section-removed': 'Section removed',
    'section-renamed': 'Heading renamed',
    'section-moved': 'Section moved',
    'section-renumbered': 'Renumbered',
  },
  sectionKinds: {
    matched: 'Matched',
    renamed: 'Renamed',
    moved: 'Moved',
    added: 'Added',
    removed: 'Removed',
  },
  preamble: 'Opening',
  points: ' points',
  oldLabel: 'Old',
  newLabel: 'New',
  cosmetic: ' (width or spacing only)',
  notes: {
    old: { note: 'Old edition note', highlight: 'Old edition highlight' },
    new: { note: 'New edition note', highlight: 'New edition highlight' },
  },
  quoteMarks: ['“', '”'],
};

/** Escapes inline Markdown (emphasis, code, links, tables, HTML) in report text. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_~|[\]<>#]/gu, (c) => `\\${c}`).replace(/\n/gu, ' / ');
}

function signed(value: number): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatNumber(Math.abs(value))}`;
}

function sectionCell(section: SectionAlignment['old']): string {
  return section ? escapeInline(sectionLabel(section)) : '—';
}

function figureRow(change: FigureChange, words: Words): string {
  const unit = (figureUnit: string): string => escapeInline(figureUnit);
  const delta = `${signed(change.delta)}${change.unit === '%' ? words.points : unit(change.unit)}`;
  const percent =
    change.percentChange === null ? '—' : `${signed(Number(change.percentChange.toFixed(1)))}%`;
  return `| ${escapeInline(change.new.sectionPath || words.preamble)} | ${escapeInline(change.subject)} | ${formatFigureValue(change.old)}${unit(change.old.unit)} | ${formatFigureValue(change.new)}${unit(change.new.unit)} | ${delta} | ${percent} |`;
}

/** Characters of an annotation's quote shown under a change. */
const QUOTE_SHOWN = 60;

/** The quote an annotation was made on, shortened for a line under a change. */
export function annotationQuote(annotation: Annotation): string {
  const exact = annotation.target.quote.exact;
  return exact.length > QUOTE_SHOWN ? `${exact.slice(0, QUOTE_SHOWN)}…` : exact;
}

function noteLine(annotation: Annotation, side: 'old' | 'new', words: Words): string {
  const [open, close] = words.quoteMarks;
  const quote = `${open}${escapeInline(annotationQuote(annotation))}${close}`;
  const labels = words.notes[side];
  const zh = words === ZH;
  const colon = zh ? '：' : ': ';
  const on = zh ? `（${quote}）` : ` (on ${quote})`;
  return annotation.note.trim() === ''
    ? `- ${labels.highlight}${colon}${quote}`
    : `- ${labels.note}${colon}${escapeInline(annotation.note.trim())}${on}`;
}

/**
 * `notes`, when given, adds under each change a line for every annotation of either edition
 * its text touches (see change-annotations.ts).
 */
export function comparisonToMarkdown(
  comparison: Comparison,
  language: Language,
  notes?: ChangeNotes,
): string {
  const words = language === 'zh-CN' ? ZH : EN;
  const title = (t: string | null): string => escapeInline(t ?? words.untitled);
  const lines: string[] = [
    `# ${words.heading}：${title(comparison.oldTitle)} → ${title(comparison.newTitle)}`,
    '',
    comparison.changes.length === 0
      ? words.none
      : `${words.summary(comparison.changes.length)}：` +
        Object.entries(comparison.counts)
          .filter(([, n]) => n > 0)
          .map(([kind, n]) => `${words.kinds[kind as ChangeKind]} ${n}`)
          .join(language === 'zh-CN' ? '，' : ', '),
  ];

  const sectionChanges = comparison.sections.filter((s) => s.kind !== 'matched');
  if (sectionChanges.length > 0) {
    lines.push(
      '',
      `## ${words.sections}`,
      '',
      `| ${words.columnsSections.join(' | ')} |`,
      '|---|---|---|',
    );
    for (const s of sectionChanges) {
      lines.push(
        `| ${words.sectionKinds[s.kind]} | ${sectionCell(s.old)} | ${sectionCell(s.new)} |`,
      );
    }
  }

  if (comparison.figureChanges.length > 0) {
    lines.push(
      '',
      `## ${words.figures}`,
      '',
      `| ${words.columnsFigures.join(' | ')} |`,
      '|---|---|---|---|---|---|',
    );
    for (const change of comparison.figureChanges) lines.push(figureRow(change, words));
  }

  if (comparison.changes.length > 0) lines.push('', `## ${words.changes}`);
  for (const change of comparison.changes) {
    const where = escapeInline(
      [change.sectionPath, change.sectionTitle].filter((p) => p !== '').join(' ') || words.preamble,
    );
    const note = change.cosmetic ? words.cosmetic : '';
    lines.push('', `### ${change.index + 1}. ${words.kinds[change.kind]}${note} · ${where}`, '');
    if (change.oldRange || change.newRange) {
      const removed = change.oldText ? `~~${escapeInline(change.oldText)}~~` : '';
      const added = change.newText ? `**${escapeInline(change.newText)}**` : '';
      lines.push(`…${escapeInline(change.before)}${removed}${added}${escapeInline(change.after)}…`);
    } else {
      if (change.oldText) lines.push(`- ${words.oldLabel}：${escapeInline(change.oldText)}`);
      if (change.newText) lines.push(`- ${words.newLabel}：${escapeInline(change.newText)}`);
    }
    const touched = notes?.get(change.index);
    if (touched) {
      const noteLines = [
        ...touched.old.map((a) => noteLine(a, 'old', words)),
        ...touched.new.map((a) => noteLine(a, 'new', words)),
      ];
      // A blank line first so a list does not run into a paragraph of context.
      if (change.oldRange || change.newRange) lines.push('');
      lines.push(...noteLines);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The label of a change kind in the UI language, shared by the change list and the export. */
export function changeKindLabel(kind: ChangeKind, language: Language): string {
  return (language === 'zh-CN' ? ZH : EN).kinds[kind];
}

/** The label of a section alignment kind (对应, 改名, 移动, 新增, 删除). */
export function sectionMatchLabel(kind: SectionAlignment['kind'], language: Language): string {
  return (language === 'zh-CN' ? ZH : EN).sectionKinds[kind];
}
