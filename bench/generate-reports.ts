/**
 * Generated report texts for the search-at-scale benchmark, written from this file's own
 * vocabulary (not from any published report): a title, a preamble and numbered sections
 * (一、 / (一) / 1.) of sentences put together by a seeded PRNG, with years, figures,
 * percentages, Latin abbreviations and the odd full-width digit, so normalisation and the
 * parser see what real reports contain. Each report draws its own topic words, so the library
 * has rare as well as common terms. Same seed, same text.
 */
import type { Random } from './prng';

const PLACES = [
  '东山区',
  '西河县',
  '南湖市',
  '北岭镇',
  '青石街道',
  '临江开发区',
  '云溪乡',
  '白塔新区',
];
const BODIES = [
  '区政府',
  '司法局',
  '市场监管局',
  '生态环境局',
  '住房城乡建设局',
  '教育局',
  '卫生健康委',
  '应急管理局',
  '数据局',
  '审计局',
];
const TOPICS = [
  '行政执法',
  '政务公开',
  '营商环境',
  '社会治理',
  '法律服务',
  '行政复议',
  '依法决策',
  '矛盾纠纷化解',
  '安全生产',
  '数字政府',
  '基层治理',
  '普法宣传',
  '合法性审查',
  '信用监管',
  '公共法律服务',
  '规范性文件',
  '生态保护',
  '食品安全',
  '城市更新',
  '乡村振兴',
  '执法监督',
  '权责清单',
  '信访工作',
  '应急处置',
];
const VERBS = [
  '持续推进',
  '全面落实',
  '深入开展',
  '进一步完善',
  '扎实做好',
  '加快构建',
  '不断健全',
  '严格规范',
  '稳步推行',
  '统筹协调',
];
const OBJECTS = [
  '工作机制',
  '制度体系',
  '考核评价',
  '监督检查',
  '队伍建设',
  '信息平台',
  '服务窗口',
  '专项行动',
  '培训轮训',
  '调研督导',
  '风险排查',
  '台账管理',
  '闭环处置',
  '协同联动',
  '标准规范',
  '示范创建',
];
const RESULTS = [
  '取得明显成效',
  '群众满意度稳步提升',
  '形成一批可复制经验',
  '问题整改到位',
  '工作质效持续提高',
  '获评省级示范单位',
  '办理时限压缩过半',
  '实现全覆盖',
  '案件数量同比下降',
  '社会反响良好',
];
const CONNECTORS = ['同时', '此外', '在此基础上', '与此同时', '截至年底', '全年', '一季度以来'];
const LATIN = ['APP', 'OA系统', '12345热线', 'AI辅助审查', 'GDP', 'PPP项目', 'ISO9001', 'e企办'];
const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
const HAN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function figure(random: Random): string {
  const n = 1 + random.int(9999);
  switch (random.int(6)) {
    case 0:
      return `${n}件`;
    case 1:
      return `${(random.int(1000) / 10).toFixed(1)}%`;
    case 2:
      return `${2015 + random.int(12)}年`;
    case 3:
      return `${n}万元`;
    case 4:
      // Now and then a figure typed in full width, as some reports have them.
      return `${String(n).replace(/\d/g, (d) => FULL_WIDTH_DIGITS[Number(d)]!)}人次`;
    default:
      return `${n}项`;
  }
}

function sentence(random: Random, topics: readonly string[], place: string): string {
  const parts = [
    random.next() < 0.3 ? `${random.pick(CONNECTORS)}，` : '',
    random.next() < 0.4 ? random.pick([place, random.pick(BODIES)]) : '',
    `${random.pick(VERBS)}${random.pick(topics)}${random.pick(OBJECTS)}`,
    random.next() < 0.5
      ? `，累计${random.pick(['办理', '受理', '审查', '培训', '检查'])}${figure(random)}`
      : '',
    random.next() < 0.15 ? `，依托${random.pick(LATIN)}` : '',
    `，${random.pick(RESULTS)}。`,
  ];
  return parts.join('');
}

function paragraph(
  random: Random,
  topics: readonly string[],
  place: string,
  sentences: number,
): string {
  return Array.from({ length: sentences }, () => sentence(random, topics, place)).join('');
}

/**
 * One report's text, of about `targetChars` characters: up to ten 一、 sections of up to ten
 * (一) sections each, every one holding numbered run-in paragraphs (1．…) and plain ones, so
 * a large report is long sections, as a 汇编 is, rather than thousands of headings.
 */
export function generateReport(random: Random, number: number, targetChars: number): string {
  const place = random.pick(PLACES);
  const year = 2016 + random.int(10);
  // Each report leans on a few topics, so terms are unevenly spread across the library.
  const topics = random.shuffle(TOPICS).slice(0, 4 + random.int(5));
  const title = `${place}${year}年度${random.pick(topics)}工作报告（第${number}号）`;
  const lines = [title, '', paragraph(random, topics, place, 3)];
  const tops = Math.min(10, 3 + Math.floor(targetChars / 20_000));
  const mids = Math.min(10, 2 + Math.floor(targetChars / 50_000));
  const perMid = targetChars / (tops * mids);
  for (let top = 0; top < tops; top++) {
    lines.push(`${HAN_NUMBERS[top]}、${random.pick(topics)}${random.pick(OBJECTS)}情况`);
    for (let mid = 0; mid < mids; mid++) {
      lines.push(`（${HAN_NUMBERS[mid]}）${random.pick(VERBS)}${random.pick(topics)}`);
      let chars = 0;
      for (let low = 1; chars < perMid; low++) {
        // Numbered run-in paragraphs first, then plain ones, as long sections have them.
        const body = paragraph(random, topics, place, 2 + random.int(5));
        const text =
          low <= 9 ? `${low}．${random.pick(VERBS)}${random.pick(OBJECTS)}。${body}` : body;
        lines.push(text);
        chars += text.length + 1;
      }
    }
  }
  return lines.join('\n') + '\n';
}

/** `count` reports of about `targetChars` characters each. */
export function generateReports(random: Random, count: number, targetChars: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    generateReport(random, i + 1, Math.round(targetChars * (0.5 + random.next()))),
  );
}
