import type { ContextMenuParams, Menu, WebContents } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Command } from '../../../../core/commands';
import { attachContextMenu } from '../../../../electron/main/context-menu';
import { translator } from '../../../../core/i18n/messages';
import { MENU_STRINGS } from '../../../../electron/main/menu-strings';
import { MenuMock, WebContentsMock } from '../../../mocks/electron';

const zh = MENU_STRINGS['zh-CN'];
const NO_EDIT = {
  canUndo: false,
  canRedo: false,
  canCut: false,
  canCopy: false,
  canPaste: false,
  canDelete: false,
  canSelectAll: true,
  canEditRichly: false,
};

function params(fields: Partial<ContextMenuParams> = {}): Partial<ContextMenuParams> {
  return { x: 10, y: 20, selectionText: '', isEditable: false, editFlags: NO_EDIT, ...fields };
}

describe('the context menu', () => {
  let contents: WebContentsMock;
  let sent: Command[];

  function setUp(devTools: boolean, strings = zh) {
    contents = new WebContentsMock();
    sent = [];
    attachContextMenu(contents as unknown as WebContents, MenuMock as unknown as typeof Menu, {
      strings: () => strings,
      translate: () => translator(strings === zh ? 'zh-CN' : 'en'),
      send: (command) => sent.push(command),
      devTools,
    });
  }

  /** Right-clicks with these params; returns the menu that popped up, if any. */
  function rightClick(fields: Partial<ContextMenuParams>): MenuMock | undefined {
    const before = MenuMock.built.length;
    contents.emit('context-menu', {}, params(fields));
    const menu = MenuMock.built[before];
    if (menu) expect(menu.popup).toHaveBeenCalledTimes(1);
    return menu;
  }

  beforeEach(() => setUp(false));

  it('offers copy, copy with citation, highlight, note and search on selected text', () => {
    const menu = rightClick({ selectionText: '行政复议' })!;
    const labels = menu.template.filter((i) => i.type !== 'separator').map((i) => i.label);
    expect(labels).toEqual(['复制', '复制引用', '高亮', '添加批注', '搜索所选文字']);
    expect(menu.item('复制')?.role).toBe('copy');
    for (const label of labels.slice(1))
      menu.item(label!)?.click?.(null as never, null as never, null as never);
    expect(sent).toEqual(['copyCitation', 'highlightSelection', 'addNote', 'searchSelection']);
  });

  it('shows nothing without a selection, or on whitespace only', () => {
    expect(rightClick({ selectionText: '' })).toBeUndefined();
    expect(rightClick({ selectionText: ' \n\t' })).toBeUndefined();
  });

  it('offers the editing roles in a text field, enabled as Chromium says', () => {
    const menu = rightClick({
      isEditable: true,
      selectionText: 'abc',
      editFlags: { ...NO_EDIT, canCopy: true, canPaste: true },
    })!;
    const items = menu.template.filter((i) => i.type !== 'separator');
    expect(items.map((i) => [i.role, i.enabled])).toEqual([
      ['cut', false],
      ['copy', true],
      ['paste', true],
      ['selectAll', true],
    ]);
  });

  it('never offers "Inspect element" in production', () => {
    const labels = rightClick({ selectionText: 'x' })!.template.map((i) => i.label);
    expect(labels).not.toContain(zh.inspect);
  });

  it('offers "Inspect element" in development, at the clicked point', () => {
    setUp(true);
    const menu = rightClick({})!;
    menu.item(zh.inspect)?.click?.(null as never, null as never, null as never);
    expect(contents.inspectElement).toHaveBeenCalledWith(10, 20);
  });

  it('speaks the current language', () => {
    setUp(false, MENU_STRINGS.en);
    const menu = rightClick({ selectionText: 'x' })!;
    expect(menu.item('Copy with Citation')).toBeDefined();
  });
});
