// Per-province editing of the standard rule: current urban and rural standards from the dataset, per-province rule
// levers and absolute standards written into the scenario (the engine derives the standards), live Δ persons and
// Δ cost per province from the engine, and rule-based bulk edits for all or the ticked provinces.
import { useMemo, useState } from 'react';
import { getParamDef } from '../../../../sim/index.ts';
import { PROVINCES } from '../../../../datasets/index.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { withUnit } from '../../components/labels.ts';
import type { TableColumn } from '../../components/DataTable.tsx';
import { NumberField } from '../../components/NumberField.tsx';
import { useUiStore } from '../../store/ui-store.ts';
import { fill } from '../../i18n/i18n.ts';
import { formatValue, unitOf } from '../../format/units.ts';
import { useProvinceStandards } from './current-standards.ts';
import type { ProvinceStandards } from './current-standards.ts';
import type { YearComparison } from '../../services/engine/engine-calls.ts';
import { provinceRows } from '../results/result-model.ts';
import type { RegionRow } from '../results/result-model.ts';
import {
  applyBulkRule,
  getParamValue,
  getRegionParam,
  getStandardOverride,
  setRegionParam,
  setStandardOverride,
} from './param-form.ts';
import type { AreaChoice, BulkRule, JsonObject, JsonValue } from './param-form.ts';
import { parsePastedStandards, xlsxStandardsText } from './paste-standards.ts';
import { OverrideInput } from './OverrideInput.tsx';
import { useScenarioMessages } from './messages.ts';

interface ProvinceLine {
  code: string;
  nameZh: string;
  nameEn: string;
  urban: number;
  rural: number;
  current?: ProvinceStandards;
  result?: RegionRow;
  /** The scenario's standards from the engine (population-weighted over the province's cells), yuan/person/month. */
  newUrban: number;
  newRural: number;
}

/** The engine's scenario standard of each province and area (`standard.average`), keyed `code:area`. */
function scenarioStandards(comparison: YearComparison | null): Map<string, number> {
  const map = new Map<string, number>();
  if (!comparison) return map;
  const table = comparison.scenario.province;
  const values = table.values['standard.average'];
  for (let i = 0; i < table.rows; i += 1) {
    if (table.area[i] === 0 || table.area[i] === 1) map.set(`${table.code[i]}:${table.area[i]}`, values[i]);
  }
  return map;
}

export interface RegionTableProps {
  document: JsonValue;
  /** Identifies the loaded dataset (id + status) so current standards are read once it is ready. */
  datasetKey: string | null;
  comparison: YearComparison | null;
  edit: (update: (document: JsonValue) => JsonValue, coalesceKey?: string) => void;
}

/** The province × urban/rural standards table with bulk rules; test ids `region-table`, `bulk-*`, `region-<code>-*`. */
export function RegionTable({ document, datasetKey, comparison, edit }: RegionTableProps) {
  const language = useUiStore((s) => s.language);
  const m = useScenarioMessages();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [rule, setRule] = useState<BulkRule['kind']>('consumption');
  const [pct, setPct] = useState(10);
  const [urbanRatio, setUrbanRatio] = useState(getParamValue(document, 'standard.consumptionRatioUrban'));
  const [ruralRatio, setRuralRatio] = useState(getParamValue(document, 'standard.consumptionRatioRural'));
  const [floor, setFloor] = useState(0.8);
  const [area, setArea] = useState<AreaChoice>('both');
  const [pasteArea, setPasteArea] = useState<'urban' | 'rural'>('rural');
  const [pasted, setPasted] = useState('');
  const [pasteErrors, setPasteErrors] = useState<string[]>([]);

  const standards = useProvinceStandards(datasetKey);
  const results = useMemo(() => {
    const map = new Map<string, RegionRow>();
    if (comparison) for (const row of provinceRows(comparison)) map.set(row.code, row);
    return map;
  }, [comparison]);
  const newStandards = useMemo(() => scenarioStandards(comparison ?? null), [comparison]);
  const lines: ProvinceLine[] = useMemo(
    () =>
      PROVINCES.map((p) => {
        const current = standards.get(p.code);
        return {
          code: p.code,
          nameZh: p.nameZh,
          nameEn: p.nameEn,
          urban: current?.urban ?? Number.NaN,
          rural: current?.rural ?? Number.NaN,
          current,
          result: results.get(p.code),
          newUrban: newStandards.get(`${p.code}:0`) ?? Number.NaN,
          newRural: newStandards.get(`${p.code}:1`) ?? Number.NaN,
        };
      }),
    [standards, results, newStandards],
  );
  const minCell = comparison?.scenario.province.minCell || getParamValue(document, 'output.minCell');

  const scaleDef = getParamDef('standard.scalePct')!;
  const ratioDef = getParamDef('standard.consumptionRatioUrban')!;
  const floorDef = getParamDef('standard.ruralFloor')!;
  const pctText = (v: number) => formatValue(v, 'share', language, { digits: 0 });
  const national = {
    scale: `${getParamValue(document, 'standard.scalePct')}%`,
    urban: pctText(getParamValue(document, 'standard.consumptionRatioUrban')),
    rural: pctText(getParamValue(document, 'standard.consumptionRatioRural')),
    floor: pctText(getParamValue(document, 'standard.ruralFloor')),
  };
  const regional = (line: ProvinceLine, id: string, placeholder: string, scale: number, column: string) => {
    const def = getParamDef(id)!;
    return (
      <OverrideInput
        value={getRegionParam(document, line.code, 'both', id)}
        placeholder={placeholder}
        min={def.min}
        max={def.max}
        step={def.step}
        scale={scale}
        name={{ zh: `${line.nameZh} ${def.labelZh}`, en: `${line.nameEn} ${def.labelEn}` }}
        testId={`region-${line.code}-${column}`}
        onCommit={(value) => edit((doc) => setRegionParam(doc, line.code, 'both', id, value))}
      />
    );
  };
  const absolute = (line: ProvinceLine, area: 'urban' | 'rural') => (
    <OverrideInput
      value={getStandardOverride(document, line.code, area)}
      placeholder="—"
      min={0}
      max={20000}
      step={1}
      name={{
        zh: `${line.nameZh}${area === 'urban' ? '城市' : '农村'}绝对标准`,
        en: `${line.nameEn} ${area} absolute standard`,
      }}
      testId={`region-${line.code}-${area}-absolute`}
      onCommit={(value) => edit((doc) => setStandardOverride(doc, line.code, area, value))}
    />
  );

  const monthly = unitOf('monthly', language);
  /** A province's current standard in one area, with its previous-year consumption on hover. */
  const currentStandardColumn = (
    area: 'urban' | 'rural',
    header: string,
    consumption: (line: ProvinceLine) => number | undefined,
  ): TableColumn<ProvinceLine> => ({
    id: area,
    header: withUnit(header, monthly, language),
    value: (l) => l[area],
    quantity: 'monthly',
    suppressible: false,
    render: (l) => (
      <span title={fill(m.consumptionTip, { value: formatValue(consumption(l) ?? Number.NaN, 'count', language) })}>
        {formatValue(l[area], 'monthly', language, { withUnit: false })}
      </span>
    ),
  });
  const columns: TableColumn<ProvinceLine>[] = [
    {
      id: 'select',
      header: '✓',
      value: (l) => (selected.has(l.code) ? 1 : 0),
      sortable: false,
      suppressible: false,
      render: (l) => (
        <input
          type="checkbox"
          aria-label={`${m.select} ${language === 'zh' ? l.nameZh : l.nameEn}`}
          checked={selected.has(l.code)}
          data-testid={`region-${l.code}-select`}
          onChange={(event) => {
            const next = new Set(selected);
            if (event.target.checked) next.add(l.code);
            else next.delete(l.code);
            setSelected(next);
          }}
        />
      ),
    },
    { id: 'name', header: m.province, value: (l) => (language === 'zh' ? l.nameZh : l.nameEn) },
    currentStandardColumn('urban', m.currentUrban, (l) => l.current?.consumptionUrban),
    currentStandardColumn('rural', m.currentRural, (l) => l.current?.consumptionRural),
    {
      id: 'newUrban',
      header: withUnit(m.newUrban, monthly, language),
      value: (l) => (Number.isFinite(l.newUrban) ? l.newUrban : null),
      quantity: 'monthly',
      suppressible: false,
    },
    {
      id: 'newRural',
      header: withUnit(m.newRural, monthly, language),
      value: (l) => (Number.isFinite(l.newRural) ? l.newRural : null),
      quantity: 'monthly',
      suppressible: false,
    },
    {
      id: 'dPersons',
      header: withUnit(m.dPersons, unitOf('persons', language), language),
      value: (l) => l.result?.dCashPersons ?? null,
      quantity: 'persons',
      signed: true,
      digits: language === 'zh' ? 2 : 3,
      sample: (l) => l.result?.sample ?? Number.POSITIVE_INFINITY,
    },
    {
      id: 'dCost',
      header: withUnit(m.dCost, unitOf('money', language), language),
      value: (l) => l.result?.dCost ?? null,
      quantity: 'money',
      signed: true,
      digits: 2,
      sample: (l) => l.result?.sample ?? Number.POSITIVE_INFINITY,
    },
    {
      id: 'scale',
      header: withUnit(m.scalePct, '%', language),
      value: (l) => getRegionParam(document, l.code, 'both', 'standard.scalePct') ?? null,
      render: (l) => regional(l, 'standard.scalePct', national.scale, 1, 'scale'),
    },
    {
      id: 'ratioUrban',
      header: withUnit(m.ratioUrban, '%', language),
      value: (l) => getRegionParam(document, l.code, 'both', 'standard.consumptionRatioUrban') ?? null,
      render: (l) => regional(l, 'standard.consumptionRatioUrban', national.urban, 100, 'ratio-urban'),
    },
    {
      id: 'ratioRural',
      header: withUnit(m.ratioRural, '%', language),
      value: (l) => getRegionParam(document, l.code, 'both', 'standard.consumptionRatioRural') ?? null,
      render: (l) => regional(l, 'standard.consumptionRatioRural', national.rural, 100, 'ratio-rural'),
    },
    {
      id: 'floor',
      header: withUnit(m.ruralFloor, '%', language),
      value: (l) => getRegionParam(document, l.code, 'both', 'standard.ruralFloor') ?? null,
      render: (l) => regional(l, 'standard.ruralFloor', national.floor, 100, 'floor'),
    },
    {
      id: 'absUrban',
      header: withUnit(m.overrideUrban, monthly, language),
      value: (l) => getStandardOverride(document, l.code, 'urban') ?? null,
      render: (l) => absolute(l, 'urban'),
    },
    {
      id: 'absRural',
      header: withUnit(m.overrideRural, monthly, language),
      value: (l) => getStandardOverride(document, l.code, 'rural') ?? null,
      render: (l) => absolute(l, 'rural'),
    },
  ];

  const currentRule = (): BulkRule =>
    rule === 'scale'
      ? { kind: 'scale', pct, area }
      : rule === 'consumption'
        ? { kind: 'consumption', urban: urbanRatio, rural: ruralRatio, area }
        : { kind: 'ruralFloor', share: floor };
  const allCodes = lines.map((l) => l.code);

  return (
    <div className="region-editor">
      <p className="muted">{m.regionHint}</p>
      <div className="bulk-bar" data-testid="bulk-bar">
        <strong>{m.bulkTitle}</strong>
        <select value={rule} data-testid="bulk-rule" onChange={(e) => setRule(e.target.value as BulkRule['kind'])}>
          <option value="consumption">{m.bulkConsumption}</option>
          <option value="scale">{m.bulkScale}</option>
          <option value="ruralFloor">{m.bulkFloor}</option>
        </select>
        {rule !== 'ruralFloor' ? (
          <label className="bulk-area">
            {m.bulkArea}{' '}
            <select value={area} data-testid="bulk-area" onChange={(e) => setArea(e.target.value as AreaChoice)}>
              <option value="both">{m.areaBoth}</option>
              <option value="urban">{m.areaUrbanOnly}</option>
              <option value="rural">{m.areaRuralOnly}</option>
            </select>
          </label>
        ) : null}
        {rule === 'scale' ? (
          <NumberField
            value={pct}
            min={scaleDef.min}
            max={scaleDef.max}
            step={1}
            unit="%"
            slider={false}
            name={{ zh: scaleDef.labelZh, en: scaleDef.labelEn }}
            onChange={setPct}
            testId="bulk-pct"
          />
        ) : null}
        {rule === 'consumption' ? (
          <>
            {area === 'rural' ? null : (
              <NumberField
                label={m.urbanShort}
                value={urbanRatio}
                min={ratioDef.min}
                max={ratioDef.max}
                step={ratioDef.step}
                scale={100}
                unit="%"
                slider={false}
                name={{ zh: '城市比例', en: 'Urban ratio' }}
                onChange={setUrbanRatio}
                testId="bulk-urban"
              />
            )}
            {area === 'urban' ? null : (
              <NumberField
                label={m.ruralShort}
                value={ruralRatio}
                min={ratioDef.min}
                max={ratioDef.max}
                step={ratioDef.step}
                scale={100}
                unit="%"
                slider={false}
                name={{ zh: '农村比例', en: 'Rural ratio' }}
                onChange={setRuralRatio}
                testId="bulk-rural"
              />
            )}
          </>
        ) : null}
        {rule === 'ruralFloor' ? (
          <NumberField
            value={floor}
            min={floorDef.min}
            max={floorDef.max}
            step={floorDef.step}
            scale={100}
            unit="%"
            slider={false}
            name={{ zh: floorDef.labelZh, en: floorDef.labelEn }}
            onChange={setFloor}
            testId="bulk-floor"
          />
        ) : null}
        <button
          type="button"
          className="primary"
          data-testid="bulk-apply-all"
          onClick={() => edit((doc) => applyBulkRule(doc, currentRule(), 'all', allCodes))}
        >
          {m.applyAll}
        </button>
        <button
          type="button"
          disabled={selected.size === 0}
          data-testid="bulk-apply-selected"
          onClick={() => edit((doc) => applyBulkRule(doc, currentRule(), [...selected]))}
        >
          {fill(m.applySelected, { n: selected.size })}
        </button>
        <button
          type="button"
          className="link-button"
          data-testid="bulk-select-all"
          onClick={() => setSelected(selected.size === lines.length ? new Set() : new Set(lines.map((l) => l.code)))}
        >
          {m.selectAll}
        </button>
      </div>
      <details className="paste-standards" data-testid="paste-standards">
        <summary>{m.pasteTitle}</summary>
        <p className="muted">{m.pasteHint}</p>
        <div className="toolbar">
          <select
            value={pasteArea}
            data-testid="paste-area"
            onChange={(e) => setPasteArea(e.target.value === 'urban' ? 'urban' : 'rural')}
          >
            <option value="rural">{m.areaRuralOnly}</option>
            <option value="urban">{m.areaUrbanOnly}</option>
          </select>
          <button
            type="button"
            data-testid="paste-apply"
            disabled={pasted.trim() === ''}
            onClick={() => {
              const parsed = parsePastedStandards(pasted, lines);
              if (!parsed.ok) {
                setPasteErrors(parsed.errors.map((e) => (language === 'zh' ? e.messageZh : e.messageEn)));
                return;
              }
              setPasteErrors([]);
              setPasted('');
              edit((doc) =>
                parsed.standards.reduce<JsonObject>(
                  (next, { code, value }) => setStandardOverride(next, code, pasteArea, value),
                  doc as JsonObject,
                ),
              );
            }}
          >
            {m.pasteApply}
          </button>
          <label className="link-button">
            {m.pasteXlsx}
            <input
              type="file"
              accept=".xlsx"
              hidden
              data-testid="paste-xlsx"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (!file) return;
                file
                  .arrayBuffer()
                  .then(xlsxStandardsText)
                  .then(
                    (text) => {
                      setPasted(text);
                      setPasteErrors(text === '' ? [m.pasteXlsxEmpty] : []);
                    },
                    () => setPasteErrors([fill(m.pasteXlsxFailed, { name: file.name })]),
                  );
              }}
            />
          </label>
        </div>
        <textarea
          className="paste-box"
          rows={5}
          value={pasted}
          data-testid="paste-text"
          aria-label={m.pasteTitle}
          placeholder={m.pastePlaceholder}
          onChange={(e) => setPasted(e.target.value)}
        />
        {pasteErrors.length > 0 ? (
          <ul className="error-box" role="alert" data-testid="paste-errors">
            {pasteErrors.map((error, i) => (
              <li key={i}>{error}</li>
            ))}
          </ul>
        ) : null}
      </details>
      <DataTable
        rows={lines}
        columns={columns}
        rowKey={(l) => l.code}
        minCell={minCell}
        testId="region-table"
        maxHeight={420}
      />
    </div>
  );
}
