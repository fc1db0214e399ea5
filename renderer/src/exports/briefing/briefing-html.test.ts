// The briefing document: self-contained, sections as chosen, numbers from the engine, suppression marked and stated,
// text escaped, provenance embedded so the scenario can be re-run.
// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildBriefingHtml, escapeHtml } from './briefing-html.ts';
import { projectionTable } from './tables.ts';
import type { BriefingInput } from './model.ts';
import { BRIEFING_SECTIONS } from './model.ts';
import { fixtureComparison, fixtureTrace } from '../engine-fixtures.ts';
import { fixedProvenance, parameterRows } from '../test-fixtures.ts';
import { formatValue } from '../../format/units.ts';
import { AREA_ALL } from '../../../../sim/index.ts';
import { syntheticHouseholds, syntheticRegions } from '../../../../sim/testing/index.ts';
import { HANDLERS, loadData } from '../../services/engine/engine-handlers.ts';

async function input(overrides: Partial<BriefingInput> = {}): Promise<BriefingInput> {
  return {
    language: 'zh',
    date: new Date('2026-11-29T00:00:00Z'),
    comparisons: [fixtureComparison()],
    cases: [{ title: { zh: '洪灾家庭（湖南）', en: 'Flood (Hunan)' }, trace: fixtureTrace() }],
    parameters: parameterRows(),
    dataset: { name: '演示数据', synthetic: true, rows: 50_000, weightedHouseholds: 480_000_000 },
    provenance: await fixedProvenance(),
    sections: BRIEFING_SECTIONS,
    ...overrides,
  };
}

// jsdom has no canvas; say so plainly (getContext → null, as in a browser without canvas support) so ECharts' server-side
// renderer uses its built-in text-width table instead of jsdom printing "not implemented" for every label.
beforeAll(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterAll(() => vi.restoreAllMocks());

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('buildBriefingHtml', () => {
  it('is a self-contained document: no external scripts, styles, images or links', async () => {
    const html = buildBriefingHtml(await input());
    const doc = parse(html);
    expect(doc.querySelectorAll('script[src], link, img[src^="http"], iframe').length).toBe(0);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    expect(doc.querySelectorAll('figure svg').length).toBe(2);
    expect(doc.documentElement.lang).toBe('zh-CN');
  });

  it('has the title, date, synthetic label and numbered sections in order', async () => {
    const doc = parse(buildBriefingHtml(await input()));
    expect(doc.querySelector('h1')?.textContent).toBe('社会救助政策方案“标准提高10%”测算简报');
    expect(doc.querySelector('.doc-meta')?.textContent).toContain('2026年11月29日');
    expect(doc.querySelector('[data-synthetic]')?.textContent).toBe('合成演示数据，非官方统计');
    const headings = [...doc.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings[0]).toBe('一、摘要');
    expect(headings[8]).toBe('九、来源与可复现信息');
  });

  it('includes only the chosen sections', async () => {
    const doc = parse(buildBriefingHtml(await input({ sections: ['summary', 'provenance'], language: 'en' })));
    expect([...doc.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['1. Summary', '2. Provenance']);
    expect(doc.querySelectorAll('figure').length).toBe(0);
  });

  it('shows headline numbers with units and signed changes', async () => {
    const doc = parse(buildBriefingHtml(await input()));
    const row = doc.querySelector('[data-table="headline"] tr[data-metric="cost.total"]');
    expect([...(row?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual([
      '总支出',
      '1,915.0亿元',
      '2,150.0亿元',
      '+235.0亿元',
    ]);
  });

  it('marks suppressed provinces in the table and states the rule', async () => {
    const doc = parse(buildBriefingHtml(await input()));
    const rows = [...doc.querySelectorAll('[data-table="province"] tbody tr')];
    const tibet = rows.find((row) => row.textContent?.includes('西藏'));
    expect(tibet?.querySelectorAll('td.suppressed').length).toBe(5);
    expect(tibet?.textContent).not.toMatch(/\d/);
    expect(doc.querySelector('.sec-provinces .note')?.textContent).toContain('少于 10 户');
    expect(doc.querySelector('[data-chart="province-caseload"] figcaption')?.textContent).toContain('西藏自治区');
  });

  it('traces each case study under baseline and scenario', async () => {
    const doc = parse(buildBriefingHtml(await input()));
    const item = doc.querySelector('[data-case="0"]');
    expect(item?.querySelector('h3')?.textContent).toBe('案例1：洪灾家庭（湖南）');
    expect(item?.textContent).toContain('300 < 800');
    expect(item?.textContent).toContain('300 < 880');
    expect(item?.querySelector('.totals')?.textContent).toBe(
      '基线：低保，年救助 2.40万元；方案：低保，年救助 2.78万元。',
    );
  });

  it('tabulates the projection from the projection run: years, levels and changes against the baseline', async () => {
    const comparison = fixtureComparison();
    const years = [2025, 2026, 2027];
    const projection = [
      { scenarioName: '基线 / Baseline', years, national: years.map(() => comparison.baseline.national) },
      { scenarioName: '标准提高10%', years, national: years.map(() => comparison.scenario.national) },
    ];
    const doc = parse(buildBriefingHtml(await input({ projection })));
    const rows = [...doc.querySelectorAll('[data-table="projection"] tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows.length).toBe(6);
    // Reform, third year: the level, the change against the baseline in that year, and the cumulated change in cost.
    expect(rows[5]).toEqual(['标准提高10%', '2027', '4,300.0', '2,150.0', '+263.0', '+235.0', '+705.0']);
    expect(rows[0].slice(4)).toEqual(['—', '—', '—']);
    expect(doc.querySelector('.sec-projection')?.textContent).toContain('预测2025–2027年');
  });

  it('says when the projection is read at a province whose sample is too small for year-to-year changes', async () => {
    const comparison = fixtureComparison();
    const years = [2025, 2026];
    const province = comparison.scenario.province;
    const thin = new Uint8Array(province.rows);
    thin[province.code.findIndex((c, k) => c === '43' && province.area[k] === 2)] = 1;
    const run = (flags: Uint8Array) => [
      {
        scenarioName: '基线',
        years,
        national: years.map(() => comparison.baseline.national),
        province: years.map(() => province),
        thin: flags,
      },
    ];
    const projectionScope = { scope: { province: '43' }, name: { zh: '湖南', en: 'Hunan' } };
    const flagged = parse(buildBriefingHtml(await input({ projection: run(thin), projectionScope })));
    expect(flagged.querySelector('[data-note="thin"]')?.textContent).toContain('样本不足，逐年变化不可解读：湖南');
    const clear = parse(
      buildBriefingHtml(await input({ projection: run(new Uint8Array(province.rows)), projectionScope })),
    );
    expect(clear.querySelector('[data-note="thin"]')).toBeNull();
  });

  it("reads the projection at the planner's province: the province's rows, named in the table and the figure", async () => {
    const comparison = fixtureComparison();
    const years = [2025, 2026];
    const province = comparison.scenario.province;
    // The fixture's Hunan row (both areas).
    const row = province.code.indexOf('43');
    const projection = [
      {
        scenarioName: '基线',
        years,
        national: years.map(() => comparison.baseline.national),
        province: years.map(() => comparison.baseline.province),
      },
      {
        scenarioName: '方案',
        years,
        national: years.map(() => comparison.scenario.national),
        province: years.map(() => province),
      },
    ];
    const projectionScope = { scope: { province: '43' }, name: { zh: '湖南', en: 'Hunan' } };
    const doc = parse(buildBriefingHtml(await input({ projection, projectionScope })));
    const table = doc.querySelector('[data-table="projection"]');
    expect(doc.querySelector('.sec-projection')?.textContent).toContain('预测2025–2026年（湖南）');
    expect(doc.querySelector('.sec-projection')?.textContent).toContain('图3  湖南年度救助总支出预测');
    // The reform's first-year total cost is Hunan's row, not the national one, in 亿元 with one decimal.
    const cells = [...(table?.querySelectorAll('tbody tr')[2]?.querySelectorAll('td') ?? [])].map(
      (td) => td.textContent,
    );
    const yi = (province.values['cost.total'][row] / 1e8).toLocaleString('zh-CN', {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    expect(cells).toContain(yi);
    // The XLSX sheet takes the table's title: it names the province.
    expect(projectionTable(projection, undefined, projectionScope).title).toEqual({
      zh: '多年预测（湖南）',
      en: 'Projection (Hunan)',
    });
  });

  it('prints every number of the zh and en briefing with a unit or in a documented unitless kind', async () => {
    const comparison = fixtureComparison();
    const years = [2025, 2026];
    const projection = [
      { scenarioName: 'Baseline', years, national: years.map(() => comparison.baseline.national) },
      { scenarioName: 'Reform', years, national: years.map(() => comparison.scenario.national) },
    ];
    for (const language of ['zh', 'en'] as const) {
      const doc = parse(buildBriefingHtml(await input({ projection, language })));
      // Units sit in the cell or in its column header; unitless kinds: years, rule comparisons (the rule's label
      // names the unit), parameter values (the unit column beside them) and the provenance list.
      for (const table of doc.querySelectorAll('table')) {
        const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
        for (const row of table.querySelectorAll('tbody tr')) {
          [...row.querySelectorAll('td')].forEach((td, c) => {
            const text = td.textContent ?? '';
            if (!/\d/.test(text) || c === 0) return;
            const header = headers[c] ?? '';
            if (/^(年份|Year)$/.test(header) || /^\d{4}$/.test(text)) return;
            if (/[<≤>≥]/.test(text)) return;
            if (table.getAttribute('data-table') === 'parameters') return;
            const unit = /(万人|万户|万人次|亿元|万元|元|%|个百分点|million|billion|yuan|pp|persons|households)/;
            expect(unit.test(text) || unit.test(header), `${language} ${header}: ${text}`).toBe(true);
          });
        }
      }
      for (const p of doc.querySelectorAll('.summary p, .totals')) {
        for (const [, digits, unit] of (p.textContent ?? '').matchAll(
          /([+-]?\d+(?:,\d{3})*(?:\.\d+)?)\s*([^\s\d,.;]*)/g,
        )) {
          if (/^(19|20)\d\d$/.test(digits)) continue;
          expect(unit, `${language}: ${digits} in ${p.textContent}`).toMatch(
            /^(万人|万户|万人次|亿元|万元|元|%|个百分点|million|billion|yuan|pp)/,
          );
        }
      }
    }
  });

  it('lists only changed parameters and embeds the re-runnable scenario', async () => {
    const built = await input();
    const doc = parse(buildBriefingHtml(built));
    const parameterRowsShown = doc.querySelectorAll('[data-table="parameters"] tbody tr');
    expect(parameterRowsShown.length).toBe(1);
    expect(JSON.parse(doc.querySelector('[data-scenario-json]')?.textContent ?? '')).toEqual(built.provenance.scenario);
    expect(JSON.parse(doc.getElementById('safetynet-provenance')?.textContent ?? '')).toEqual(built.provenance);
  });

  it('escapes user text everywhere, charts included', async () => {
    const comparison = fixtureComparison();
    comparison.scenarioName = '<img src=x onerror=alert(1)>';
    const html = buildBriefingHtml(
      await input({ comparisons: [comparison], title: '</title><script>alert(1)</script>' }),
    );
    const doc = parse(html);
    expect(doc.querySelectorAll('script:not([type="application/json"])').length).toBe(0);
    expect(doc.querySelectorAll('img').length).toBe(0);
    expect(escapeHtml('<a href="x">&\'')).toBe('&#60;a href=&#34;x&#34;&#62;&#38;&#39;');
  });
});

describe('the projection interval in the briefing', () => {
  // A real interval from the engine worker's handlers on a small synthetic dataset (8 replications, 2 years).
  const regions = syntheticRegions(4, 3);
  const data = loadData('interval', syntheticHouseholds(2000, regions, 11), regions).data;
  const scenario = { schemaVersion: 1, name: 'p', projection: { startYear: 2025, years: 2, standardPath: 'fixed' } };
  const part = HANDLERS.projectionReplications(data, { scenario, years: 2, from: 0, to: 8 });
  const interval = {
    ...HANDLERS.summariseProjectionReplications(data, { parts: [part], scenario }),
    scenarioName: '改革',
  };
  // The expected-value projection of the same dataset (national and province tables per year).
  const projected = HANDLERS.project(data, { scenarios: [scenario], years: 2 });
  const cells = (doc: Document) =>
    [...doc.querySelectorAll('[data-table="projection-interval"] tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((td) => td.textContent),
    );
  const national = (t: number, p: 'p5' | 'p50' | 'p95', metric: 'persons.cash' | 'persons.dibao' | 'cost.total') =>
    interval.national[t][p].values[metric][AREA_ALL];

  it('shows p5 · p50 · p95 of cash (dibao + tekun), dibao persons and cost per year, with the count and sources', async () => {
    for (const language of ['zh', 'en'] as const) {
      const doc = parse(
        buildBriefingHtml(await input({ projection: await projected, projectionInterval: interval, language })),
      );
      const rows = cells(doc);
      expect(rows.map((row) => row[0])).toEqual(['2025', '2026', '2027']);
      interval.years.forEach((_, t) => {
        const expected = (['persons.cash', 'persons.dibao', 'cost.total'] as const).flatMap((metric) =>
          (['p5', 'p50', 'p95'] as const).map((p) =>
            formatValue(national(t, p, metric), metric === 'cost.total' ? 'money' : 'persons', language, {
              withUnit: false,
            }),
          ),
        );
        expect(rows[t].slice(1)).toEqual(expected);
        // Ordered, and the sum is at least its larger part (percentiles of each replication's sum).
        expect(national(t, 'p5', 'persons.cash')).toBeLessThanOrEqual(national(t, 'p50', 'persons.cash'));
        expect(national(t, 'p50', 'persons.cash')).toBeLessThanOrEqual(national(t, 'p95', 'persons.cash'));
        expect(national(t, 'p5', 'persons.cash')).toBeGreaterThan(national(t, 'p5', 'persons.dibao'));
      });
      const section = doc.querySelector('.sec-projection')?.textContent ?? '';
      if (language === 'zh') {
        expect(section).toContain('蒙特卡洛区间（改革，全国，8 次重复：p5 · p50 · p95）');
        expect(section).toContain('不确定性来源：包含：');
        expect(section).toContain('未包含：');
        expect(doc.querySelector('[data-table="projection-interval"] th:nth-child(2)')?.textContent).toBe(
          '现金救助人数（低保+特困） p5（万人）',
        );
      } else {
        expect(section).toContain('Monte Carlo interval (改革, national, 8 replications: p5 · p50 · p95)');
        expect(section).toContain('Uncertainty sources: Includes');
        expect(section).toContain('Not included:');
        expect(section).toContain("percentiles of each replication's sum");
      }
    }
  });

  it("reads the interval at the projection's province and area", async () => {
    const code = regions.provinceCodes[2];
    const projectionScope = {
      scope: { province: code, area: 'rural' as const },
      name: { zh: '省13 · 农村', en: 'P13 · rural' },
    };
    const province = interval.province[1].p95;
    const row = province.code.findIndex((c, k) => c === code && province.area[k] === 1);
    const doc = parse(
      buildBriefingHtml(
        await input({ projection: await projected, projectionInterval: interval, projectionScope, language: 'en' }),
      ),
    );
    const rows = cells(doc);
    expect(province.suppressed[row]).toBe(0);
    // 2026, p95 of cash persons: the province's rural row, not the nation's.
    expect(rows[1][3]).toBe(formatValue(province.values['persons.cash'][row], 'persons', 'en', { withUnit: false }));
    expect(rows[1][3]).not.toBe(formatValue(national(1, 'p95', 'persons.cash'), 'persons', 'en', { withUnit: false }));
    expect(doc.querySelector('.sec-projection')?.textContent).toContain(
      'Monte Carlo interval (改革, P13 · rural, 8 replications',
    );
  });

  it('says nothing about an interval when none was computed', async () => {
    for (const language of ['zh', 'en'] as const) {
      const doc = parse(buildBriefingHtml(await input({ projection: await projected, language })));
      expect(doc.querySelector('[data-table="projection-interval"]')).toBeNull();
      const text = doc.body.textContent ?? '';
      expect(text).not.toContain('蒙特卡洛区间');
      expect(text).not.toContain('Monte Carlo interval');
      expect(text).not.toContain('p95');
    }
  });
});
