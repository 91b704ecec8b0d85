// Property tests: whatever the bytes, importing ends in a report or a ViewerError with a plain
// message; and for .txt and .docx no character of the source's paragraphs is lost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ViewerError } from '../../../../core/api/errors';
import { importReportFile } from '../../../../node/importers/registry';
import { textToSource } from '../../../../node/importers/txt-importer';
import { fixture, fixtureParagraphs, inkOf } from './fixtures';
import { makeDocx, type DocxRun } from './make-docx';

async function importsOrRefuses(bytes: Uint8Array, name: string): Promise<void> {
  try {
    const imported = await importReportFile(bytes, name);
    expect(typeof imported.source.text).toBe('string');
  } catch (error) {
    if (!(error instanceof ViewerError)) throw error;
    expect(error.message).toMatch(/[\p{Script=Han}]/u);
    expect(error.messageEn).toMatch(/[A-Za-z]/u);
  }
}

const MAGIC: Record<string, number[]> = {
  none: [],
  zip: [0x50, 0x4b, 0x03, 0x04],
  ole: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  pdf: Array.from('%PDF-1.7\n', (c) => c.charCodeAt(0)),
  html: Array.from('<!DOCTYPE html><meta charset="gbk">', (c) => c.charCodeAt(0)),
  utf16: [0xff, 0xfe],
};

const FIXTURES = [
  'report.txt',
  'report-gb18030.txt',
  'report-utf16be.txt',
  'report.docx',
  'report.doc',
  'report.pdf',
  'report-paged.pdf',
  'saved-page-gbk.html',
  'image-only.pdf',
];

describe('importers never throw anything but a ViewerError', () => {
  it('on random bytes, with or without a format’s magic number', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(MAGIC)),
        fc.uint8Array({ maxLength: 3000 }),
        fc.constantFrom('a.txt', 'a.docx', 'a.doc', 'a.pdf', 'a.html', 'a.wps', 'a'),
        async (magic, body, name) => {
          const bytes = new Uint8Array([...(MAGIC[magic] ?? []), ...body]);
          await importsOrRefuses(bytes, name);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it.each(FIXTURES)(
    'on truncations of %s',
    async (name) => {
      const bytes = fixture(name);
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: bytes.length - 1 }), async (cut) => {
          await importsOrRefuses(bytes.subarray(0, cut), name);
        }),
        { numRuns: 15 },
      );
    },
    60_000,
  );

  it.each(FIXTURES.filter((n) => !n.endsWith('.txt')))(
    'on %s with bytes flipped',
    async (name) => {
      const original = fixture(name);
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.nat(original.length - 1), fc.nat(255)), {
            minLength: 1,
            maxLength: 20,
          }),
          async (flips) => {
            const bytes = original.slice();
            for (const [at, value] of flips) bytes[at] = value;
            await importsOrRefuses(bytes, name);
          },
        ),
        { numRuns: 10 },
      );
    },
    60_000,
  );
});

describe('no character of the source paragraphs is lost', () => {
  const paragraphs = fixtureParagraphs();

  it('.txt: any text of lines keeps every non-whitespace character, in order', () => {
    const line = fc.string({
      unit: fc.constantFrom(...'报告一、（）1.\t \u3000\u00a0abc年，。'.split('')),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        const text = lines.join('\n');
        expect(inkOf(textToSource(text, 'a.txt').text)).toBe(inkOf(text));
      }),
    );
  });

  it('.docx: any paragraphs of runs (bold, indents, soft breaks) keep every character', async () => {
    const text = fc.string({
      unit: fc.constantFrom(...'报告一、（）1.2 \u3000\u00a0abc年，。<&>"'.split('')),
      maxLength: 12,
    });
    const run: fc.Arbitrary<DocxRun> = fc.record({
      text,
      bold: fc.boolean(),
      breakBefore: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(run, { maxLength: 4 }), { maxLength: 8 }), async (doc) => {
        const ink = inkOf(
          doc
            .flat()
            .map((r) => r.text)
            .join(''),
        );
        try {
          const { source } = await importReportFile(makeDocx(doc), 'random.docx');
          expect(inkOf(source.text)).toBe(ink);
          // Every bold range covers text that was bold in the document.
          for (const range of source.bold ?? []) {
            const boldInk = inkOf(
              doc
                .flat()
                .filter((r) => r.bold)
                .map((r) => r.text)
                .join(''),
            );
            expect(boldInk).toContain(inkOf(source.text.slice(range.start, range.end)));
          }
        } catch (error) {
          // A document with no text at all is refused; nothing else may fail.
          expect(ink).toBe('');
          expect(error).toBeInstanceOf(ViewerError);
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it.each(['report.txt', 'report-gb18030.txt', 'report-utf16le.txt', 'report.docx'])(
    '%s: the fixture paragraphs, in order',
    async (name) => {
      const { source } = await importReportFile(fixture(name), name);
      expect(inkOf(source.text)).toBe(inkOf(paragraphs.join('')));
    },
  );
});
