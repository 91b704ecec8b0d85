/**
 * The report as published: title, the header card, the preamble and the sections, every
 * character shown exactly as in the source. Elements carry the model's ids so navigation,
 * position memory (and later search and annotations) can find them.
 */
import { Fragment, memo } from 'react';
import { documentParts } from '../../core/report/document-parts';
import type { Paragraph, ReportDocument, Section } from '../../core/report/report-model';
import { useI18n } from '../i18n';
import { Icon } from '../shell/Icon';
import { MetadataCard } from './MetadataCard';
import './report.css';

export function sectionElementId(sectionId: string): string {
  return `sec-${sectionId}`;
}

export function paragraphElementId(paragraphId: string): string {
  return `para-${paragraphId}`;
}

export interface SectionActions {
  bookmarkedSections: ReadonlySet<string>;
  onToggleBookmark: (sectionId: string) => void;
  onPrintSection: (sectionId: string) => void;
}

export const ReportView = memo(function ReportView({
  doc,
  bookmarkedSections,
  onToggleBookmark,
  onPrintSection,
}: { doc: ReportDocument } & SectionActions) {
  const actions = { bookmarkedSections, onToggleBookmark, onPrintSection };
  const parts = documentParts(doc);
  const card = doc.metadata.length > 0 ? <MetadataCard key="card" fields={doc.metadata} /> : null;
  const hasTitle = parts.some((part) => part.kind === 'title');
  return (
    <article className="report" lang="zh-CN">
      {hasTitle ? null : (
        <>
          {doc.title ? <h1 className="report-title">{doc.title}</h1> : null}
          {card}
        </>
      )}
      {parts.map((part) => {
        switch (part.kind) {
          case 'front':
            return (
              <div key="front" className="report-front">
                {part.paragraphs.map((p) => (
                  <ParagraphView key={p.id} paragraph={p} className="front-line" />
                ))}
              </div>
            );
          case 'title':
            return (
              <Fragment key="title">
                <h1
                  className="report-title"
                  id={paragraphElementId(part.paragraph.id)}
                  data-pid={part.paragraph.id}
                >
                  {part.paragraph.text}
                </h1>
                {card}
              </Fragment>
            );
          case 'preamble':
            return part.paragraphs.map((p) => <ParagraphView key={p.id} paragraph={p} />);
          case 'section':
            return <SectionView key={part.section.id} section={part.section} actions={actions} />;
          case 'closing':
            return (
              <div key="closing" className="report-closing">
                {part.paragraphs.map((p) => (
                  <ParagraphView key={p.id} paragraph={p} className="closing-line" />
                ))}
              </div>
            );
        }
      })}
    </article>
  );
});

function SectionView({ section, actions }: { section: Section; actions: SectionActions }) {
  const [heading, ...body] = section.paragraphs;
  return (
    <div className={`report-section level-${section.level}${section.appendix ? ' appendix' : ''}`}>
      {heading ? (
        <div className="heading-block">
          <SectionHeading section={section} paragraph={heading} />
          <HeadingActions section={section} actions={actions} />
          <PrintSectionButton section={section} onPrint={actions.onPrintSection} />
        </div>
      ) : null}
      {body.map((p) => (
        <ParagraphView key={p.id} paragraph={p} />
      ))}
      {section.children.map((child) => (
        <SectionView key={child.id} section={child} actions={actions} />
      ))}
    </div>
  );
}

export function SectionHeading({ section, paragraph }: { section: Section; paragraph: Paragraph }) {
  const ariaLevel = section.level + 1;
  const common = {
    id: sectionElementId(section.id),
    'data-section-id': section.id,
    tabIndex: -1,
  };
  if (!section.runIn) {
    const Tag = (['h2', 'h3', 'h4', 'h5'] as const)[section.level - 1] ?? 'h5';
    return (
      <Tag {...common} className={`heading heading-${section.level}`} data-pid={paragraph.id}>
        {paragraph.text}
      </Tag>
    );
  }
  // A run-in heading opens its paragraph: bold inline, the body text follows on the same line.
  const cut = paragraph.headingLength ?? paragraph.text.length;
  return (
    <p
      className={`body run-in level-${section.level}`}
      id={paragraphElementId(paragraph.id)}
      data-pid={paragraph.id}
    >
      <span {...common} role="heading" aria-level={ariaLevel} className="run-in-heading">
        {paragraph.text.slice(0, cut)}
      </span>
      {paragraph.text.slice(cut)}
    </p>
  );
}

/** A paragraph of text, or a table: its text nodes spell `paragraph.text` exactly. */
export function ParagraphView({
  paragraph,
  className,
}: {
  paragraph: Paragraph;
  className?: string;
}) {
  if (paragraph.kind === 'table' && paragraph.rows && paragraph.rows.length > 0) {
    return <TableView paragraph={paragraph} />;
  }
  return (
    <p
      className={className ?? 'body'}
      id={paragraphElementId(paragraph.id)}
      data-pid={paragraph.id}
    >
      {paragraph.text}
    </p>
  );
}

/**
 * A table as a table. Search hits, highlights and selections count characters of the
 * paragraph's text, which holds the tabs and line breaks between cells: those separators are
 * kept as hidden text nodes, so the table's text content is the paragraph's text, character
 * for character.
 */
function TableView({ paragraph }: { paragraph: Paragraph }) {
  const rows = tableCells(paragraph);
  return (
    <div className="report-table-wrap">
      <table className="report-table" id={paragraphElementId(paragraph.id)} data-pid={paragraph.id}>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c}>
                  {cell.before ? <span className="cell-sep">{cell.before}</span> : null}
                  {cell.text}
                  {cell.after ? <span className="cell-sep">{cell.after}</span> : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each cell's text with the source characters around it (separators) attached. */
export function tableCells(
  paragraph: Paragraph,
): { text: string; before: string; after: string }[][] {
  const at = (offset: number) => offset - paragraph.start;
  const flat = (paragraph.rows ?? []).flat();
  const out: { text: string; before: string; after: string }[][] = [];
  let index = 0;
  for (const row of paragraph.rows ?? []) {
    out.push(
      row.map((cell) => {
        const next = flat[index + 1];
        const before = index === 0 ? paragraph.text.slice(0, at(cell.start)) : '';
        const after = paragraph.text.slice(at(cell.end), next ? at(next.start) : undefined);
        index += 1;
        return { text: paragraph.text.slice(at(cell.start), at(cell.end)), before, after };
      }),
    );
  }
  return out;
}

/** Beside each heading, outside the text (so text offsets stay the text's own). */
export function HeadingActions({
  section,
  actions,
}: {
  section: Section;
  actions: SectionActions;
}) {
  const { t } = useI18n();
  const marked = actions.bookmarkedSections.has(section.id);
  return (
    <div className={`heading-actions${marked ? ' marked' : ''}`}>
      <button
        type="button"
        className="bookmark-toggle"
        aria-pressed={marked}
        aria-label={t(marked ? 'removeBookmark' : 'addBookmark') + ' ' + section.numberPath}
        title={t(marked ? 'removeBookmark' : 'addBookmark')}
        onClick={() => actions.onToggleBookmark(section.id)}
      >
        <Icon name="bookmark" filled={marked} />
      </button>
    </div>
  );
}

/** "打印本节", in the heading's first-line indent (an icon: no text joins the report's). */
export function PrintSectionButton({
  section,
  onPrint,
}: {
  section: Section;
  onPrint: (sectionId: string) => void;
}) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="section-print"
      aria-label={t('printSectionOf', { title: section.numberPath })}
      title={t('printSection')}
      onClick={() => onPrint(section.id)}
    >
      <Icon name="print" />
    </button>
  );
}
