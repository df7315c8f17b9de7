import { type CSSProperties, type KeyboardEvent, useMemo, useState } from 'react';
import { useLanguage, useT } from '../i18n/i18n.js';
import {
  type ColourScale,
  colourScale,
  equalThresholds,
  NO_DATA_COLOUR,
  RISK_LEVEL_SCALE,
  stepOf,
  stepRange,
} from './colour-scale.js';
import {
  COUNTY_MAP_TOWNS,
  COUNTY_MAP_VIEWBOX,
  type CountyMapTown,
  SHIYANG_RIVER_POINTS,
} from './county-map.data.js';

/** `sequential`: counts on blues; `riskLevels`: values are RISK_LEVEL_RANK, drawn in the four national colours. */
export type CountyMapMode = 'sequential' | 'riskLevels';

export interface CountyMapProps {
  /** Value per town code (620621100 … 620621117); towns left out are drawn as "no data". */
  values: Record<string, number>;
  mode?: CountyMapMode;
  /** Thresholds → colours; overrides the mode's scale (default: five equal classes of blues). */
  scale?: ColourScale;
  onSelect?: (townCode: string) => void;
  /** The town drawn with a thick outline. */
  selectedCode?: string;
  /** What the values are, e.g. 隐患数量; heads the legend and names the map for screen readers. */
  title?: string;
  formatValue?: (value: number) => string;
  /** CSS width of the map; the height follows the drawing's aspect ratio. */
  width?: number | string;
}

/** Per mode: the scale it draws with when none is given (variants as data). */
const MODE_SCALES: Record<CountyMapMode, (values: number[]) => ColourScale> = {
  sequential: (values) => colourScale(equalThresholds(values)),
  riskLevels: () => RISK_LEVEL_SCALE,
};

const { x: VX, y: VY, width: VW, height: VH } = COUNTY_MAP_VIEWBOX;

const styles = {
  root: { position: 'relative', display: 'inline-block', maxWidth: '100%' },
  svg: { display: 'block', width: '100%', height: 'auto' },
  tooltip: {
    position: 'absolute',
    transform: 'translate(-50%, calc(-100% - 8px))',
    background: 'rgba(0, 0, 0, 0.8)',
    color: '#fff',
    padding: '4px 8px',
    borderRadius: 4,
    fontSize: 12,
    whiteSpace: 'nowrap',
    pointerEvents: 'none',
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: '4px 12px',
    listStyle: 'none',
    margin: '8px 0 0',
    padding: 0,
  },
  legendItem: { display: 'inline-flex', alignItems: 'center', gap: 4, fontSize: 12 },
  swatch: { display: 'inline-block', width: 14, height: 14, border: '1px solid #d9d9d9' },
  note: { fontSize: 11, color: 'rgba(0, 0, 0, 0.45)' },
} satisfies Record<string, CSSProperties>;

/**
 * An offline schematic map of the county's 18 towns (no tiles, no network): each town filled by its value.
 * The shapes are schematic, not surveyed boundaries (see county-map.data.ts).
 */
export function CountyMap({
  values,
  mode = 'sequential',
  scale,
  onSelect,
  selectedCode,
  title,
  formatValue = String,
  width = 480,
}: CountyMapProps) {
  const t = useT();
  const { language } = useLanguage();
  const [active, setActive] = useState<string | null>(null);
  const steps = useMemo(() => scale ?? MODE_SCALES[mode](Object.values(values)), [scale, mode, values]);

  const townName = (town: CountyMapTown) => (language === 'en' ? town.nameEn : town.name);
  const describe = (town: CountyMapTown) => {
    const value = values[town.code];
    const step = stepOf(steps, value);
    const shown =
      value === undefined ? t('countyMap.noData') : step?.labelKey ? t(step.labelKey) : formatValue(value);
    return t('countyMap.value', { town: townName(town), value: shown });
  };
  const select = (code: string) => onSelect?.(code);
  const onKeyDown = (code: string) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      select(code);
    }
  };

  const activeTown = COUNTY_MAP_TOWNS.find((town) => town.code === active);
  const missing = COUNTY_MAP_TOWNS.some((town) => stepOf(steps, values[town.code]) === undefined);
  const mapLabel = title ? `${t('countyMap.label')}：${title}` : t('countyMap.label');

  return (
    <div className="safety-county-map" style={{ ...styles.root, width }}>
      <svg
        role="img"
        aria-label={mapLabel}
        viewBox={`${VX} ${VY} ${VW} ${VH}`}
        style={styles.svg}
        onMouseLeave={() => setActive(null)}
      >
        {COUNTY_MAP_TOWNS.map((town) => {
          const fill = stepOf(steps, values[town.code])?.colour ?? NO_DATA_COLOUR;
          const selected = town.code === selectedCode;
          return (
            // biome-ignore lint/a11y/noStaticElementInteractions: the role is button exactly when onSelect makes the town clickable; hover only shows the tooltip
            <polygon
              key={town.code}
              data-town-code={town.code}
              points={town.points}
              fill={fill}
              stroke={selected ? '#141414' : '#ffffff'}
              strokeWidth={selected ? 3 : 1.5}
              strokeLinejoin="round"
              // A town is a button when the map is selectable; keyboard users reach it with Tab.
              role={onSelect ? 'button' : undefined}
              tabIndex={onSelect ? 0 : undefined}
              style={{ cursor: onSelect ? 'pointer' : undefined, outline: 'none' }}
              onClick={() => select(town.code)}
              onKeyDown={onKeyDown(town.code)}
              onMouseEnter={() => setActive(town.code)}
              onFocus={() => setActive(town.code)}
              onBlur={() => setActive(null)}
            >
              <title>{describe(town)}</title>
            </polygon>
          );
        })}
        {/* Decoration (inside role="img", so not read out): the river, and names the towns' titles repeat. */}
        <g pointerEvents="none" style={{ userSelect: 'none' }}>
          <polyline
            points={SHIYANG_RIVER_POINTS}
            fill="none"
            stroke="#69b1ff"
            strokeWidth={2}
            strokeDasharray="6 4"
          />
          {COUNTY_MAP_TOWNS.map((town) => (
            <text
              key={town.code}
              x={town.label[0]}
              y={town.label[1]}
              textAnchor="middle"
              dominantBaseline="middle"
              fontSize={10}
              fill="#1f1f1f"
              stroke="#ffffff"
              strokeWidth={2.5}
              paintOrder="stroke"
            >
              {townName(town)}
            </text>
          ))}
        </g>
      </svg>
      {activeTown ? (
        <div
          role="tooltip"
          style={{
            ...styles.tooltip,
            left: `${((activeTown.label[0] - VX) / VW) * 100}%`,
            top: `${((activeTown.label[1] - VY) / VH) * 100}%`,
          }}
        >
          {describe(activeTown)}
        </div>
      ) : null}
      <ul
        aria-label={title ? `${t('countyMap.legend')}：${title}` : t('countyMap.legend')}
        style={styles.legend}
      >
        {steps.map((step, index) => (
          <li key={step.from} style={styles.legendItem}>
            <span aria-hidden="true" style={{ ...styles.swatch, background: step.colour }} />
            {step.labelKey ? t(step.labelKey) : stepRange(steps, index)}
          </li>
        ))}
        {missing ? (
          <li style={styles.legendItem}>
            <span aria-hidden="true" style={{ ...styles.swatch, background: NO_DATA_COLOUR }} />
            {t('countyMap.noData')}
          </li>
        ) : null}
      </ul>
      <div style={styles.note}>{t('countyMap.schematic')}</div>
    </div>
  );
}
