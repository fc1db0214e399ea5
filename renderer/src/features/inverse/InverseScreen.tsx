// The inverse questions and sensitivity screen: what a budget affords, what reaches a coverage target, and a tornado
// of the key parameters' effects, each labelled with the scenario it starts from. The engine solves in its worker;
// this screen shows progress and the answers.
import { NoDatasetNotice } from '../../components/NoDatasetNotice.tsx';
import { ScenarioSelect } from '../../components/ScenarioSelect.tsx';
import { useEffect, useMemo, useState } from 'react';
import { EChart } from '../../charts/EChart.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import type { TableColumn } from '../../components/DataTable.tsx';
import { NumberField } from '../../components/NumberField.tsx';
import { StatCard } from '../../components/StatCard.tsx';
import { fill, pick } from '../../i18n/i18n.ts';
import { formatValue, unitOf } from '../../format/units.ts';
import type { InverseLever, SolveResult } from '../../../../sim/index.ts';
import { useUiStore } from '../../store/ui-store.ts';
import { selectActiveDataset, useWorkspaceStore } from '../../store/workspace-store.ts';
import { BUDGET_LEVERS, COVERAGE_LEVERS, COVERAGE_METRICS, useInverseStore } from './inverse-store.ts';
import type { StartOutcome, Task } from './inverse-store.ts';
import { tornadoBars } from './sensitivity-data.ts';
import { answerScenario, answerText, coverageMiss, labelSep } from './answer-text.ts';
import type { SensitivityOutcome } from './sensitivity-data.ts';
import { sortTornado, tornadoOption } from './tornado-chart.ts';
import { axisName } from '../projection/projection-chart.ts';
import type { TornadoBar } from './tornado-chart.ts';
import { useInverseMessages } from './messages.ts';
import { RunProgress } from './RunProgress.tsx';
import './inverse.css';

type Messages = ReturnType<typeof useInverseMessages>;

const LEVER_LABEL: Record<InverseLever, keyof Messages> = {
  scalePct: 'leverScalePct',
  consumptionRatio: 'leverConsumptionRatio',
  monitoringMultiplier: 'leverMonitoringMultiplier',
};

/** Inverse questions and the sensitivity tornado. */
export function InverseScreen() {
  const m = useInverseMessages();
  const language = useUiStore((s) => s.language);
  const setScreen = useUiStore((s) => s.setScreen);
  const dataset = useWorkspaceStore(selectActiveDataset);
  const scenarios = useWorkspaceStore((s) => s.scenarios);
  const activeScenarioId = useWorkspaceStore((s) => s.activeScenarioId);
  const state = useInverseStore();
  const startId = state.startId ?? activeScenarioId;
  const startEntry = scenarios.find((s) => s.id === startId) ?? scenarios[0];
  const ready = dataset?.status === 'ready';
  const loadStart = state.loadStart;

  useEffect(() => {
    if (ready) void loadStart();
  }, [ready, loadStart, startEntry, dataset?.id]);

  if (!ready) {
    return (
      <section>
        <h2>{m.title}</h2>
        <div className="panel" data-testid="inverse-no-dataset">
          <NoDatasetNotice message={m.noDataset} />
          <button type="button" className="primary" onClick={() => setScreen('data')}>
            {m.goToData}
          </button>
        </div>
      </section>
    );
  }

  const start = state.start && state.start.scenarioId === startEntry.id ? state.start : null;
  const moneyScale = language === 'zh' ? 1e-8 : 1e-9;
  return (
    <section className="inverse-screen" data-testid="inverse-screen">
      <header className="screen-head">
        <h2>{m.title}</h2>
        <p className="muted">{m.intro}</p>
      </header>

      <div className="panel start-panel">
        <label className="control-label" htmlFor="inverse-start">
          {m.startFrom}
        </label>
        <ScenarioSelect
          id="inverse-start"
          value={startEntry.id}
          testId="inverse-start-scenario"
          onChange={state.setStartId}
        />
        <span className="muted" data-testid="inverse-start-note">
          {start
            ? fill(m.startNote, {
                cost: formatValue(start.cost, 'money', language),
                households: formatValue(start.households, 'households', language),
                coverage: formatValue(start.coverageCash, 'share', language),
              })
            : ''}
        </span>
        {state.startError ? (
          <div className="error-box" role="alert" data-testid="inverse-start-error">
            {pick(state.startError, language)}
          </div>
        ) : null}
      </div>

      <div className="grid-2">
        <div className="panel solve-panel" data-testid="solve-budget-panel">
          <h3>{m.budgetTitle}</h3>
          <p className="muted">{m.budgetHelp}</p>
          <div className="solve-inputs">
            <NumberField
              label={m.budget}
              value={state.budget ?? 0}
              min={0}
              max={1e13}
              step={language === 'zh' ? 1e7 : 1e7}
              scale={moneyScale}
              unit={unitOf('money', language)}
              slider={false}
              name={{ zh: '年度预算', en: 'annual budget' }}
              onChange={state.setBudget}
              testId="solve-budget"
            />
            <LeverSelect
              levers={BUDGET_LEVERS}
              value={state.budgetLever}
              onChange={(lever) => {
                if (lever === 'scalePct' || lever === 'consumptionRatio') state.setBudgetLever(lever);
              }}
              testId="solve-budget-lever"
            />
            <button
              type="button"
              className="primary"
              data-testid="solve-budget-run"
              disabled={state.budgetTask.status === 'running' || state.budget === null}
              onClick={() => void state.solveBudget()}
            >
              {state.budgetTask.status === 'running' ? m.solving : m.solve}
            </button>
          </div>
          {start ? (
            <p className="muted reference">
              {fill(m.budgetReference, { cost: formatValue(start.cost, 'money', language) })}
            </p>
          ) : null}
          <SolveAnswer task={state.budgetTask} start={start} testId="solve-budget-result" />
        </div>

        <div className="panel solve-panel" data-testid="solve-coverage-panel">
          <h3>{m.coverageTitle}</h3>
          <p className="muted">{m.coverageHelp}</p>
          <div className="solve-inputs">
            <NumberField
              label={m.target}
              value={state.target}
              min={0.001}
              max={0.5}
              step={0.001}
              scale={100}
              unit="%"
              slider={false}
              name={{ zh: '覆盖目标', en: 'coverage target' }}
              onChange={state.setTarget}
              testId="solve-coverage"
            />
            <label className="select-field">
              <span className="control-label">{m.metric}</span>
              <select
                value={state.coverageMetric}
                data-testid="solve-coverage-metric"
                onChange={(event) => {
                  const next = COVERAGE_METRICS.find((metric) => metric === event.target.value);
                  if (next) state.setCoverageMetric(next);
                }}
              >
                {COVERAGE_METRICS.map((metric) => (
                  <option key={metric} value={metric}>
                    {metric === 'cash' ? m.metricCash : metric === 'lowIncome' ? m.metricLowIncome : m.metricMonitored}
                  </option>
                ))}
              </select>
            </label>
            <LeverSelect
              levers={COVERAGE_LEVERS}
              value={state.coverageLever}
              onChange={state.setCoverageLever}
              testId="solve-coverage-lever"
            />
            <button
              type="button"
              className="primary"
              data-testid="solve-coverage-run"
              disabled={state.coverageTask.status === 'running'}
              onClick={() => void state.solveCoverage()}
            >
              {state.coverageTask.status === 'running' ? m.solving : m.solve}
            </button>
          </div>
          {start ? (
            <p className="muted reference">
              {m.resultCoverageCash}
              {labelSep(language)}
              {formatValue(start.coverageCash, 'share', language)}
            </p>
          ) : null}
          <SolveAnswer
            task={state.coverageTask}
            start={start}
            testId="solve-coverage-result"
            miss={
              state.coverageTask.result && state.coverageAsked
                ? coverageMiss(state.coverageTask.result, state.coverageAsked.metric, state.coverageAsked.target)
                : null
            }
            target={state.coverageAsked?.target}
          />
        </div>
      </div>

      <SensitivityPanel start={start} />
    </section>
  );
}

function LeverSelect({
  levers,
  value,
  onChange,
  testId,
}: {
  levers: readonly InverseLever[];
  value: InverseLever;
  onChange: (lever: InverseLever) => void;
  testId: string;
}) {
  const m = useInverseMessages();
  return (
    <label className="select-field">
      <span className="control-label">{m.lever}</span>
      <select
        value={value}
        data-testid={testId}
        onChange={(event) => {
          const next = levers.find((lever) => lever === event.target.value);
          if (next) onChange(next);
        }}
      >
        {levers.map((lever) => (
          <option key={lever} value={lever}>
            {m[LEVER_LABEL[lever]]}
          </option>
        ))}
      </select>
    </label>
  );
}

function TaskProgress({ task, testId }: { task: Task<unknown>; testId: string }) {
  const language = useUiStore((s) => s.language);
  if (task.status === 'running') {
    return <RunProgress fraction={task.progress} startedAt={task.startedAt} testId={`${testId}-progress`} />;
  }
  if (task.error) {
    return (
      <div className="error-box" role="alert" data-testid={`${testId}-error`}>
        {pick(task.error, language)}
      </div>
    );
  }
  return null;
}

function SolveAnswer({
  task,
  start,
  testId,
  miss = null,
  target,
}: {
  task: Task<SolveResult>;
  start: StartOutcome | null;
  testId: string;
  /** Coverage achieved when it misses the target (coverage question only). */
  miss?: number | null;
  target?: number;
}) {
  const m = useInverseMessages();
  const language = useUiStore((s) => s.language);
  const result = task.result;
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className="solve-answer" data-testid={testId} data-status={task.status}>
      <TaskProgress task={task} testId={testId} />
      {result && task.status !== 'running' ? (
        <>
          <div className="answer-head">
            <span className="badge">{fill(m.startsFrom, { name: task.startName ?? '' })}</span>
          </div>
          {result.ok ? (
            <p className="answer-line" data-testid={`${testId}-answer`} data-value={result.value}>
              {answerText(result, m, language)}
            </p>
          ) : (
            <div className="warning-box" data-testid={`${testId}-unreachable`}>
              <b>{m.unreachable}</b>
              {result.messageZh && result.messageEn
                ? `${labelSep(language)}${pick({ messageZh: result.messageZh, messageEn: result.messageEn }, language)}`
                : ''}
            </div>
          )}
          {result.ok && miss !== null && target !== undefined ? (
            <div className="warning-box" data-testid={`${testId}-miss`}>
              {fill(m.missed, {
                achieved: formatValue(miss, 'share', language),
                target: formatValue(target, 'share', language),
              })}
            </div>
          ) : null}
          <div className="answer-cards">
            <StatCard
              compact
              label={m.resultCost}
              value={result.cost}
              quantity="money"
              reference={start?.cost}
              referenceLabel={m.vsStart}
              testId={`${testId}-cost`}
            />
            <StatCard
              compact
              label={m.resultHouseholds}
              value={result.households}
              quantity="households"
              reference={start?.households}
              referenceLabel={m.vsStart}
              testId={`${testId}-households`}
            />
            <StatCard
              compact
              label={m.resultPersons}
              value={result.persons}
              quantity="persons"
              testId={`${testId}-persons`}
            />
            <StatCard
              compact
              label={m.resultCoverageCash}
              value={result.coverageCash}
              quantity="share"
              reference={start?.coverageCash}
              referenceLabel={m.vsStart}
              testId={`${testId}-coverage`}
            />
            <StatCard compact label={m.resultCoverageLowIncome} value={result.coverageLowIncome} quantity="share" />
            <StatCard compact label={m.resultCoverageMonitored} value={result.coverageMonitored} quantity="share" />
          </div>
          <p className="muted">{fill(m.iterations, { n: result.iterations, ms: Math.round(task.ms ?? 0) })}</p>
          {result.ok && task.startDocument ? (
            <div className="toolbar">
              <button
                type="button"
                data-testid={`${testId}-save`}
                onClick={() => {
                  const name = `${task.startName ?? ''} · ${answerText(result, m, language)}`;
                  const document = answerScenario(task.startDocument!, result, name);
                  if (document) {
                    useWorkspaceStore.getState().createScenario(name, document);
                    setSaved(name);
                  }
                }}
              >
                {m.saveAnswer}
              </button>
              {saved ? (
                <span className="muted" data-testid={`${testId}-saved`}>
                  {fill(m.savedAnswer, { name: saved })}
                </span>
              ) : null}
            </div>
          ) : null}
        </>
      ) : task.status === 'idle' ? (
        <p className="muted">{m.notRun}</p>
      ) : null}
    </div>
  );
}

function SensitivityPanel({ start }: { start: StartOutcome | null }) {
  const m = useInverseMessages();
  const language = useUiStore((s) => s.language);
  const task = useInverseStore((s) => s.sensitivityTask);
  const runSensitivity = useInverseStore((s) => s.runSensitivity);
  const [outcome, setOutcome] = useState<SensitivityOutcome>('cost');
  const [swing, setSwing] = useState<string>('0.2');
  const quantity = outcome === 'cost' ? 'money' : 'households';
  const bars = useMemo<TornadoBar[]>(() => {
    if (!task.result || !start) return [];
    return sortTornado(tornadoBars(task.result, outcome === 'cost' ? start.cost : start.households, outcome, language));
  }, [task.result, start, outcome, language]);
  const option = useMemo(
    () =>
      tornadoOption(bars, quantity, language, {
        low: m.lowEnd,
        high: m.highEnd,
        outcome: outcome === 'cost' ? m.changeCost : m.changeCases,
      }),
    [bars, quantity, language, m, outcome],
  );
  const columns = useMemo<TableColumn<TornadoBar>[]>(
    () => [
      { id: 'param', header: m.parameter, value: (bar) => bar.label },
      { id: 'low', header: m.lowSetting, value: (bar) => bar.lowSetting, sortable: false },
      { id: 'high', header: m.highSetting, value: (bar) => bar.highSetting, sortable: false },
      {
        id: 'lowDelta',
        header: axisName(m.lowEnd, unitOf(quantity, language), language),
        value: (bar) => bar.lowDelta,
        quantity,
        signed: true,
        suppressible: false,
      },
      {
        id: 'highDelta',
        header: axisName(m.highEnd, unitOf(quantity, language), language),
        value: (bar) => bar.highDelta,
        quantity,
        signed: true,
        suppressible: false,
      },
    ],
    [m, quantity, language],
  );
  const height = Math.max(260, 60 + bars.length * 34);
  return (
    <div className="panel" data-testid="sensitivity">
      <div className="chart-head">
        <h3>{m.tornadoTitle}</h3>
        <div className="toolbar">
          <button
            type="button"
            className={outcome === 'cost' ? 'active' : ''}
            aria-pressed={outcome === 'cost'}
            data-testid="tornado-outcome-cost"
            onClick={() => setOutcome('cost')}
          >
            {m.outcomeCost}
          </button>
          <button
            type="button"
            className={outcome === 'cases' ? 'active' : ''}
            aria-pressed={outcome === 'cases'}
            data-testid="tornado-outcome-cases"
            onClick={() => setOutcome('cases')}
          >
            {m.outcomeCases}
          </button>
          <label className="control-label">
            {m.swing}{' '}
            <select value={swing} data-testid="sensitivity-swing" onChange={(event) => setSwing(event.target.value)}>
              <option value="0.1">±10%</option>
              <option value="0.2">±20%</option>
              <option value="0.5">±50%</option>
              <option value="range">{m.swingRange}</option>
            </select>
          </label>
          <button
            type="button"
            className="primary"
            data-testid="sensitivity-run"
            disabled={task.status === 'running'}
            onClick={() => void runSensitivity(swing === 'range' ? 'range' : Number(swing))}
          >
            {m.runSensitivity}
          </button>
        </div>
      </div>
      <p className="muted">{m.tornadoHelp}</p>
      <p className="muted" data-testid="sensitivity-swing-note">
        {swing === 'range' ? m.swingRangeNote : fill(m.swingNote, { pct: Math.round(Number(swing) * 100) })}
      </p>
      <TaskProgress task={task} testId="sensitivity" />
      {bars.length > 0 ? (
        <>
          <span className="badge">{fill(m.startsFrom, { name: task.startName ?? '' })}</span>
          <div data-testid="tornado-chart" data-bars={bars.length}>
            <EChart option={option} height={height} label={m.tornadoTitle} />
          </div>
          <DataTable rows={bars} columns={columns} rowKey={(bar) => bar.id} testId="tornado-table" />
        </>
      ) : task.status === 'idle' ? (
        <p className="muted">{m.notRun}</p>
      ) : null}
    </div>
  );
}
