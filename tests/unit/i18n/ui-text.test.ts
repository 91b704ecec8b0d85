/**
 * All UI text lives in the i18n tables (core/i18n/messages.ts): no Chinese string literal or JSX
 * text in the renderer or the Electron shell outside them, and every key in both languages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../core/i18n/messages';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every string literal, template piece and JSX text of a file with Han characters in it. */
function chineseLiterals(file: string, text: string): string[] {
  const found: string[] = [];
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteralLike(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      if (HAN.test(node.text)) found.push(node.text.trim());
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('UI text', () => {
  const files = [
    ...sourceFiles(path.join(root, 'renderer')),
    ...sourceFiles(path.join(root, 'electron')),
  ].filter((file) => !file.endsWith(path.join('renderer', 'i18n.ts')));

  it('finds the checker working on a file that has a literal', () => {
    expect(chineseLiterals('x.tsx', "const a = '报告'; const b = <p>目录</p>; // 注释")).toEqual([
      '报告',
      '目录',
    ]);
  });

  it.each(files.map((f) => [path.relative(root, f), f]))(
    '%s has no Chinese literal outside the i18n tables',
    (_name, file) => {
      expect(chineseLiterals(file, readFileSync(file, 'utf8'))).toEqual([]);
    },
  );

  it('has every key in both languages, none empty, English without Chinese', () => {
    const zhKeys = Object.keys(MESSAGES['zh-CN']).sort();
    expect(Object.keys(MESSAGES.en).sort()).toEqual(zhKeys);
    for (const key of zhKeys) {
      const k = key as keyof (typeof MESSAGES)['en'];
      expect(MESSAGES['zh-CN'][k], key).toMatch(/\S/);
      expect(MESSAGES.en[k], key).toMatch(/\S/);
      // A language's own name is the one place the other script belongs.
      if (!/^language(Zh|En)Name$|^menuLanguage$/.test(key)) {
        expect(HAN.test(MESSAGES.en[k]), `${key}: ${MESSAGES.en[k]}`).toBe(false);
      }
    }
  });
});
