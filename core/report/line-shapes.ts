/**
 * What a single line of a Chinese government document looks like: a date, a 发文字号, web
 * chrome, a salutation… Small predicates shared by the title, front-matter and closing rules.
 */

const DIGIT = '[0-9０-９]';
const HAN_DIGIT = '[〇○零一二三四五六七八九十]';
const DATE =
  `(?:${DIGIT}{4}|${HAN_DIGIT}{4})\\s*年\\s*(?:${DIGIT}{1,2}|${HAN_DIGIT}{1,3})\\s*月` +
  `\\s*(?:${DIGIT}{1,2}|${HAN_DIGIT}{1,3})\\s*日`;

const DATE_LINE = new RegExp(`^${DATE}$`, 'u');
const DATE_ANYWHERE = new RegExp(DATE, 'u');

/** A line that is only a date: "2021年4月13日", "2019 年 8 月 20 日", "二〇二四年三月五日". */
export const isDateLine = (text: string): boolean => DATE_LINE.test(text);

/** A date anywhere in the line. */
export const containsDate = (text: string): boolean => DATE_ANYWHERE.test(text);

const DOCUMENT_NUMBER =
  /^([\u4e00-\u9fff]{1,16}\s*[〔［[（(【]\s*(?:19|20)\d{2}\s*[〕］\])）】]\s*第?\s*\d{1,5}\s*号)(?:\s+签发人\s*[:：]\s*[\u4e00-\u9fff·\s]{1,20})?$/u;

/**
 * The 发文字号 of a line that is only that (with the 签发人 of an upward report, if any):
 * "穗府办规〔2021〕7号", "发改办财金规〔2019〕860 号", "某府〔2024〕3号 签发人：某某"; else null.
 */
export function documentNumberOf(text: string): string | null {
  return text.length <= 60 ? (DOCUMENT_NUMBER.exec(text)?.[1] ?? null) : null;
}

/** A line that is a 发文字号 (see documentNumberOf). */
export const isDocumentNumber = (text: string): boolean => documentNumberOf(text) !== null;

/** The 发文机关标志 of a red-header document: "…办公厅文件", "文件". */
export const isIssuerMark = (text: string): boolean =>
  text.length <= 40 && /文件$/u.test(text) && !/[，。：:]/u.test(text);

/** Site chrome a saved page or a copy-paste leaves around the article. */
export const isWebChrome = (text: string): boolean =>
  /^今天是\s*[:：]/u.test(text) ||
  /^(?:当前位置|您的位置|您现在的位置)\s*[:：]/u.test(text) ||
  /^首页\s*[>＞»]/u.test(text) ||
  /^(?:字号|字体)\s*[:：]/u.test(text) ||
  /扫一扫|分享到|打印本页|关闭窗口|【\s*(?:打印|关闭|大|中|小)\s*】|^相关附件$|^相关链接$|^浏览次数/u.test(
    text,
  ) ||
  /^[—–-]\s*\d{1,3}\s*[—–-]$/u.test(text) ||
  /^第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?$/u.test(text);

/** A salutation or an opening that introduces what follows: ends in a colon. */
export const endsWithColon = (text: string): boolean => /[:：]$/u.test(text);

/** Ends like a sentence or a clause, so it is no title. */
export const endsLikeSentence = (text: string): boolean => /[。！？!?；;，,、…]$/u.test(text);

/** A table of contents heading: "目录", "目 录". */
export const isContentsHeading = (text: string): boolean => /^目\s*录$/u.test(text);

/** The words a document's title ends with (its genre). */
export const TITLE_ENDING =
  /(?:通知|通报|报告|汇报|意见|决定|办法|方案|规定|细则|公告|通告|批复|函|纪要|规划|纲要|计划|要点|指南|标准|条例|章程|总结|讲话|决算|预算|公报|说明|清单|目录|名录|指引|制度|措施|政策|解读|情况)$/u;

/** Words that end the name of an office that signs a document. */
const ISSUER_ENDING =
  /(?:政府|办公厅|办公室|委员会|局|厅|部|委|院|署|会|中心|处|科|所|室|馆|站|队|社|台|行|团|联|公司|集团|学校|大学|法院|检察院|人大常委会|政协|党委|支部)$/u;

/** A short line of office names ("广州市民政局 广州市财政局"), as signed under a document. */
export const looksLikeIssuer = (text: string): boolean =>
  text.length <= 40 &&
  !/[，。：:；;！？、“”《》0-9０-９]/u.test(text) &&
  text.split(/\s+/u).every((part) => ISSUER_ENDING.test(part));

/** （此件公开发布）, （此件不予公开）, （联系人：…） — the 附注 of a 公文. */
export const isAnnotationLine = (text: string): boolean =>
  /^[（(]\s*(?:此件|本件|联系人|联系电话)[^）)]{0,60}[）)]$/u.test(text);

/** The 版记 lines and publishing notes after the signature. */
export const isRecordLine = (text: string): boolean =>
  /^(?:抄送|抄报|分送|发送|主题词|公开方式|公开属性|信息公开选项|公开选项)\s*[:：]/u.test(text) ||
  (text.length <= 60 && /印发$/u.test(text) && containsDate(text));
