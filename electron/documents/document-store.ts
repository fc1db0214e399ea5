// Atomic JSON document storage for settings, workspace, scenarios and mappings: write a temporary file, fsync it,
// keep the previous version as `.bak`, rename into place, fsync the folder. Loading falls back to `.bak` when the main
// file is missing or unparseable, and reports `recovered: true`. Plain Node (no Electron) so a test can kill a writer.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { MAX_DOCUMENT_BYTES } from '../../contract/host-api.ts';
import type { DocumentKind, JsonValue, LoadedDocument } from '../../contract/host-api.ts';

/** Error a caller can show: a code and a bilingual message naming the file. */
export class DocumentStoreError extends Error {
  /** Builds the error with its bilingual message and a machine-readable code. */
  constructor(
    readonly code: 'too-large' | 'io-failed',
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`${messageZh} / ${messageEn}`);
  }
}

/** Writes `bytes` to `target` atomically: temp file in the same folder, fsync, rename, fsync the folder. */
export async function writeFileAtomic(target: string, bytes: Uint8Array | string, keepBackup = false): Promise<void> {
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (keepBackup) await backupIfValid(target);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

/** Copies the current file to `.bak` (atomically) if it parses, so a corrupt main file never overwrites a good backup. */
async function backupIfValid(target: string): Promise<void> {
  const current = await readJson(target);
  if (current.status !== 'ok') return;
  const backupTemp = `${target}.bak.${process.pid}.tmp`;
  await copyFile(target, backupTemp);
  const handle = await open(backupTemp, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(backupTemp, `${target}.bak`);
}

/** fsyncs a directory so a rename survives power loss; ignored where directories cannot be opened (Windows). */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    return;
  }
}

type ReadOutcome = { status: 'ok'; data: JsonValue } | { status: 'missing' } | { status: 'corrupt' };

/** Reads and parses a JSON file, telling apart missing and corrupt files. */
async function readJson(file: string): Promise<ReadOutcome> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return { status: 'missing' };
    return { status: 'corrupt' };
  }
  try {
    const data: JsonValue = JSON.parse(text);
    return { status: 'ok', data };
  } catch {
    return { status: 'corrupt' };
  }
}

/** The documents of one user, stored as `<dir>/<kind>.json` with `<kind>.json.bak` as the previous version. */
export class DocumentStore {
  /** Stores documents under `dir` (the app's userData/documents folder in the shell). */
  constructor(readonly dir: string) {}

  /** Path of the main file of a document kind. */
  pathOf(kind: DocumentKind): string {
    return path.join(this.dir, `${kind}.json`);
  }

  /** Saves a document atomically, keeping the previous good version as `.bak`. */
  async save(kind: DocumentKind, data: JsonValue): Promise<string> {
    const text = JSON.stringify(data);
    if (Buffer.byteLength(text, 'utf8') > MAX_DOCUMENT_BYTES) {
      throw new DocumentStoreError(
        'too-large',
        `文档“${kind}”超过 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB，未保存`,
        `document "${kind}" exceeds ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB and was not saved`,
      );
    }
    const target = this.pathOf(kind);
    try {
      await writeFileAtomic(target, text, true);
    } catch (error) {
      throw new DocumentStoreError(
        'io-failed',
        `无法保存文档 ${target}：${String(error)}`,
        `could not save document ${target}: ${String(error)}`,
      );
    }
    return target;
  }

  /** Loads a document; a missing or corrupt main file falls back to `.bak` (`recovered: true`); none gives null. */
  async load(kind: DocumentKind): Promise<LoadedDocument> {
    const main = await readJson(this.pathOf(kind));
    if (main.status === 'ok') return { data: main.data };
    const backup = await readJson(`${this.pathOf(kind)}.bak`);
    if (backup.status === 'ok') return { data: backup.data, recovered: true };
    return main.status === 'corrupt' || backup.status === 'corrupt' ? { data: null, recovered: true } : { data: null };
  }
}
