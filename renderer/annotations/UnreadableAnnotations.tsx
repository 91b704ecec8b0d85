/**
 * 未能读取的批注: records in the report's annotation file that this version could not read
 * (damaged, or written by a newer version in a form it does not know). They are still in the
 * file, untouched; here the user sees each one's raw text and why it was not read, so nothing
 * disappears silently. Presentational only: the words come in as props (from i18n), the
 * records from the listing (AnnotationListing.unreadable). The raw text is shown as text,
 * never as HTML.
 */
import type { AnnotationListing } from '../../core/api/contract';

export interface UnreadableAnnotationsLabels {
  /** 未能读取的批注 */
  title: string;
  /** One sentence: they are kept in the file untouched, and what the user can do. */
  explanation: string;
  /** 原因 */
  reason: string;
  /** 原始内容 */
  raw: string;
}

export interface UnreadableAnnotationsProps {
  records: AnnotationListing['unreadable'];
  labels: UnreadableAnnotationsLabels;
}

export function UnreadableAnnotations({ records, labels }: UnreadableAnnotationsProps) {
  if (records.length === 0) return null;
  return (
    <section className="unreadable-annotations" aria-label={labels.title}>
      <h3>
        {labels.title}（{records.length}）
      </h3>
      <p>{labels.explanation}</p>
      <ul>
        {records.map((record, index) => (
          // The records have no trustworthy id (that may be what is wrong with them).
          <li key={index}>
            <p>
              {labels.reason}：{record.reason}
            </p>
            <details>
              <summary>{labels.raw}</summary>
              <pre>{record.raw}</pre>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
