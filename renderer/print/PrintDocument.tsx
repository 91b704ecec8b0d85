/**
 * The pages of a print job: the title, optionally the header card, and only the chosen parts of
 * the report, each with its highlights, note markers and endnotes, then optionally the table of
 * their key figures. Text is shown as published.
 * Headings are real headings (h1 to h5, or role=heading for run-in ones) so Chromium can build
 * the PDF's outline and tags from them.
 */
import { Fragment } from 'react';
import type { Annotation } from '../../core/annotations/annotation-model';
import type { Figure } from '../../core/figures';
import { textSegments, type PrintMark, type PrintMarks } from '../../core/print/print-marks';
import { PREAMBLE_ID, type PrintOptions } from '../../core/print/print-options';
import type {
  MetadataField,
  Paragraph,
  ReportDocument,
  Section,
} from '../../core/report/report-model';
import { useI18n } from '../i18n';
import { PrintFigureTable } from './PrintFigureTable';

const QUOTE_SHOWN = 40;

export function PrintDocument({
  doc,
  sectionIds,
  options,
  marks,
  figures = null,
}: {
  doc: ReportDocument;
  sectionIds: readonly string[];
  options: PrintOptions;
  marks: PrintMarks;
  /** The figures of the printed parts, for the 关键数据 table; null when not asked for. */
  figures?: readonly Figure[] | null;
}) {
  const { t } = useI18n();
  const chosen = new Set(sectionIds);
  return (
    <article className={`print-doc ${options.layout} paper-${options.paper}`} lang="zh-CN">
      <h1 className="print-title">{doc.title ?? t('reportTitleFallback')}</h1>
      {options.metadata && doc.metadata.length > 0 ? <MetadataTable fields={doc.metadata} /> : null}
      {chosen.has(PREAMBLE_ID) ? (
        <div className="print-preamble">
          {doc.preamble.map((p) => (
            <BodyParagraph key={p.id} paragraph={p} marks={marks} />
          ))}
          <Endnotes notes={marks.notesBySection.get(PREAMBLE_ID)} />
        </div>
      ) : null}
      {doc.flatSections
        .filter((section) => chosen.has(section.id))
        .map((section) => (
          <PrintSection key={section.id} section={section} marks={marks} />
        ))}
      {marks.orphans.length > 0 ? <OrphanNotes annotations={marks.orphans} /> : null}
      {figures ? <PrintFigureTable figures={figures} /> : null}
    </article>
  );
}

function MetadataTable({ fields }: { fields: MetadataField[] }) {
  const { t } = useI18n();
  return (
    <table className="print-metadata" aria-label={t('metadata')}>
      <tbody>
        {fields.map((f, i) => (
          <tr key={`${f.label}-${i}`}>
            <th scope="row">{f.label}</th>
            <td>{f.value === '' ? '—' : f.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PrintSection({ section, marks }: { section: Section; marks: PrintMarks }) {
  const [heading, ...body] = section.paragraphs;
  return (
    <section className={`print-section level-${section.level}`} data-section-id={section.id}>
      {heading ? <PrintHeading section={section} paragraph={heading} marks={marks} /> : null}
      {body.map((p) => (
        <BodyParagraph key={p.id} paragraph={p} marks={marks} />
      ))}
      <Endnotes notes={marks.notesBySection.get(section.id)} />
    </section>
  );
}

function PrintHeading({
  section,
  paragraph,
  marks,
}: {
  section: Section;
  paragraph: Paragraph;
  marks: PrintMarks;
}) {
  const own = marks.byParagraph.get(paragraph.id);
  if (!section.runIn) {
    const Tag = (['h2', 'h3', 'h4', 'h5'] as const)[section.level - 1] ?? 'h5';
    return (
      <Tag className={`heading-${section.level}`}>
        <Marked text={paragraph.text} marks={own} />
      </Tag>
    );
  }
  const cut = paragraph.headingLength ?? paragraph.text.length;
  return (
    <p className={`run-in level-${section.level}`}>
      <span role="heading" aria-level={section.level + 1} className="run-in-heading">
        <Marked text={paragraph.text} marks={own} to={cut} />
      </span>
      <Marked text={paragraph.text} marks={own} from={cut} />
    </p>
  );
}

function BodyParagraph({ paragraph, marks }: { paragraph: Paragraph; marks: PrintMarks }) {
  return (
    <p>
      <Marked text={paragraph.text} marks={marks.byParagraph.get(paragraph.id)} />
    </p>
  );
}

function Marked({
  text,
  marks,
  from = 0,
  to = text.length,
}: {
  text: string;
  marks: PrintMark[] | undefined;
  from?: number;
  to?: number;
}) {
  if (!marks) return <>{text.slice(from, to)}</>;
  return (
    <>
      {textSegments(text, marks, from, to).map((segment, i) => (
        <Fragment key={i}>
          {segment.colors.length > 0 ? (
            <mark className={`hl hl-${segment.colors[segment.colors.length - 1]}`}>
              {segment.text}
            </mark>
          ) : (
            segment.text
          )}
          {segment.notesAfter.map((n) => (
            <sup key={n} className="note-ref">
              [{n}]
            </sup>
          ))}
        </Fragment>
      ))}
    </>
  );
}

function Endnotes({ notes }: { notes: { number: number; annotation: Annotation }[] | undefined }) {
  const { t } = useI18n();
  if (!notes || notes.length === 0) return null;
  return (
    <div className="endnotes">
      <p className="endnotes-title">{t('printNotesTitle')}</p>
      <ol>
        {notes.map(({ number, annotation }) => (
          <li key={number} value={number}>
            <NoteText annotation={annotation} />
          </li>
        ))}
      </ol>
    </div>
  );
}

function OrphanNotes({ annotations }: { annotations: Annotation[] }) {
  const { t } = useI18n();
  return (
    <div className="orphan-notes">
      <p className="endnotes-title">{t('printOrphansTitle')}</p>
      <ol>
        {annotations.map((annotation) => (
          <li key={annotation.id}>
            <NoteText annotation={annotation} />
          </li>
        ))}
      </ol>
    </div>
  );
}

function NoteText({ annotation }: { annotation: Annotation }) {
  const { t } = useI18n();
  const quote = annotation.target.quote.exact;
  const shown = quote.length > QUOTE_SHOWN ? `${quote.slice(0, QUOTE_SHOWN)}…` : quote;
  return (
    <>
      <span className="note-quote">“{shown}”</span>
      {annotation.note.trim() === '' ? null : `${t('noteSeparator')}${annotation.note}`}
    </>
  );
}
