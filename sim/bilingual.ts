// The one bilingual vocabulary of the workbench: text in both languages, the typed error every layer throws or returns,
// and the one conversion of either into the reader's language. Environment-free: every layer may import it.

/** The two languages of the workbench, Simplified Chinese first. */
export type Language = 'zh' | 'en';

/**
 * Text in both languages (labels, units, captions), Simplified Chinese first. `T` is text unless a layout value
 * depends on the language (a column width, a list of headers).
 */
export interface Bilingual<T = string> {
  zh: T;
  en: T;
}

/** The BCP 47 tag of each language (the page's `lang`, Intl formatting). */
export const LANGUAGE_TAG: Bilingual = { zh: 'zh-CN', en: 'en' };

/** Builds a bilingual value. */
export function bi<T = string>(zh: T, en: T): Bilingual<T> {
  return { zh, en };
}

/** The value in the reader's language. */
export function inLanguage<T = string>(text: Bilingual<T>, language: Language): T {
  return text[language];
}

/** Fills `{name}` placeholders in one message. */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** Fills `{name}` placeholders in both languages at once. */
export function fillText(text: Bilingual, values: Record<string, string | number>): Bilingual {
  return { zh: fill(text.zh, values), en: fill(text.en, values) };
}

/**
 * A user-facing error (or notice) as a plain value: a stable code, the message in both languages and, when the problem
 * has a place, the field paths, file, column and row. The message fields are flat so the value crosses a worker's
 * postMessage, IPC and the context bridge unchanged; `WorkbenchError` is the same thing as a throwable.
 */
export interface ErrorInfo {
  /** Stable machine-readable code (e.g. 'invalid-request'); absent on plain notices. */
  code?: string;
  messageZh: string;
  messageEn: string;
  /** Field paths the message is about (scenario fields, form fields). */
  paths?: string[];
  /** File the problem is in. */
  file?: string;
  /** Column the problem is in. */
  column?: string;
  /** Row the problem is on (1-based, as a reader counts). */
  row?: number;
}

/** The message of an error as bilingual text. */
export function messageOf(info: Pick<ErrorInfo, 'messageZh' | 'messageEn'>): Bilingual {
  return { zh: info.messageZh, en: info.messageEn };
}

/**
 * The one conversion of an error into text: the message in the reader's language, followed by its file, column and
 * row when it carries them and the message does not name them already.
 */
export function errorText(info: ErrorInfo, language: Language): string {
  const message = messageOf(info)[language];
  const place: Bilingual[] = [];
  if (info.file !== undefined && !message.includes(info.file)) place.push(bi(info.file, info.file));
  if (info.column !== undefined && !message.includes(info.column)) {
    place.push(bi(`列 ${info.column}`, `column ${info.column}`));
  }
  if (info.row !== undefined) place.push(bi(`第 ${info.row} 行`, `row ${info.row}`));
  if (place.length === 0) return message;
  const where = bi(place.map((p) => p.zh).join('，'), place.map((p) => p.en).join(', '));
  return inLanguage(bi(`${message}（${where.zh}）`, `${message} (${where.en})`), language);
}

/** Both languages on one line, Chinese first: the text of a thrown error and of logs. */
export function errorTextBoth(info: ErrorInfo): string {
  return `${errorText(info, 'zh')} / ${errorText(info, 'en')}`;
}

/** True when `value` carries a bilingual message (a `WorkbenchError` or a plain error value, e.g. across IPC). */
export function isErrorInfo(value: unknown): value is ErrorInfo {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorInfo).messageZh === 'string' &&
    typeof (value as ErrorInfo).messageEn === 'string'
  );
}

/**
 * Turns anything thrown into an error value: a bilingual error keeps its code, message and place; anything else
 * becomes `what` followed by its own message (e.g. `计算失败：…` / `run failed: …`).
 */
export function errorInfoOf(error: unknown, what: Bilingual): ErrorInfo {
  if (isErrorInfo(error)) {
    const info: ErrorInfo = { messageZh: String(error.messageZh), messageEn: String(error.messageEn) };
    if (typeof error.code === 'string') info.code = error.code;
    if (Array.isArray(error.paths) && error.paths.length > 0) info.paths = error.paths.map(String);
    if (typeof error.file === 'string') info.file = error.file;
    if (typeof error.column === 'string') info.column = error.column;
    if (typeof error.row === 'number') info.row = error.row;
    return info;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { messageZh: `${what.zh}：${detail}`, messageEn: `${what.en}: ${detail}` };
}

/** A throwable bilingual error with a typed code: every error class of the workbench extends it. */
export class WorkbenchError<Code extends string = string> extends Error implements ErrorInfo {
  readonly code: Code;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly paths: string[];
  readonly file?: string;
  readonly column?: string;
  readonly row?: number;

  /** Builds the error from its value; `code` falls back to `defaultCode`. */
  constructor(info: ErrorInfo & { code?: Code }, defaultCode?: Code) {
    super(errorTextBoth(info));
    this.name = new.target.name;
    this.code = (info.code ?? defaultCode ?? 'error') as Code;
    this.messageZh = info.messageZh;
    this.messageEn = info.messageEn;
    this.paths = info.paths ?? [];
    if (info.file !== undefined) this.file = info.file;
    if (info.column !== undefined) this.column = info.column;
    if (info.row !== undefined) this.row = info.row;
  }

  /** The error as a plain value (for postMessage, IPC and the context bridge). */
  toInfo(): ErrorInfo & { code: Code } {
    return { ...errorInfoOf(this, { zh: '', en: '' }), code: this.code };
  }
}
