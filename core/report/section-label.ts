/**
 * How a section is named in lists (search results, figures, notes, exports): its number path
 * and title, "一、(二) 6. 深化行政复议体制改革" or "二、加强制度建设". A section without a number (an appendix such as
 * 名词解释) has its title as its number path: it is named once, not "名词解释 名词解释".
 */
import { joinNumberPath } from './numbering';
import type { Section } from './report-model';

export function sectionLabel(section: Pick<Section, 'numberPath' | 'title'>): string {
  const { numberPath, title } = section;
  if (numberPath === '' || numberPath === title) return title;
  if (title === '') return numberPath;
  // No space after a 、 ("一、依法全面履行政府职能"), one after other numbers.
  return joinNumberPath(numberPath, title);
}
