// One CSV text cell for every CSV writer (the CLI's result files and the app's exports): formula injection neutralised
// as OWASP recommends (a cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`, so Excel,
// LibreOffice and Sheets show it as text instead of running it), then RFC 4180 quoting. Numbers are not text: writers
// format them as numbers (a negative number stays a number), so only text from users' files passes through here.

/** Characters that make a spreadsheet treat a cell as a formula (or that hide one behind whitespace). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text with a leading `'` when a spreadsheet would read it as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A CSV field for text: neutralised, then quoted when it holds a comma, quote or line break, or starts with `#` (so
 * readers that skip `#` comment lines do not drop it).
 */
export function csvTextField(text: string): string {
  const safe = neutraliseFormula(text);
  return /[",\r\n]/.test(safe) || safe.startsWith('#') ? `"${safe.replaceAll('"', '""')}"` : safe;
}
