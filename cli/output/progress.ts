// A progress bar on stderr for long runs; silent when stderr is not a terminal or when disabled (e.g. --json --quiet).

/** Something that reports progress as a fraction of work done, with a short bilingual label. */
export interface Progress {
  update(done: number, total: number, label: string): void;
  finish(): void;
}

/** Writable the bar draws on (process.stderr in the CLI). */
export interface ProgressSink {
  isTTY?: boolean;
  write(text: string): boolean;
}

const WIDTH = 28;

/** Renders one bar line, e.g. `[#######.....]  45% 第3年 / year 3`. */
export function renderProgress(done: number, total: number, label: string): string {
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const filled = Math.round(fraction * WIDTH);
  const percent = String(Math.round(fraction * 100)).padStart(3, ' ');
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${percent}% ${label}`;
}

/** Creates a progress bar on `sink`; a no-op when `enabled` is false or the sink is not a terminal. */
export function createProgress(sink: ProgressSink, enabled: boolean): Progress {
  if (!enabled || sink.isTTY !== true) {
    return { update: () => undefined, finish: () => undefined };
  }
  let drawn = false;
  return {
    update(done, total, label) {
      sink.write(`\r${renderProgress(done, total, label)}\u001b[K`);
      drawn = true;
    },
    finish() {
      if (drawn) sink.write('\r\u001b[K');
      drawn = false;
    },
  };
}
