import { describe, expect, it } from 'vitest';
import { importReportFile } from '../../../../node/importers/registry';
import { decodeText } from '../../../../node/importers/text-decoding';
import { fixture, rejection } from './fixtures';

describe('txt importer', () => {
  // Every encoding of the fixture decodes to the UTF-8 file's text, exactly.
  const expected = new TextDecoder().decode(fixture('report.txt'));

  it.each([
    ['report.txt', 'UTF-8'],
    ['report-utf8-bom.txt', 'UTF-8'],
    ['report-gb18030.txt', 'GB18030'],
    ['report-utf16le.txt', 'UTF-16LE'],
    ['report-utf16be.txt', 'UTF-16BE'],
    ['report-utf16le-nobom.txt', 'UTF-16LE'],
  ])('reads %s as %s, the text exactly as decoded', async (name, encoding) => {
    const imported = await importReportFile(fixture(name), name);
    expect(imported.encoding).toBe(encoding);
    expect(imported.source.format).toBe('txt');
    expect(imported.source.text).toBe(expected);
    expect(imported.source.fileName).toBe(name);
  });

  it('keeps a text file as published: indentation, blank lines and tabs (only a BOM goes)', async () => {
    // The file is its own extracted text, so annotations and exports count the file's text.
    const text = '\u3000\u3000第一段。\r\n\r\n   \r\n索引号\tQS-1\t分类\t报告  \n\u3000第二段。';
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const imported = await importReportFile(bom, 'a.txt');
    expect(imported.source.text).toBe(text);
  });

  it('refuses text that is garbage in every encoding', async () => {
    const garbage = new Uint8Array(2001);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 151 + 7) % 256;
    const error = await rejection(importReportFile(garbage, 'noise.txt'));
    expect(error.code).toBe('unsupported-format');
    expect(error.message).toMatch(/^编码无法识别/u);
    expect(error.messageEn).toMatch(/^Unrecognised encoding/u);
  });

  it('never decodes GB18030 bytes as UTF-16 or UTF-8', () => {
    // Short Chinese texts are where detectors guess wrong; GB18030 must read back exactly.
    for (const text of ['报告', '一、总体情况', '（一）主动公开情况。本年度共公开信息1234条。']) {
      const gb = gbEncode(text);
      expect(decodeText(new TextEncoder().encode(text))?.text).toBe(text);
      expect(decodeText(gb)).toEqual({ text, encoding: 'GB18030' });
    }
  });
});

/** GB18030 bytes for BMP text, found by asking the decoder (Node has no GB encoder). */
function gbEncode(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (!table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else bytes.push(...(table.get(char) ?? []));
  }
  return new Uint8Array(bytes);
}
