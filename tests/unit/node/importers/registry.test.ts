import { describe, expect, it } from 'vitest';
import {
  importReportFile,
  importerFor,
  isSupportedFileName,
} from '../../../../node/importers/registry';
import { fixture, rejection } from './fixtures';

/** A minimal stored zip holding the given (empty) entries, enough for the sniffer. */
function zipWith(names: string[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

describe('importReportFile: refusals name the format and what to do', () => {
  it.each([
    ['empty file', new Uint8Array(0), 'empty.txt', /^这个文件是空的/u],
    [
      'ELF binary',
      Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(60).fill(0)]),
      'report.txt',
      /^这是程序文件/u,
    ],
    [
      'Windows program',
      Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]),
      'setup.exe',
      /^这是程序文件/u,
    ],
    ['zip archive', fixture('archive.zip'), 'reports.zip', /^这是压缩包/u],
    ['OFD', zipWith(['OFD.xml', 'Doc_0/Document.xml']), '许可证.ofd', /^OFD 版式文件/u],
    ['xlsx', zipWith(['[Content_Types].xml', 'xl/workbook.xml']), '统计.xlsx', /^这是电子表格/u],
    ['pptx', zipWith(['ppt/presentation.xml']), '汇报.pptx', /^这是演示文稿/u],
    ['odt', zipWith(['mimetype', 'content.xml']), '报告.odt', /^这种办公文档格式暂不支持/u],
    [
      'PNG image',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
      'scan.png',
      /^这是图片/u,
    ],
    ['JPEG image', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'scan.jpg', /^这是图片/u],
    ['gzip', Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0]), 'a.tar.gz', /^这是压缩包/u],
    ['image-only PDF', fixture('image-only.pdf'), 'flow.pdf', /^这是扫描件或图片型 PDF/u],
  ])('%s', async (_label, bytes, name, message) => {
    const error = await rejection(importReportFile(bytes, name));
    expect(error.code).toBe('unsupported-format');
    expect(error.message).toMatch(message);
    expect(error.messageEn.length).toBeGreaterThan(20);
  });

  it('refuses random bytes with a plain message', async () => {
    const bytes = new Uint8Array(4096);
    let seed = 42;
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      bytes[i] = seed >> 16;
    }
    const error = await rejection(importReportFile(bytes, 'random.bin'));
    expect(error.code).toBe('unsupported-format');
    expect(error.message).toMatch(/^无法识别这个文件的格式/u);
    const named = await rejection(importReportFile(bytes, 'random.txt'));
    expect(named.message).toMatch(/^编码无法识别/u);
  });

  it('refuses a file over its format’s size limit, saying so', async () => {
    const big = new Uint8Array(33 * 1024 * 1024).fill(0x41);
    const error = await rejection(importReportFile(big, 'big.txt'));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/^文件太大/u);
    expect(error.message).toContain('32.0 MB');
  });

  it('refuses a spreadsheet by its name when its bytes are plain text (CSV)', async () => {
    const error = await rejection(
      importReportFile(new TextEncoder().encode('a,b\n1,2'), 'data.csv'),
    );
    expect(error.message).toMatch(/^这是电子表格/u);
  });
});

describe('sniffing goes by the bytes first', () => {
  it('reads a .docx named .txt as Word, and a PDF named .doc as PDF', async () => {
    expect((await importReportFile(fixture('report.docx'), 'report.txt')).source.format).toBe(
      'docx',
    );
    expect((await importReportFile(fixture('report.pdf'), 'report.doc')).source.format).toBe('pdf');
    expect(importerFor(fixture('saved-page-gbk.html')).format).toBe('html');
    expect(importerFor(fixture('report.doc')).format).toBe('doc');
    expect(importerFor(fixture('report-gb18030.txt')).format).toBe('txt');
  });

  it('lists the supported names for a folder listing', () => {
    for (const name of ['a.txt', 'b.DOCX', 'c.doc', 'd.htm', 'e.html', 'f.pdf', '报告.PDF']) {
      expect(isSupportedFileName(name), name).toBe(true);
    }
    for (const name of ['a.ofd', 'b.wps', 'c.xlsx', 'd.zip', 'e', '.txt', 'f.txt.exe']) {
      expect(isSupportedFileName(name), name).toBe(false);
    }
  });
});
