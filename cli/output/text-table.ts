// Plain-text tables for the terminal, aligned by display width so Chinese characters (two columns wide) line up.

/** Display width of a string in a terminal: East Asian wide characters count as two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** Formats rows under a header; columns listed in `rightAlign` (numbers) are right-aligned. */
export function formatTextTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  rightAlign: readonly number[] = [],
): string {
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[c] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => pad(cell, widths[c], rightAlign.includes(c)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Formats a number with fixed decimals and thousands separators (deterministic, locale-free). */
export function formatNumber(value: number, decimals = 1): string {
  if (!Number.isFinite(value)) return '—';
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, frac] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}
