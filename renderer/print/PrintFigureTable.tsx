/**
 * 关键数据 in print: the figures of the printed parts as one table, with the same columns and
 * formatting as the panel's CSV and copy (figureTable). The header row repeats on every page.
 */
import { figureTable, type Figure } from '../../core/figures';
import { useI18n } from '../i18n';

/** Relative widths of 章节, 主题, 数值, 单位, 原文: the quoted text gets the room. */
const COLUMN_WIDTHS = ['17%', '21%', '10%', '9%', '43%'];

export function PrintFigureTable({ figures }: { figures: readonly Figure[] }) {
  const { t, language } = useI18n();
  const { headers, rows } = figureTable(figures, language);
  return (
    <section className="print-appendix print-figures" aria-labelledby="print-figures-title">
      <h2 id="print-figures-title" className="print-appendix-title">
        {t('printFiguresTitle')}
      </h2>
      {rows.length === 0 ? (
        <p className="print-appendix-note">{t('printFiguresNone')}</p>
      ) : (
        <table className="print-table figures-table">
          <colgroup>
            {COLUMN_WIDTHS.map((width, i) => (
              <col key={i} style={{ width }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {headers.map((header) => (
                <th key={header} scope="col">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={figures[i]?.id ?? i}>
                {row.map((cell, j) => (
                  <td key={j} className={j === 2 ? 'number' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
