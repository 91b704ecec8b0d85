/**
 * Key-figures and comparison benchmark: extraction and comparison time on the bundled report
 * (against itself and against its revised edition) and on a ~5 MB report generated from the
 * hand-written figures fixture (against itself and against an edited copy). Prints a Markdown
 * table; asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { compareReports } from '../core/compare';
import { extractFigures } from '../core/figures';
import { parseReport } from '../core/report/parse-report';
import { markdownTable } from './markdown-table';
import { seededRandom, type Random } from './prng';
import { medianTimeMs, timeMs } from './stats';

const BUNDLED = new URL(
  '../resources/reports/jiangning-2023-rule-of-law-government-report.txt',
  import.meta.url,
);
const REVISED = new URL('../tests/fixtures/reports/revised-jiangning.txt', import.meta.url);
const SENTENCE_SOURCE = new URL('../tests/fixtures/figures/labelled-report.txt', import.meta.url);

const TARGET_BYTES = 5 * 1024 * 1024;
const LEVEL1 = '一二三四五六七八九';
const LEVEL2 = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** Paragraphs edited, removed and added in the second generated edition. */
const EDIT_RATE = 0.02;
const REMOVE_RATE = 0.005;
const ADD_RATE = 0.005;

function chineseNumber(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (
    (tens === 0 ? '' : tens === 1 ? '十' : `${LEVEL1[tens - 1]}十`) + (ones ? LEVEL1[ones - 1] : '')
  );
}

/** The sentences of our own fixture, as material for generated paragraphs. */
function sentencePool(): string[] {
  const text = readFileSync(SENTENCE_SOURCE, 'utf8');
  return text
    .split('\n')
    .map((line) =>
      line.replace(/^(?:\d+\.|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)/u, ''),
    )
    .flatMap((line) => line.match(/[^。；]+[。；]/gu) ?? [])
    .filter((sentence) => sentence.length >= 8);
}

const withNewDigits = (text: string, random: Random): string =>
  text.replace(/[0-9]/gu, () => String(random.int(10)));

/** A report of about `bytes` UTF-8 bytes: 一、 > (一) > 1. sections, each with body paragraphs. */
function generateReport(bytes: number, random: Random): string[] {
  const pool = sentencePool();
  const paragraph = (): string =>
    Array.from({ length: 2 + random.int(3) }, () => withNewDigits(random.pick(pool), random)).join(
      '',
    );
  const lines = ['生成的年度报告（基准测试）', paragraph()];
  let size = 0;
  for (let a = 1; a <= 99 && size < bytes; a++) {
    lines.push(`${chineseNumber(a)}、第${a}部分工作情况`);
    for (const b of LEVEL2) {
      lines.push(`（${b}）${random.pick(pool).slice(0, 12)}`);
      for (let c = 1; c <= 12; c++) {
        lines.push(`${c}.${random.pick(pool).slice(0, 10)}。${paragraph()}`);
        lines.push(paragraph());
        size += Buffer.byteLength(lines.at(-1)! + lines.at(-2)!, 'utf8');
      }
    }
  }
  return lines;
}

/** A later edition: a few paragraphs with new numbers, a few removed, a few added. */
function editEdition(lines: readonly string[], random: Random): string[] {
  const result: string[] = [];
  for (const line of lines) {
    const roll = random.next();
    if (roll < REMOVE_RATE && !/^[（一二三四五六七八九十\d]/u.test(line)) continue;
    result.push(roll < REMOVE_RATE + EDIT_RATE ? withNewDigits(line, random) : line);
    if (random.next() < ADD_RATE) result.push(`新增段落：${line.slice(-40)}`);
  }
  return result;
}

interface Row {
  name: string;
  text: string;
  other: string;
  otherName: string;
}

export function runFiguresBench(): void {
  const random = seededRandom(13);
  const generated = generateReport(TARGET_BYTES, random);
  const bundled = readFileSync(BUNDLED, 'utf8');
  const rows: Row[] = [
    {
      name: 'bundled report',
      text: bundled,
      other: readFileSync(REVISED, 'utf8'),
      otherName: 'revised edition',
    },
    {
      name: 'generated report',
      text: generated.join('\n'),
      other: editEdition(generated, random).join('\n'),
      otherName: 'edited copy',
    },
  ];

  const table = rows.map((row) => {
    const doc = parseReport(row.text);
    const other = parseReport(row.other);
    const repeats = row.text.length > 100_000 ? 3 : 20;
    const figures = extractFigures(doc);
    const extractMs = medianTimeMs(() => extractFigures(doc), repeats);
    const selfMs = medianTimeMs(() => compareReports(doc, doc), repeats);
    let comparison = compareReports(doc, other);
    const otherMs = medianTimeMs(() => {
      comparison = compareReports(doc, other);
    }, repeats);
    const parseMs = timeMs(() => parseReport(row.text));
    return [
      row.name,
      `${(Buffer.byteLength(row.text, 'utf8') / 1024 / 1024).toFixed(2)} MB`,
      String(doc.paragraphs.length),
      String(figures.length),
      parseMs.toFixed(1),
      extractMs.toFixed(1),
      selfMs.toFixed(1),
      `${otherMs.toFixed(1)} (${row.otherName})`,
      `${comparison.changes.length} / ${comparison.figureChanges.length}`,
    ];
  });

  console.log('\n## Key figures and comparison\n');
  console.log(
    markdownTable(
      [
        'report',
        'size',
        'paragraphs',
        'figures',
        'parse ms',
        'extract figures ms',
        'compare with itself ms',
        'compare with another edition ms',
        'changes / figure changes',
      ],
      table,
    ),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) runFiguresBench();
