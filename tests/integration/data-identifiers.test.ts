// Integration: direct identifiers are refused at import, by column name and by sampled values, and nothing is kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { openWasmDb } from '../fixtures/data/duckdb-node.ts';
import { bytes, goodHouseholds, goodRegions, toCsv } from '../fixtures/data/small-dataset.ts';
import { loadFile, rowsOf } from '../../datasets/index.ts';

let db: Awaited<ReturnType<typeof openWasmDb>>;
beforeAll(async () => {
  db = await openWasmDb();
});
afterAll(() => db.close());

/** Load a file that must be refused; check the issue and that no table is left behind. */
async function refused(fileName: string, data: Uint8Array, column: string, what: RegExp) {
  const r = await loadFile(db, { fileName, bytes: data, table: 'suspect' });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  const issue = r.issues.find((i) => i.column === column);
  expect(issue, JSON.stringify(r.issues)).toBeDefined();
  expect(issue?.rule).toBe('identifier_column');
  expect(issue?.severity).toBe('error');
  expect(issue?.message.zh).toContain(column);
  expect(issue?.message.en).toContain(column);
  expect(issue?.message.en).toMatch(what);
  const left = await rowsOf(
    db,
    `SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'suspect'`,
  );
  expect(left[0].n).toBe(0);
}

const withColumn = (name: string, values: (i: number) => string): Uint8Array =>
  bytes(toCsv(goodHouseholds().map((r, i) => ({ ...r, [name]: values(i) }))));

const ids = ['11010519491231002X', '440524188001010014', '110101199003074477', '320102198506150016'];
const names = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄勇', '周杰', '吴霞', '徐明', '孙丽'];

describe('identifier refusal', () => {
  it('refuses columns named like identifiers, in Chinese and English', async () => {
    await refused(
      'a.csv',
      withColumn('户主姓名', () => 'x'),
      '户主姓名',
      /personal names/,
    );
    await refused(
      'b.csv',
      withColumn('身份证号', () => '1'),
      '身份证号',
      /resident ID/,
    );
    await refused(
      'c.csv',
      withColumn('phone', () => '1'),
      'phone',
      /phone numbers/,
    );
    await refused(
      'd.csv',
      withColumn('家庭住址', () => 'x'),
      '家庭住址',
      /street addresses/,
    );
  });

  it('refuses innocently named columns whose values are identifiers', async () => {
    await refused(
      'e.csv',
      withColumn('code2', (i) => ids[i % ids.length]),
      'code2',
      /resident ID.*values/,
    );
    await refused(
      'f.csv',
      withColumn('x1', (i) => `1381234${String(5000 + i)}`),
      'x1',
      /phone numbers/,
    );
    await refused(
      'g.csv',
      withColumn('loc', (i) => `建设路${i + 1}号`),
      'loc',
      /street addresses/,
    );
    await refused(
      'h.csv',
      withColumn('hz', (i) => names[i]),
      'hz',
      /personal names/,
    );
  });

  it('finds a single ID number in any row of a large CSV, not only in the sampled rows', async () => {
    const base = goodHouseholds();
    const rows = Array.from({ length: 6000 }, (_, i) => ({
      ...base[i % base.length],
      household_id: String(100000 + i),
      note: i === 4321 ? `户主身份证${ids[1]}，已核实` : `第${i}次走访`,
    }));
    const r = await loadFile(db, { fileName: 'big.csv', bytes: bytes(toCsv(rows)), table: 'suspect' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => [i.column, i.examples])).toEqual([['note', [4322]]]);
  });

  it('refuses identifiers in Arrow files as well, with example rows', async () => {
    const table = tableFromArrays({ id: Int32Array.from([1, 2, 3, 4]), misc: ids });
    const r = await loadFile(db, { fileName: 'ids.arrow', bytes: tableToIPC(table, 'file'), table: 'suspect' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].examples).toEqual([1, 2, 3]);
  });

  it('accepts region names and ordinary data', async () => {
    const r = await loadFile(db, {
      fileName: 'regions.csv',
      bytes: bytes(toCsv(goodRegions())),
      table: 'ok_regions',
      allowPlainName: true,
    });
    expect(r.ok).toBe(true);
    const h = await loadFile(db, {
      fileName: 'households.csv',
      bytes: bytes(toCsv(goodHouseholds())),
      table: 'ok_households',
    });
    expect(h.ok).toBe(true);
  });
});
