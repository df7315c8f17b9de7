import { formatShanghaiDateTime } from '@safety/ui';
import { Fragment, useEffect, useMemo, useRef } from 'react';

/** A message pinned to a line (1-based) of the SDL, e.g. a composition error or a diff entry. */
export interface SdlMarker {
  line: number;
  column?: number | null;
  message: string;
  /** Variants are data: error (red), warning (orange), info (blue). */
  level?: 'error' | 'warning' | 'info';
}

const MARKER_STYLE: Record<
  NonNullable<SdlMarker['level']>,
  { line: string; note: string; border: string }
> = {
  error: { line: '#fff1f0', note: '#cf1322', border: '#ffa39e' },
  warning: { line: '#fff7e6', note: '#d46b08', border: '#ffd591' },
  info: { line: '#e6f4ff', note: '#0958d9', border: '#91caff' },
};

const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';

/**
 * An SDL in monospace with line numbers; markers highlight their line and show their message under
 * it. The first marked line is scrolled into view.
 */
export function SdlView({
  sdl,
  testId,
  markers = [],
}: {
  sdl: string;
  testId?: string;
  markers?: SdlMarker[];
}) {
  const lines = useMemo(() => sdl.split('\n'), [sdl]);
  const byLine = useMemo(() => {
    const map = new Map<number, SdlMarker[]>();
    for (const marker of markers) map.set(marker.line, [...(map.get(marker.line) ?? []), marker]);
    return map;
  }, [markers]);
  const firstMarked = useRef<HTMLDivElement | null>(null);
  const firstLine = markers.length ? Math.min(...markers.map((m) => m.line)) : 0;
  useEffect(() => {
    firstMarked.current?.scrollIntoView?.({ block: 'center' });
  }, [firstLine]);
  const gutter = String(lines.length).length;

  return (
    <div
      data-testid={testId}
      style={{
        fontFamily: MONO,
        fontSize: 12,
        lineHeight: 1.5,
        maxHeight: '60vh',
        overflow: 'auto',
        background: '#f6f8fa',
        border: '1px solid #e5e7eb',
        borderRadius: 6,
        padding: '8px 0',
      }}
    >
      {lines.map((text, index) => {
        const number = index + 1;
        const marks = byLine.get(number);
        const level = marks?.some((m) => (m.level ?? 'error') === 'error')
          ? 'error'
          : (marks?.[0]?.level ?? 'error');
        const style = marks ? MARKER_STYLE[level] : undefined;
        return (
          <Fragment key={number}>
            <div
              ref={number === firstLine ? firstMarked : undefined}
              data-line={number}
              data-marked={marks ? level : undefined}
              style={{ display: 'flex', background: style?.line, whiteSpace: 'pre' }}
            >
              <span
                style={{
                  flex: `0 0 ${gutter + 2}ch`,
                  textAlign: 'right',
                  paddingRight: 12,
                  color: style ? style.note : '#8c8c8c',
                  userSelect: 'none',
                }}
              >
                {number}
              </span>
              <span style={{ paddingRight: 12 }}>{text || ' '}</span>
            </div>
            {marks?.map((mark, i) => (
              <div
                key={i}
                data-testid="sdl-marker"
                style={{
                  marginLeft: `${gutter + 2}ch`,
                  padding: '2px 8px',
                  color: MARKER_STYLE[mark.level ?? 'error'].note,
                  borderLeft: `3px solid ${MARKER_STYLE[mark.level ?? 'error'].border}`,
                  whiteSpace: 'pre-wrap',
                  fontFamily: 'inherit',
                }}
              >
                {mark.column ? `${number}:${mark.column} ` : ''}
                {mark.message}
              </div>
            ))}
          </Fragment>
        );
      })}
    </div>
  );
}

/** Composition errors with locations → markers; errors without one are returned apart, to list above. */
export function errorMarkers(
  errors: ReadonlyArray<{
    message: string;
    code?: string | null;
    locations?: ReadonlyArray<{ line: number; column: number }> | null;
  }>,
): { markers: SdlMarker[]; unplaced: string[] } {
  const markers: SdlMarker[] = [];
  const unplaced: string[] = [];
  for (const error of errors) {
    const message = error.code ? `[${error.code}] ${error.message}` : error.message;
    if (error.locations?.length)
      for (const location of error.locations)
        markers.push({ line: location.line, column: location.column, message, level: 'error' });
    else unplaced.push(message);
  }
  return { markers, unplaced };
}

/** Registry times in Asia/Shanghai (domain §0.3), whatever the browser's time zone. */
export function formatTime(iso: string | null | undefined) {
  return iso ? formatShanghaiDateTime(iso) : '—';
}
