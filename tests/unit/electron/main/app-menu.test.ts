import type { Menu, MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS, isCommand, type Command } from '../../../../core/commands';
import {
  appMenuTemplate,
  installAppMenu,
  type AppMenuSpec,
} from '../../../../electron/main/app-menu';
import { MENU_STRINGS, menuLabel } from '../../../../electron/main/menu-strings';
import { MenuMock } from '../../../mocks/electron';

function spec(overrides: Partial<AppMenuSpec> = {}): AppMenuSpec & { sent: Command[] } {
  const sent: Command[] = [];
  return {
    platform: 'linux',
    appName: '法治报告阅读器',
    devTools: false,
    send: (command) => sent.push(command),
    sent,
    ...overrides,
  };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu) : []),
  ]);
}

function byLabel(template: MenuItemConstructorOptions[], label: string) {
  const found = items(template).find((item) => item.label === label);
  if (found === undefined) throw new Error(`no menu item ${label}`);
  return found;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

const zh = MENU_STRINGS['zh-CN'];
const en = MENU_STRINGS.en;

describe('the application menu (Windows, Linux)', () => {
  const s = spec();
  const template = appMenuTemplate(s, { language: 'zh-CN', theme: 'dark' });

  it('has 文件, 编辑, 视图, 窗口, 帮助 with access keys', () => {
    expect(template.map((m) => m.label)).toEqual([
      '文件(&F)',
      '编辑(&E)',
      '视图(&V)',
      '窗口(&W)',
      '帮助(&H)',
    ]);
  });

  it.each([
    [zh.exportMarkdown, 'exportAnnotationsMarkdown', undefined],
    [zh.exportJson, 'exportAnnotationsJson', undefined],
    [zh.importAnnotations, 'importAnnotations', undefined],
    [zh.print, 'print', 'CmdOrCtrl+P'],
    [zh.undo, 'undo', 'CmdOrCtrl+Z'],
    [zh.redo, 'redo', 'CmdOrCtrl+Shift+Z'],
    [zh.copyCitation, 'copyCitation', undefined],
    [zh.find, 'find', 'CmdOrCtrl+F'],
    [zh.findNext, 'findNext', 'F3'],
    [zh.zoomIn, 'zoomIn', 'CmdOrCtrl+='],
    [zh.zoomOut, 'zoomOut', 'CmdOrCtrl+-'],
    [zh.zoomReset, 'zoomReset', 'CmdOrCtrl+0'],
    [zh.contents, 'toggleContents', undefined],
    [zh.annotations, 'toggleAnnotations', undefined],
    [zh.about, 'about', undefined],
    [zh.shortcuts, 'shortcuts', 'F1'],
    ['打开/导入报告…', 'importReport', 'CmdOrCtrl+O'],
    ['下一处改动', 'nextChange', 'F7'],
    ['上一处改动', 'previousChange', 'Shift+F7'],
  ] as const)('%s sends %s (accelerator %s)', (label, command, accelerator) => {
    const item = byLabel(template, label);
    expect(item.accelerator).toBe(accelerator);
    expect(item.role).toBeUndefined();
    s.sent.length = 0;
    click(item);
    expect(s.sent).toEqual([command]);
  });

  it('uses native roles for the clipboard, full screen, the window and quitting', () => {
    const roles = new Map(items(template).map((item) => [item.label, item.role]));
    expect(roles.get(zh.copy)).toBe('copy');
    expect(roles.get(zh.selectAll)).toBe('selectAll');
    expect(roles.get(zh.fullScreen)).toBe('togglefullscreen');
    expect(roles.get(zh.minimize)).toBe('minimize');
    expect(roles.get(zh.close)).toBe('close');
    expect(roles.get(zh.quit)).toBe('quit');
  });

  it('offers the four themes as radio items, the current one checked', () => {
    const themes = byLabel(template, zh.theme).submenu as MenuItemConstructorOptions[];
    expect(themes.map((t) => [t.label, t.type, t.checked])).toEqual([
      ['跟随系统', 'radio', false],
      ['浅色', 'radio', false],
      ['深色', 'radio', true],
      ['护眼', 'radio', false],
    ]);
    s.sent.length = 0;
    themes.forEach(click);
    expect(s.sent).toEqual(['themeSystem', 'themeLight', 'themeDark', 'themeSepia']);
  });

  it('sends only names from the command list, and has no Chromium page zoom or dev tools', () => {
    const all = items(template);
    s.sent.length = 0;
    for (const item of all) if (item.click) click(item);
    expect(s.sent.length).toBeGreaterThan(20);
    expect(s.sent.every((c) => isCommand(c))).toBe(true);
    const roles = all.map((item) => item.role);
    for (const role of ['zoomIn', 'zoomOut', 'resetZoom', 'toggleDevTools', 'reload']) {
      expect(roles).not.toContain(role);
    }
  });

  it('has a menu item for most commands', () => {
    s.sent.length = 0;
    for (const item of items(template)) if (item.click) click(item);
    const missing = COMMANDS.filter((c) => !s.sent.includes(c));
    // These act on a selection or on headings: the context menu and the page offer them.
    expect(missing.sort()).toEqual(['addNote', 'highlightSelection', 'searchSelection']);
  });
});

describe('the application menu, in English and on macOS', () => {
  it('speaks English when the settings say so', () => {
    const template = appMenuTemplate(spec(), { language: 'en', theme: 'system' });
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    expect(byLabel(template, en.print).accelerator).toBe('CmdOrCtrl+P');
    const languages = byLabel(template, en.language).submenu as MenuItemConstructorOptions[];
    expect(languages.map((l) => [l.label, l.checked])).toEqual([
      ['中文', false],
      ['English', true],
    ]);
  });

  it('leads with the app menu on macOS, without access-key marks', () => {
    const template = appMenuTemplate(spec({ platform: 'darwin' }), {
      language: 'zh-CN',
      theme: 'system',
    });
    expect(template.map((m) => m.label)).toEqual([
      '法治报告阅读器',
      '文件',
      '编辑',
      '视图',
      '窗口',
      '帮助',
    ]);
    const appMenu = template[0]!.submenu as MenuItemConstructorOptions[];
    expect(appMenu.map((i) => i.role ?? i.label)).toEqual(
      expect.arrayContaining([zh.about, 'services', 'hide', 'quit']),
    );
    // Quit and About live in the app menu there, not twice.
    expect(items(template).filter((i) => i.role === 'quit')).toHaveLength(1);
    expect(items(template).filter((i) => i.label === zh.about)).toHaveLength(1);
  });

  it('strips access keys only on macOS', () => {
    expect(menuLabel('文件(&F)', 'darwin')).toBe('文件');
    expect(menuLabel('&File', 'darwin')).toBe('File');
    expect(menuLabel('文件(&F)', 'win32')).toBe('文件(&F)');
  });

  it('adds reload and developer tools in development only', () => {
    const dev = appMenuTemplate(spec({ devTools: true }), { language: 'en', theme: 'system' });
    expect(items(dev).map((i) => i.role)).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools']),
    );
  });

  it('has the same items in both languages', () => {
    const shape = (language: 'zh-CN' | 'en') =>
      items(appMenuTemplate(spec(), { language, theme: 'system' })).map(
        (i) => i.role ?? i.type ?? i.accelerator ?? 'item',
      );
    expect(shape('en')).toEqual(shape('zh-CN'));
  });
});

describe('installAppMenu', () => {
  beforeEach(() => {
    MenuMock.buildFromTemplate.mockClear();
    MenuMock.setApplicationMenu.mockClear();
  });

  const install = () =>
    installAppMenu(MenuMock as unknown as typeof Menu, spec(), {
      language: 'zh-CN',
      theme: 'system',
    });

  it('shows the menu at once, in the settings language', () => {
    const menu = install();
    expect(MenuMock.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(MenuMock.applicationMenu?.template[0]?.label).toBe('文件(&F)');
    expect(menu.strings()).toBe(zh);
  });

  it('rebuilds when the language or theme changes, and only then', () => {
    const menu = install();
    menu.update({ language: 'zh-CN', theme: 'system' });
    expect(MenuMock.setApplicationMenu).toHaveBeenCalledTimes(1);
    menu.update({ language: 'en', theme: 'system' });
    expect(MenuMock.applicationMenu?.template[0]?.label).toBe('&File');
    expect(menu.strings()).toBe(en);
    menu.update({ language: 'en', theme: 'sepia' });
    expect(MenuMock.applicationMenu?.item(en.themeSepia)?.checked).toBe(true);
    expect(MenuMock.setApplicationMenu).toHaveBeenCalledTimes(3);
  });

  it('ignores settings the menu does not show', () => {
    const menu = install();
    const settings = { language: 'zh-CN', theme: 'system', fontSize: 20 } as const;
    menu.update(settings);
    expect(MenuMock.setApplicationMenu).toHaveBeenCalledTimes(1);
  });
});
