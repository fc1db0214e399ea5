// Column headers as a user's file spells them, and the pairs that would be confused: names equal after trimming, case
// folding and full-width → half-width normalisation (`weight ` vs `weight`, `Weight` vs `weight`, `ｗｅｉｇｈｔ`). DuckDB would
// rename one of a pair silently and the wrong column could be used, so such a file is refused naming both.

/** A header as compared: NFKC (full-width → half-width), trimmed, lower case. */
export function headerKey(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

/** Pairs of headers (by 0-based position) that are equal after {@link headerKey}; each later one against the first. */
export function collidingHeaders(names: readonly string[]): { first: number; second: number }[] {
  const seen = new Map<string, number>();
  const out: { first: number; second: number }[] = [];
  names.forEach((name, i) => {
    const key = headerKey(name);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else out.push({ first, second: i });
  });
  return out;
}

/**
 * The header fields of CSV text (first record; RFC 4180 quotes and doubled quotes; a leading BOM dropped), read
 * before DuckDB so names are seen exactly as written.
 */
export function csvHeaderFields(text: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') break;
    else field += ch;
  }
  fields.push(field);
  return fields;
}
