// The household cases screen: the five case-study families of POLICY.md §8, editable, with status, monthly and annual
// amounts under the baseline and a scenario side by side, and the engine's rule-by-rule trace as a readable table.
import { ScenarioSelect } from '../../components/ScenarioSelect.tsx';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { CASE_PRESETS } from '../../../../datasets/index.ts';
import type { CasePreset } from '../../../../datasets/index.ts';
import type { RegionArrays, HouseholdTrace, HouseholdTraceRun } from '../../../../sim/index.ts';
import { NumberField } from '../../components/NumberField.tsx';
import { fill, pick } from '../../i18n/i18n.ts';
import type { Language } from '../../i18n/i18n.ts';
import { formatValue } from '../../format/units.ts';
import { CACHE_KEYS, cacheGet, cacheSubscribe } from '../../services/cache.ts';
import { useUiStore } from '../../store/ui-store.ts';
import { BASELINE_SCENARIO_ID, selectActiveDataset, useWorkspaceStore } from '../../store/workspace-store.ts';
import { FORM_GROUPS, SELECT_LABELS, SUPPORT_TYPE_OPTIONS, changedFields } from './household-form.ts';
import type { FormField, GroupId } from './household-form.ts';
import { fallbackRegions } from './household-record.ts';
import { useHouseholdStore } from './household-store.ts';
import { amountParts, capitalise, componentRows, formatInputs, traceRows } from './trace-view.ts';
import { formatAnnual, formatComparison, formatResult, programmeLabel } from '../../format/trace-format.ts';
import { useHouseholdMessages } from './messages.ts';
import './household.css';

type Messages = ReturnType<typeof useHouseholdMessages>;

const TRACE_DELAY_MS = 120;
const PROGRAMMES = ['none', 'dibao', 'tekun', 'marginal', 'rigid'] as const;

function groupTitle(id: GroupId, m: Messages): string {
  if (id === 'members') return m.groupMembers;
  if (id === 'income') return m.groupIncome;
  if (id === 'spending') return m.groupSpending;
  return m.groupStatus;
}

/** The household case calculator. */
export function HouseholdScreen() {
  const m = useHouseholdMessages();
  const language = useUiStore((s) => s.language);
  const dataset = useWorkspaceStore(selectActiveDataset);
  const scenarios = useWorkspaceStore((s) => s.scenarios);
  const activeScenarioId = useWorkspaceStore((s) => s.activeScenarioId);
  const state = useHouseholdStore();
  const preset = CASE_PRESETS.find((p) => p.id === state.presetId) ?? CASE_PRESETS[0];

  const cachedRegions = useSyncExternalStore(cacheSubscribe, () =>
    dataset ? cacheGet<RegionArrays>(CACHE_KEYS.regions(dataset.id)) : undefined,
  );
  const datasetRegions = dataset?.status === 'ready' ? cachedRegions : undefined;
  const regions = datasetRegions ?? fallbackRegions();
  const regionsId = datasetRegions && dataset ? dataset.id : 'demo-regions';
  const scenarioId = state.scenarioId ?? activeScenarioId;
  const scenario = scenarios.find((s) => s.id === scenarioId) ?? scenarios[0];

  const runTrace = state.runTrace;
  useEffect(() => {
    const timer = setTimeout(() => void runTrace(regions, regionsId, scenario.document), TRACE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [runTrace, regions, regionsId, scenario.document, state.form, state.view]);

  const regionIndex = regions.code.indexOf(state.form.regionCode);
  const regionName =
    regionIndex >= 0
      ? language === 'zh'
        ? regions.nameZh[regionIndex]
        : regions.nameEn[regionIndex]
      : state.form.regionCode;

  return (
    <section className="household-screen" data-testid="household-screen">
      <header className="screen-head">
        <h2>{m.title}</h2>
        <p className="muted">{m.intro}</p>
      </header>

      <div className="case-tabs" role="tablist">
        {CASE_PRESETS.map((p) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            aria-selected={p.id === preset.id}
            className={p.id === preset.id ? 'case-tab active' : 'case-tab'}
            data-testid={`case-${p.id}`}
            onClick={() => state.openPreset(p.id)}
          >
            <span className="case-number">{fill(m.casePrefix, { n: p.order })}</span>
            <span className="case-title">{p.title[language]}</span>
          </button>
        ))}
      </div>

      <StoryPanel preset={preset} regionName={regionName} />

      <div className="household-layout">
        <FormPanel preset={preset} regions={regions} />
        <div className="household-results">
          <div className="panel compare-bar">
            <label className="control-label" htmlFor="household-scenario">
              {m.compareWith}
            </label>
            <ScenarioSelect
              id="household-scenario"
              value={scenario.id}
              testId="household-scenario"
              onChange={state.setScenarioId}
            />
            <span className="muted" data-testid="household-status" data-status={state.status}>
              {state.status === 'running' ? m.running : ''}
            </span>
            {scenario.id === BASELINE_SCENARIO_ID ? <span className="muted">{m.sameAsBaseline}</span> : null}
            <span className="control-label">{m.viewLabel}</span>
            <select
              value={state.view}
              data-testid="household-view"
              onChange={(event) => state.setView(event.target.value === 'expected' ? 'expected' : 'happened')}
            >
              <option value="happened">{m.viewHappened}</option>
              <option value="expected">{m.viewExpected}</option>
            </select>
          </div>
          <p className="muted" data-testid="household-view-note">
            {state.view === 'happened' ? m.viewHappenedNote : m.viewExpectedNote}
          </p>
          {state.error ? (
            <div className="error-box" role="alert" data-testid="household-error">
              {pick(state.error, language)}
            </div>
          ) : null}
          {state.trace ? <TraceResults trace={state.trace} scenarioName={scenario.name} /> : null}
          {state.view === 'happened' && preset.happened.nonGovernment.length > 0 ? (
            <div className="panel" data-testid="household-non-government">
              <h4>{m.nonGovernmentTitle}</h4>
              <ul>
                {preset.happened.nonGovernment.map((aid, i) => (
                  <li key={i} data-yuan={aid.yuan}>
                    {aid.label[language]}
                    {language === 'zh' ? '：' : ': '}
                    {formatAnnual(aid.yuan, language)}
                  </li>
                ))}
              </ul>
              <p className="muted">{m.nonGovernmentNote}</p>
            </div>
          ) : null}
          <p className="muted">
            {datasetRegions && dataset ? fill(m.datasetRegions, { name: dataset.name }) : m.demoRegions}
          </p>
        </div>
      </div>
    </section>
  );
}

function StoryPanel({ preset, regionName }: { preset: CasePreset; regionName: string }) {
  const m = useHouseholdMessages();
  const language = useUiStore((s) => s.language);
  const form = useHouseholdStore((s) => s.form);
  return (
    <article className="panel story-panel" data-testid="household-story">
      <h3 className="story-title">{preset.title[language]}</h3>
      <p className="story-text">{preset.story[language]}</p>
      <dl className="story-facts">
        <div>
          <dt>{m.region}</dt>
          <dd data-testid="household-region">
            {regionName} · {form.household.area === 'urban' ? m.urban : m.rural}
          </dd>
        </div>
        <div>
          <dt>{m.household}</dt>
          <dd>{fill(m.persons, { n: form.household.size })}</dd>
        </div>
        <div>
          <dt>{m.reportedAid}</dt>
          <dd>
            {preset.reportedAid.length === 0
              ? m.none
              : preset.reportedAid
                  .map(
                    (aid) =>
                      `${aid.label[language]} ${formatValue(aid.yuan, 'count', language)}${language === 'zh' ? '元' : ' yuan'}`,
                  )
                  .join('；')}
          </dd>
        </div>
      </dl>
      <p className="muted story-source">
        {m.source}
        {language === 'zh' ? '：' : ': '}
        {preset.source[language]}
      </p>
    </article>
  );
}

function FormPanel({ preset, regions }: { preset: CasePreset; regions: RegionArrays }) {
  const m = useHouseholdMessages();
  const language = useUiStore((s) => s.language);
  const form = useHouseholdStore((s) => s.form);
  const setSelect = useHouseholdStore((s) => s.setSelect);
  const reset = useHouseholdStore((s) => s.reset);
  const changed = changedFields(form, preset);
  const regionOptions = useMemo(
    () =>
      regions.code
        .map((code, i) => ({ code, name: language === 'zh' ? regions.nameZh[i] : regions.nameEn[i] }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    [regions, language],
  );
  return (
    <form className="panel household-form" data-testid="household-form" onSubmit={(event) => event.preventDefault()}>
      <div className="form-head">
        <h3>{m.form}</h3>
        <button type="button" data-testid="household-reset" disabled={changed.length === 0} onClick={reset}>
          {m.reset}
        </button>
      </div>
      {changed.length > 0 ? <p className="muted">{fill(m.edited, { n: changed.length })}</p> : null}
      <fieldset>
        <legend>{m.groupRegion}</legend>
        <div className="field-grid">
          <label className={`select-field${changed.includes('regionCode') ? ' changed' : ''}`}>
            <span className="number-field-label">{capitalise(SELECT_LABELS.regionCode[language])}</span>
            <select
              value={form.regionCode}
              data-testid="household-field-regionCode"
              onChange={(event) => setSelect('regionCode', event.target.value)}
            >
              {regionOptions.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.code} {option.name}
                </option>
              ))}
            </select>
          </label>
          <label className={`select-field${changed.includes('area') ? ' changed' : ''}`}>
            <span className="number-field-label">{capitalise(SELECT_LABELS.area[language])}</span>
            <select
              value={form.household.area}
              data-testid="household-field-area"
              onChange={(event) => setSelect('area', event.target.value)}
            >
              <option value="urban">{m.urban}</option>
              <option value="rural">{m.rural}</option>
            </select>
          </label>
        </div>
      </fieldset>
      {FORM_GROUPS.map((group) => (
        <fieldset key={group.id}>
          <legend>{groupTitle(group.id, m)}</legend>
          <div className={group.id === 'members' ? 'field-grid three' : 'field-grid'}>
            {group.id === 'status' ? (
              <label className={`select-field${changed.includes('programme') ? ' changed' : ''}`}>
                <span className="number-field-label">{capitalise(SELECT_LABELS.programme[language])}</span>
                <select
                  value={form.household.programme}
                  data-testid="household-field-programme"
                  onChange={(event) => setSelect('programme', event.target.value)}
                >
                  {PROGRAMMES.map((name) => (
                    <option key={name} value={name}>
                      {programmeLabel(name, language)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {group.id === 'status' ? (
              <label className={`select-field${changed.includes('supportType') ? ' changed' : ''}`}>
                <span className="number-field-label">{capitalise(SELECT_LABELS.supportType[language])}</span>
                <select
                  value={form.household.supportType}
                  data-testid="household-field-supportType"
                  onChange={(event) => setSelect('supportType', event.target.value)}
                >
                  {SUPPORT_TYPE_OPTIONS.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label[language]}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {group.fields.map((field) => (
              <FormFieldControl key={field.key} field={field} changed={changed.includes(field.key)} />
            ))}
          </div>
        </fieldset>
      ))}
    </form>
  );
}

/** A field's label in the reader's language, with the unit of money fields in brackets. */
function fieldLabel(field: FormField, language: Language): string {
  const label = language === 'zh' ? field.label.zh : capitalise(field.label.en);
  if (field.kind !== 'money') return label;
  return language === 'zh' ? `${label}（${field.unit.zh}）` : `${label} (${field.unit.en})`;
}

function FormFieldControl({ field, changed }: { field: FormField; changed: boolean }) {
  const language = useUiStore((s) => s.language);
  const value = useHouseholdStore((s) => s.form.household[field.key]);
  const setField = useHouseholdStore((s) => s.setField);
  if (field.kind === 'flag') {
    return (
      <label className={`flag-field${changed ? ' changed' : ''}`} title={field.description[language]}>
        <input
          type="checkbox"
          checked={value === 1}
          data-testid={`household-field-${field.key}`}
          onChange={(event) => setField(field.key, event.target.checked ? 1 : 0)}
        />
        <span>{fieldLabel(field, language)}</span>
      </label>
    );
  }
  return (
    <NumberField
      label={fieldLabel(field, language)}
      value={value}
      min={field.min}
      max={field.max}
      step={field.step}
      slider={false}
      name={field.label}
      title={field.description[language]}
      changed={changed}
      onChange={(next) => setField(field.key, next)}
      testId={`household-field-${field.key}`}
    />
  );
}

function RunCard({
  run,
  title,
  testId,
  reference,
}: {
  run: HouseholdTraceRun;
  title: string;
  testId: string;
  reference?: HouseholdTraceRun;
}) {
  const m = useHouseholdMessages();
  const language = useUiStore((s) => s.language);
  const delta = reference ? run.total - reference.total : 0;
  return (
    <div
      className={`panel run-card status-${run.status}`}
      data-testid={testId}
      data-status={run.status}
      data-total={run.total}
    >
      <h3>{title}</h3>
      <div className="run-status">
        <span className="control-label">{m.status}</span>
        <span className={`badge programme-${run.status}`} data-testid={`${testId}-status`}>
          {programmeLabel(run.status, language)}
        </span>
        <span className="muted">
          {m.enrol} {formatValue(run.enrol, 'share', language, { digits: 0 })}
        </span>
      </div>
      <div className="run-amounts">
        <div>
          <div className="control-label">{m.monthly}</div>
          <Amount value={run.total / 12} period="month" testId={`${testId}-monthly`} />
        </div>
        <div>
          <div className="control-label">{m.annual}</div>
          <Amount value={run.total} period="year" testId={`${testId}-annual`} />
        </div>
      </div>
      {reference ? (
        <div className={`run-change ${delta > 0 ? 'gain' : delta < 0 ? 'loss' : ''}`} data-testid={`${testId}-change`}>
          {m.change}
          {language === 'zh' ? '：' : ': '}
          {formatValue(delta / 12, 'monthly', language, { signed: true })}
          {language === 'zh' ? '/月' : ''}
          {' · '}
          {formatAnnual(delta, language, true)}
          {language === 'zh' ? '/年' : ''}
        </div>
      ) : null}
    </div>
  );
}

function Amount({ value, period, testId }: { value: number; period: 'month' | 'year'; testId: string }) {
  const language = useUiStore((s) => s.language);
  const parts = amountParts(value, period, language);
  return (
    <div className="run-amount" data-testid={testId} data-value={value}>
      {parts.number}
      <span className="per">{parts.unit}</span>
    </div>
  );
}

function TraceResults({ trace, scenarioName }: { trace: HouseholdTrace; scenarioName: string }) {
  const m = useHouseholdMessages();
  const language = useUiStore((s) => s.language);
  const components = componentRows(trace, language);
  const rows = traceRows(trace, language);
  const number = (value: number) => formatValue(value, 'count', language);
  return (
    <>
      <div className="grid-2">
        <RunCard run={trace.baseline} title={m.baseline} testId="household-result-baseline" />
        <RunCard
          run={trace.reform}
          title={fill(m.reform, { name: scenarioName })}
          testId="household-result-reform"
          reference={trace.baseline}
        />
      </div>

      <div className="panel">
        <h3>{m.components}</h3>
        <table className="data-table component-table" data-testid="household-components">
          <thead>
            <tr>
              <th>{m.component}</th>
              <th>{m.baseline}</th>
              <th>{fill(m.reform, { name: scenarioName })}</th>
              <th>{m.change}</th>
            </tr>
          </thead>
          <tbody>
            {components.map((row) => (
              <tr key={row.id} data-testid={`household-component-${row.id}`}>
                <td>{row.label}</td>
                <td>{number(row.baseline)}</td>
                <td>{number(row.reform)}</td>
                <td className={row.reform - row.baseline > 0 ? 'up' : row.reform - row.baseline < 0 ? 'down' : ''}>
                  {formatValue(row.reform - row.baseline, 'count', language, { signed: true })}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="household-total">
              <td>{m.total}</td>
              <td data-testid="household-total-baseline">{number(trace.baseline.total)}</td>
              <td data-testid="household-total-reform">{number(trace.reform.total)}</td>
              <td>{formatValue(trace.reform.total - trace.baseline.total, 'count', language, { signed: true })}</td>
            </tr>
          </tfoot>
        </table>
      </div>

      <div className="panel">
        <h3>{m.trace}</h3>
        <p className="muted">{m.traceNote}</p>
        <div className="trace-scroll">
          <table className="data-table trace-table" data-testid="trace-table">
            <thead>
              <tr>
                <th className="rule-head">{m.rule}</th>
                <th className="run-head">{m.baseline}</th>
                <th className="run-head">{fill(m.reform, { name: scenarioName })}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className={row.differs ? 'differs' : undefined} data-testid={`trace-row-${row.id}`}>
                  <td className="rule-cell">
                    <div>{row.label}</div>
                    {row.note ? <div className="muted">{row.note}</div> : null}
                  </td>
                  <StepCell step={row.baseline} />
                  <StepCell step={row.reform} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}

function StepCell({ step }: { step: HouseholdTraceRun['steps'][number] | null }) {
  const language = useUiStore((s) => s.language);
  if (!step) return <td className="step-cell">—</td>;
  const comparison = formatComparison(step, language);
  const tone = typeof step.result === 'boolean' ? (step.result ? 'pass' : 'fail') : '';
  return (
    <td className="step-cell">
      <div className="step-line">
        <span className="step-test">{comparison ?? ''}</span>
        <span className={`step-result ${tone}`}>{formatResult(step, language)}</span>
      </div>
      <div className="step-inputs">{formatInputs(step, language).join(' · ')}</div>
    </td>
  );
}
