// The attacker of disclosure-control tests: knows the published cells of region × area tables and the additive
// relations between them (urban + rural = all, regions → province → nation by their codes, and given links such as
// baseline + delta = scenario), nothing else, and recovers what it can by substitution and by the linear system's rank.
// Written apart from sim/run/disclosure.ts on purpose: it reads the relations off the published codes.

/** One published cell: `key` = `table|level|code|area` (area `urban`, `rural` or `all`). */
export interface PublishedCell {
  key: string;
  /** The published value (ignored when suppressed). */
  value: number;
  suppressed: boolean;
}

/** Area names of the engine's area codes 0, 1, 2. */
export const ATTACK_AREAS = ['urban', 'rural', 'all'] as const;

/** The key of a cell. */
export function cellKey(table: string, level: string, code: string, area: number | string): string {
  return `${table}|${level}|${code}|${typeof area === 'number' ? ATTACK_AREAS[area] : area}`;
}

/**
 * Every additive relation among the cells, as [total, ...parts]: within each table, all = urban + rural, the national
 * row = the provinces, a province = the regions whose code starts with its code; across tables, each
 * `[total, a, b]` link relates the same cell of three tables (e.g. ['scenario', 'baseline', 'delta']).
 */
export function attackRelations(
  cells: ReadonlyMap<string, PublishedCell>,
  links: readonly (readonly [string, string, string])[] = [],
): string[][] {
  const byTable = new Map<string, Map<string, Set<string>>>();
  for (const key of cells.keys()) {
    const [table, level, code] = key.split('|');
    const levels = byTable.get(table) ?? new Map<string, Set<string>>();
    byTable.set(table, levels);
    const codes = levels.get(level) ?? new Set<string>();
    levels.set(level, codes);
    codes.add(code);
  }
  const relations: string[][] = [];
  for (const [table, levels] of byTable) {
    for (const [level, codes] of levels) {
      for (const code of codes) relations.push(['all', 'urban', 'rural'].map((a) => cellKey(table, level, code, a)));
    }
    const provinces = [...(levels.get('province') ?? [])];
    const regions = [...(levels.get('region') ?? [])];
    for (const area of ATTACK_AREAS) {
      if (levels.has('national') && provinces.length > 0) {
        relations.push([
          cellKey(table, 'national', '00', area),
          ...provinces.map((p) => cellKey(table, 'province', p, area)),
        ]);
      }
      for (const p of provinces) {
        const children = regions.filter((c) => c.startsWith(p));
        if (children.length > 0) {
          relations.push([
            cellKey(table, 'province', p, area),
            ...children.map((c) => cellKey(table, 'region', c, area)),
          ]);
        }
      }
    }
  }
  for (const [total, a, b] of links) {
    for (const key of cells.keys()) {
      if (!key.startsWith(`${total}|`)) continue;
      const rest = key.slice(total.length + 1);
      relations.push([key, `${a}|${rest}`, `${b}|${rest}`]);
    }
  }
  return relations.filter((rel) => rel.every((k) => cells.has(k)));
}

/** Substitution to a fixed point: a relation with one unknown gives it away. Returns the recovered cells' values. */
export function substitutionAttack(
  cells: ReadonlyMap<string, PublishedCell>,
  relations: readonly string[][],
): Map<string, number> {
  const known = new Map<string, number>();
  for (const c of cells.values()) if (!c.suppressed) known.set(c.key, c.value);
  const recovered = new Map<string, number>();
  for (let changed = true; changed;) {
    changed = false;
    for (const [total, ...parts] of relations) {
      const missing = [total, ...parts].filter((k) => !known.has(k));
      if (missing.length !== 1) continue;
      const [m] = missing;
      const sumParts = parts.reduce((s, k) => s + (k === m ? 0 : (known.get(k) ?? 0)), 0);
      const value = m === total ? sumParts : (known.get(total) ?? 0) - sumParts;
      known.set(m, value);
      recovered.set(m, value);
      changed = true;
    }
  }
  return recovered;
}

/**
 * The suppressed cells the published ones determine. Every solution of the relations over the unknown (suppressed)
 * cells is one particular solution plus a vector of the null space; cell j is determined iff every null-space vector
 * is 0 at j. After Gauss–Jordan elimination the null space is spanned by one vector per free column f (1 at f,
 * −row_i[f] at pivot i), so j is determined iff it is a pivot column whose row is 0 in every free column.
 */
export function rankAttack(cells: ReadonlyMap<string, PublishedCell>, relations: readonly string[][]): string[] {
  const unknown = [...cells.values()].filter((c) => c.suppressed).map((c) => c.key);
  const index = new Map(unknown.map((k, j) => [k, j]));
  const n = unknown.length;
  const rows = relations
    .filter((rel) => rel.some((k) => index.has(k)))
    .map((rel) => {
      const row = new Float64Array(n);
      rel.forEach((k, i) => {
        const j = index.get(k);
        if (j !== undefined) row[j] += i === 0 ? -1 : 1;
      });
      return row;
    });
  const pivotOf = new Int32Array(n).fill(-1);
  let rank = 0;
  for (let col = 0; col < n && rank < rows.length; col++) {
    let best = rank;
    for (let i = rank + 1; i < rows.length; i++) if (Math.abs(rows[i][col]) > Math.abs(rows[best][col])) best = i;
    if (Math.abs(rows[best][col]) < 1e-9) continue;
    [rows[rank], rows[best]] = [rows[best], rows[rank]];
    const pivot = rows[rank];
    const scale = pivot[col];
    for (let k = 0; k < n; k++) pivot[k] /= scale;
    for (let i = 0; i < rows.length; i++) {
      if (i === rank) continue;
      const f = rows[i][col];
      if (Math.abs(f) < 1e-12) continue;
      const row = rows[i];
      for (let k = 0; k < n; k++) row[k] -= f * pivot[k];
    }
    pivotOf[col] = rank;
    rank++;
  }
  const free: number[] = [];
  for (let col = 0; col < n; col++) if (pivotOf[col] < 0) free.push(col);
  return unknown.filter((_, j) => pivotOf[j] >= 0 && free.every((f) => Math.abs(rows[pivotOf[j]][f]) < 1e-9));
}
