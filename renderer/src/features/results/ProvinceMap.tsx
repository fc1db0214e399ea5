// The province tile map: 31 provinces on an approximate geographic grid, coloured by a selectable indicator,
// suppressed provinces grey, exact values on hover, a click drills down to the province.
import { useMemo, useState } from 'react';
import { useUiStore } from '../../store/ui-store.ts';
import { fill } from '../../i18n/i18n.ts';
import { formatValue } from '../../format/units.ts';
import { PROVINCE_TILES, TILE_COLS, TILE_ROWS, colourDomain, textColourOn, tileColour } from './province-tiles.ts';
import { MAP_INDICATORS, tileValue } from './map-indicators.ts';
import type { RegionRow } from './result-model.ts';
import { useResultsMessages } from './messages.ts';

export interface ProvinceMapProps {
  rows: readonly RegionRow[];
  minCell: number;
  selected: string | null;
  onSelect: (code: string) => void;
}

/** Tile map with indicator select (`map-indicator`), tiles `tile-<code>`, legend and hover details (`map-hover`). */
export function ProvinceMap({ rows, minCell, selected, onSelect }: ProvinceMapProps) {
  const language = useUiStore((s) => s.language);
  const m = useResultsMessages();
  const [indicatorId, setIndicatorId] = useState('dCashPersons');
  const [hover, setHover] = useState<string | null>(null);
  const indicator = MAP_INDICATORS.find((i) => i.id === indicatorId) ?? MAP_INDICATORS[0];
  const byCode = useMemo(() => new Map(rows.map((r) => [r.code, r])), [rows]);
  const values = PROVINCE_TILES.map((t) => tileValue(byCode.get(t.code), indicator, minCell));
  const domain = colourDomain(values, indicator.scale);
  const focus = hover ?? selected;
  const focusRow = focus ? byCode.get(focus) : undefined;
  const focusValue = focusRow ? tileValue(focusRow, indicator, minCell) : Number.NaN;
  const short = (v: number) =>
    formatValue(v, indicator.quantity, language, {
      withUnit: false,
      signed: indicator.scale === 'diverging',
      digits: indicator.quantity === 'share' ? 1 : language === 'zh' ? 1 : 2,
    });

  return (
    <div className="province-map" data-testid="province-map">
      <div className="toolbar">
        <label>
          <span className="muted">{m.mapIndicator} </span>
          <select value={indicator.id} data-testid="map-indicator" onChange={(e) => setIndicatorId(e.target.value)}>
            {MAP_INDICATORS.map((i) => (
              <option key={i.id} value={i.id}>
                {language === 'zh' ? i.zh : i.en}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">{m.mapHint}</span>
      </div>
      <div
        className="tile-grid"
        style={{ gridTemplateColumns: `repeat(${TILE_COLS}, 1fr)`, gridTemplateRows: `repeat(${TILE_ROWS}, 1fr)` }}
        onMouseLeave={() => setHover(null)}
      >
        {PROVINCE_TILES.map((tile, index) => {
          const row = byCode.get(tile.code);
          const value = values[index];
          const background = tileColour(value, domain, indicator.scale);
          const name = row
            ? language === 'zh'
              ? row.nameZh
              : row.nameEn
            : language === 'zh'
              ? tile.shortZh
              : tile.shortEn;
          const exact = Number.isFinite(value)
            ? formatValue(value, indicator.quantity, language, { signed: indicator.scale === 'diverging' })
            : m.noData;
          return (
            <button
              key={tile.code}
              type="button"
              className={`tile${selected === tile.code ? ' selected' : ''}`}
              style={{ gridRow: tile.row + 1, gridColumn: tile.col + 1, background, color: textColourOn(background) }}
              data-testid={`tile-${tile.code}`}
              data-value={Number.isFinite(value) ? value : ''}
              title={`${name}\n${language === 'zh' ? indicator.zh : indicator.en}: ${exact}`}
              onMouseEnter={() => setHover(tile.code)}
              onFocus={() => setHover(tile.code)}
              onClick={() => onSelect(tile.code)}
            >
              <span className={`tile-name ${language}`}>{language === 'zh' ? tile.shortZh : tile.shortEn}</span>
              <span className="tile-value">{Number.isFinite(value) ? short(value) : '▪'}</span>
            </button>
          );
        })}
      </div>
      <div className="map-legend">
        <span>{formatValue(domain[0], indicator.quantity, language, { signed: indicator.scale === 'diverging' })}</span>
        <span
          className="legend-bar"
          style={{
            background: `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1]
              .map((t) => tileColour(domain[0] + (domain[1] - domain[0]) * t, domain, indicator.scale))
              .join(', ')})`,
          }}
        />
        <span>{formatValue(domain[1], indicator.quantity, language, { signed: indicator.scale === 'diverging' })}</span>
        <span className="legend-missing" style={{ background: tileColour(Number.NaN, domain, indicator.scale) }} />
        <span className="muted">{m.noData}</span>
      </div>
      <div className="map-hover" data-testid="map-hover">
        {focusRow ? (
          <>
            <strong>{language === 'zh' ? focusRow.nameZh : focusRow.nameEn}</strong>{' '}
            {language === 'zh' ? indicator.zh : indicator.en}:{' '}
            {Number.isFinite(focusValue)
              ? formatValue(focusValue, indicator.quantity, language, { signed: indicator.scale === 'diverging' })
              : m.noData}
            {Number.isFinite(focusValue) ? (
              <span className="muted">
                {' · '}
                {m.cashPersons} {formatValue(focusRow.cashPersons, 'persons', language)} · {m.totalCost}{' '}
                {formatValue(focusRow.cost, 'money', language)} · {m.sample} {focusRow.sample}
              </span>
            ) : null}
          </>
        ) : (
          <span className="muted">{fill(m.mapHint, {})}</span>
        )}
      </div>
    </div>
  );
}
