// The native application menu in Simplified Chinese and English; items send a `MenuCommand` to the renderer.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, UiLanguage } from '../../contract/host-api.ts';

/** Labels of the menu in both languages (Chinese first). */
export const MENU_LABELS = {
  zh: {
    file: '文件',
    openDataset: '打开数据集…',
    saveScenario: '保存情景',
    exportBriefing: '导出简报（PDF）…',
    quit: '退出',
    edit: '编辑',
    view: '视图',
    language: '语言',
    chinese: '简体中文',
    english: 'English',
    help: '帮助',
    about: '关于社会救助政策仿真工作台',
  },
  en: {
    file: 'File',
    openDataset: 'Open Dataset…',
    saveScenario: 'Save Scenario',
    exportBriefing: 'Export Briefing (PDF)…',
    quit: 'Quit',
    edit: 'Edit',
    view: 'View',
    language: 'Language',
    chinese: '简体中文',
    english: 'English',
    help: 'Help',
    about: 'About Safety Net Workbench',
  },
} as const satisfies Record<UiLanguage, Record<string, string>>;

/** Builds the menu template for `language`; `send` delivers a command to the renderer. */
export function buildMenuTemplate(
  language: UiLanguage,
  send: (command: MenuCommand) => void,
  platform: NodeJS.Platform = process.platform,
): MenuItemConstructorOptions[] {
  const t = MENU_LABELS[language];
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator !== undefined ? { accelerator } : {}),
    click: () => send(command),
  });
  return [
    {
      label: t.file,
      submenu: [
        item(t.openDataset, 'open-dataset', 'CmdOrCtrl+O'),
        item(t.saveScenario, 'save-scenario', 'CmdOrCtrl+S'),
        item(t.exportBriefing, 'export-briefing', 'CmdOrCtrl+P'),
        { type: 'separator' },
        item(t.quit, 'quit', platform === 'darwin' ? 'Cmd+Q' : 'Ctrl+Q'),
      ],
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: t.view,
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: t.language,
      submenu: [
        { ...item(t.chinese, 'language-zh'), type: 'radio', checked: language === 'zh' },
        { ...item(t.english, 'language-en'), type: 'radio', checked: language === 'en' },
      ],
    },
    { label: t.help, submenu: [item(t.about, 'about')] },
  ];
}
