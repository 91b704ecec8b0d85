/**
 * The 公文 fields a reader looks for — 发文字号, 主送机关, 成文日期, 发文机关 — from the header
 * fields when published there, else from the text: the 发文字号 above or under the title, the
 * 主送机关 line that opens the text, and the 落款's signing body and date.
 */
import type { ClosingFacts } from './closing-block';
import { documentNumberOf, endsWithColon, isDocumentNumber } from './line-shapes';
import type { DocumentInfo, MetadataField } from './report-model';
import type { SourceBlock } from './source-blocks';

const FIELD_SOURCES: Record<keyof DocumentInfo, readonly string[]> = {
  documentNumber: ['发文字号', '文号'],
  addressee: ['主送机关'],
  issuedDate: ['成文日期'],
  issuer: ['发文机关', '发文单位'],
};

/** Offices, not people: a 主送机关 names bodies ("各区人民政府，市政府各部门：", "各区："). */
const ADDRESSEE_WORDS =
  /政府|部门|机构|单位|局|厅|委|办|院|处|室|司|中心|公司|学校|街道|乡镇|党组|会$/u;

/** An opening that introduces the text ("现就有关事项通知如下："), not a list of offices. */
const OPENING_WORDS = /如下|现将|现就|根据|按照|为了|为进一步|经研究|同意/u;

/** The 主送机关 line among the first lines of the text, if one is there. */
function addresseeLine(opening: readonly SourceBlock[]): string | undefined {
  for (const block of opening.slice(0, 4)) {
    const { text } = block;
    if (block.rows || isDocumentNumber(text)) continue;
    // The 主送机关 comes before the text; a sentence first means there is none.
    if (/[。！？]/u.test(text)) return undefined;
    if (!endsWithColon(text)) continue;
    const named = text.slice(0, -1).trim();
    const isAddressee =
      text.length <= 200 &&
      !named.startsWith('各位') &&
      !OPENING_WORDS.test(named) &&
      (ADDRESSEE_WORDS.test(named) || named.startsWith('各'));
    return isAddressee ? named : undefined;
  }
  return undefined;
}

export function readDocumentInfo(
  fields: readonly MetadataField[],
  front: readonly SourceBlock[],
  opening: readonly SourceBlock[],
  closing: ClosingFacts,
): DocumentInfo {
  const info: DocumentInfo = {};
  for (const [key, labels] of Object.entries(FIELD_SOURCES) as [keyof DocumentInfo, string[]][]) {
    const value = fields.find((f) => labels.includes(f.label) && f.value !== '')?.value;
    if (value !== undefined) info[key] = value;
  }
  const numberLine = [...front, ...opening.slice(0, 2)].find((b) => isDocumentNumber(b.text));
  const documentNumber = numberLine ? documentNumberOf(numberLine.text) : null;
  if (!info.documentNumber && documentNumber) info.documentNumber = documentNumber;
  const addressee = addresseeLine(opening);
  if (!info.addressee && addressee) info.addressee = addressee;
  if (!info.issuedDate && closing.date) info.issuedDate = closing.date;
  if (!info.issuer && closing.issuer) info.issuer = closing.issuer;
  return info;
}
