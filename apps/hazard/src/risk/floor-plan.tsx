import { RISK_LEVEL_VARIANTS, RISK_LEVELS, type RiskLevel, useT } from '@safety/ui';
import { Space, Typography } from 'antd';
import { type MouseEvent, useRef } from 'react';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';

/** The enterprise floor plan is a 0–1000 square (the service's `floorPlanPolygon` space, domain §5.3). */
export const PLAN_SIZE = 1000;
const UNASSESSED_COLOUR = '#bfbfbf';

export type Vertex = [number, number];

export interface FloorPlanPoint {
  id: string;
  name: string;
  riskLevel?: string | null;
  floorPlanPolygon?: ReadonlyArray<ReadonlyArray<number>> | null;
}

export interface FloorPlanProps {
  points: readonly FloorPlanPoint[];
  /** Accessible name of the drawing. */
  label: string;
  selectedId?: string | null;
  onSelect?: (id: string) => void;
  onHover?: (id: string | null) => void;
  /** Drawing mode: the vertices drawn so far; clicks on the plan add one. Other points are dimmed. */
  draft?: readonly Vertex[];
  onAddVertex?: (vertex: Vertex) => void;
}

export const colourOf = (level: string | null | undefined) =>
  level ? (RISK_LEVEL_VARIANTS[level as RiskLevel]?.colour ?? UNASSESSED_COLOUR) : UNASSESSED_COLOUR;

/** The label's anchor: the vertices' mean (good enough for the convex shapes drawn on a plan). */
function centre(polygon: ReadonlyArray<ReadonlyArray<number>>): Vertex {
  const n = polygon.length || 1;
  return [
    polygon.reduce((sum, p) => sum + (p[0] ?? 0), 0) / n,
    polygon.reduce((sum, p) => sum + (p[1] ?? 0), 0) / n,
  ];
}

/** Shoelace formula: the polygon's area in plan units. */
function area(polygon: ReadonlyArray<ReadonlyArray<number>>): number {
  let twice = 0;
  polygon.forEach((p, i) => {
    const q = polygon[(i + 1) % polygon.length] ?? p;
    twice += (p[0] ?? 0) * (q[1] ?? 0) - (q[0] ?? 0) * (p[1] ?? 0);
  });
  return Math.abs(twice) / 2;
}

const pointsAttr = (polygon: ReadonlyArray<ReadonlyArray<number>>) =>
  polygon.map((p) => p.join(',')).join(' ');

/**
 * 企业风险四色分布图 (domain §5.3): each risk point's floor-plan polygon in the national colour of its
 * level (红橙黄蓝, grey until assessed), named, with a legend. In drawing mode a click adds a vertex.
 */
export function FloorPlan({
  points,
  label,
  selectedId,
  onSelect,
  onHover,
  draft,
  onAddVertex,
}: FloorPlanProps) {
  const t = useT(HAZARD_NAMESPACE);
  const svg = useRef<SVGSVGElement>(null);
  const drawing = draft !== undefined;
  const shapes = points.filter((p) => (p.floorPlanPolygon?.length ?? 0) >= 3);
  // Larger areas first, so a small point inside a large one stays visible and clickable; the selected
  // point last, on top.
  const ordered = [...shapes].sort(
    (a, b) =>
      Number(a.id === selectedId) - Number(b.id === selectedId) ||
      area(b.floorPlanPolygon ?? []) - area(a.floorPlanPolygon ?? []),
  );

  const addVertex = (event: MouseEvent<SVGSVGElement>) => {
    if (!drawing || !onAddVertex || !svg.current) return;
    const matrix = svg.current.getScreenCTM();
    if (!matrix) return;
    const at = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    const clamp = (v: number) => Math.min(PLAN_SIZE, Math.max(0, Math.round(v)));
    onAddVertex([clamp(at.x), clamp(at.y)]);
  };

  return (
    <div>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: corners are placed with a pointer; the polygon is optional and the list beside the plan is the keyboard path. */}
      <svg
        ref={svg}
        role="img"
        aria-label={label}
        data-testid="floor-plan"
        viewBox={`0 0 ${PLAN_SIZE} ${PLAN_SIZE}`}
        onClick={addVertex}
        style={{
          width: '100%',
          maxWidth: 640,
          aspectRatio: '1 / 1',
          display: 'block',
          background: '#fafafa',
          border: '1px solid #d9d9d9',
          cursor: drawing ? 'crosshair' : 'default',
          touchAction: 'manipulation',
        }}
      >
        <defs>
          <pattern id="floor-plan-grid" width="50" height="50" patternUnits="userSpaceOnUse">
            <path d="M 50 0 L 0 0 0 50" fill="none" stroke="#f0f0f0" strokeWidth="2" />
          </pattern>
        </defs>
        <rect width={PLAN_SIZE} height={PLAN_SIZE} fill="url(#floor-plan-grid)" />
        {ordered.map((point) => {
          const polygon = point.floorPlanPolygon ?? [];
          const [cx, cy] = centre(polygon);
          const selected = point.id === selectedId;
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; role + keys make it one.
            <g
              key={point.id}
              data-testid="floor-plan-point"
              data-point-name={point.name}
              data-risk-level={point.riskLevel ?? 'NONE'}
              role="button"
              aria-disabled={drawing}
              tabIndex={drawing ? -1 : 0}
              aria-label={point.name}
              style={{ cursor: drawing ? 'crosshair' : 'pointer', opacity: drawing ? 0.45 : 1 }}
              onClick={(event) => {
                if (drawing) return;
                event.stopPropagation();
                onSelect?.(point.id);
              }}
              onKeyDown={(event) => {
                if (!drawing && (event.key === 'Enter' || event.key === ' ')) onSelect?.(point.id);
              }}
              onMouseEnter={() => onHover?.(point.id)}
              onMouseLeave={() => onHover?.(null)}
            >
              <title>{`${point.name} · ${point.riskLevel ? t(`risk.levels.${point.riskLevel}`) : t('risk.unassessed')}`}</title>
              <polygon
                points={pointsAttr(polygon)}
                fill={colourOf(point.riskLevel)}
                fillOpacity={0.8}
                stroke={selected ? '#141414' : '#595959'}
                strokeWidth={selected ? 8 : 2}
              />
              <text
                x={cx}
                y={cy}
                textAnchor="middle"
                dominantBaseline="middle"
                fontSize={24}
                fill="#141414"
                stroke="#ffffff"
                strokeWidth={5}
                paintOrder="stroke"
                style={{ pointerEvents: 'none', userSelect: 'none' }}
              >
                {point.name.length > 10 ? `${point.name.slice(0, 9)}…` : point.name}
              </text>
            </g>
          );
        })}
        {draft && draft.length > 0 ? (
          <g data-testid="floor-plan-draft" style={{ pointerEvents: 'none' }}>
            <polygon
              points={pointsAttr(draft)}
              fill="#1677ff"
              fillOpacity={draft.length >= 3 ? 0.25 : 0}
              stroke="#1677ff"
              strokeWidth={4}
              strokeDasharray="12 8"
            />
            {draft.map(([x, y], index) => (
              <circle key={index} cx={x} cy={y} r={10} fill="#ffffff" stroke="#1677ff" strokeWidth={4} />
            ))}
          </g>
        ) : null}
      </svg>
      <Space wrap size={[12, 4]} style={{ marginTop: 8 }} data-testid="floor-plan-legend">
        {RISK_LEVELS.map((level) => (
          <Space key={level} size={4}>
            <span
              style={{ display: 'inline-block', width: 14, height: 14, background: colourOf(level) }}
              aria-hidden
            />
            <Typography.Text>{t(`risk.levels.${level}`)}</Typography.Text>
          </Space>
        ))}
        <Space size={4}>
          <span
            style={{ display: 'inline-block', width: 14, height: 14, background: UNASSESSED_COLOUR }}
            aria-hidden
          />
          <Typography.Text>{t('risk.unassessed')}</Typography.Text>
        </Space>
      </Space>
    </div>
  );
}
