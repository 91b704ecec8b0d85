/**
 * The report as published: title, the header card, the preamble and the sections, every
 * character shown exactly as in the source. Elements carry the model's ids so navigation,
 * position memory (and later search and annotations) can find them.
 */
import { memo } from 'react';
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

interface SectionActions {
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
  return (
    <article className="report" lang="zh-CN">
      {doc.titleParagraph ? (
        <h1
          className="report-title"
          id={paragraphElementId(doc.titleParagraph.id)}
          data-pid={doc.titleParagraph.id}
        >
          {doc.titleParagraph.text}
        </h1>
      ) : doc.title ? (
        <h1 className="report-title">{doc.title}</h1>
      ) : null}
      {doc.metadata.length > 0 ? <MetadataCard fields={doc.metadata} /> : null}
      {doc.preamble.map((p) => (
        <BodyParagraph key={p.id} paragraph={p} />
      ))}
      {doc.sections.map((s) => (
        <SectionView key={s.id} section={s} actions={actions} />
      ))}
    </article>
  );
});

function SectionView({ section, actions }: { section: Section; actions: SectionActions }) {
  const [heading, ...body] = section.paragraphs;
  return (
    <div className={`report-section level-${section.level}`}>
      {heading ? (
        <div className="heading-block">
          <SectionHeading section={section} paragraph={heading} />
          <HeadingActions section={section} actions={actions} />
          <PrintSectionButton section={section} onPrint={actions.onPrintSection} />
        </div>
      ) : null}
      {body.map((p) => (
        <BodyParagraph key={p.id} paragraph={p} />
      ))}
      {section.children.map((child) => (
        <SectionView key={child.id} section={child} actions={actions} />
      ))}
    </div>
  );
}

function SectionHeading({ section, paragraph }: { section: Section; paragraph: Paragraph }) {
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

function BodyParagraph({ paragraph }: { paragraph: Paragraph }) {
  return (
    <p className="body" id={paragraphElementId(paragraph.id)} data-pid={paragraph.id}>
      {paragraph.text}
    </p>
  );
}

/** Beside each heading, outside the text (so text offsets stay the text's own). */
function HeadingActions({ section, actions }: { section: Section; actions: SectionActions }) {
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
function PrintSectionButton({
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
