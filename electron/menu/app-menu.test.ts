// The native menu: every label in Chinese and English, and each item sends its command to the renderer.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../contract/host-api.ts';
import { MENU_COMMANDS } from '../../contract/host-api.ts';
import { MENU_LABELS, buildMenuTemplate } from './app-menu.ts';

/** Every item with a label, flattened. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

/** Clicks an item as Electron would. */
function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('application menu', () => {
  it('is labelled in Chinese by default language zh and in English for en', () => {
    const zh = flatten(buildMenuTemplate('zh', () => {}))
      .map((item) => item.label)
      .filter(Boolean);
    const en = flatten(buildMenuTemplate('en', () => {}))
      .map((item) => item.label)
      .filter(Boolean);
    expect(zh).toEqual([
      '文件',
      '打开数据集…',
      '保存情景',
      '导出简报（PDF）…',
      '退出',
      '编辑',
      '视图',
      '语言',
      '简体中文',
      'English',
      '帮助',
      '关于社会救助政策仿真工作台',
    ]);
    expect(en).toEqual([
      'File',
      'Open Dataset…',
      'Save Scenario',
      'Export Briefing (PDF)…',
      'Quit',
      'Edit',
      'View',
      'Language',
      '简体中文',
      'English',
      'Help',
      'About Safety Net Workbench',
    ]);
    expect(Object.keys(MENU_LABELS.zh)).toEqual(Object.keys(MENU_LABELS.en));
  });

  it('sends every menu command of the contract from some item', () => {
    const sent: MenuCommand[] = [];
    const items = flatten(buildMenuTemplate('en', (command) => sent.push(command)));
    items.filter((item) => typeof item.click === 'function').forEach(click);
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('checks the current language', () => {
    const items = flatten(buildMenuTemplate('en', () => {}));
    expect(items.find((item) => item.label === 'English')?.checked).toBe(true);
    expect(items.find((item) => item.label === '简体中文')?.checked).toBe(false);
  });
});
