import { formatShanghaiDateTime } from '@safety/ui';
/** An SDL in monospace, scrollable both ways. */
export function SdlView({ sdl, testId }: { sdl: string; testId?: string }) {
  return (
    <pre
      data-testid={testId}
      style={{
        fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
        fontSize: 12,
        lineHeight: 1.5,
        maxHeight: '60vh',
        overflow: 'auto',
        margin: 0,
        padding: 12,
        background: '#f6f8fa',
        border: '1px solid #e5e7eb',
        borderRadius: 6,
        whiteSpace: 'pre',
      }}
    >
      {sdl}
    </pre>
  );
}

/** `2026-11-28T20:05:14.000Z` → local `2026-11-28 20:05:14`. */
/** Registry times in Asia/Shanghai (domain §0.3), whatever the browser's time zone. */
export function formatTime(iso: string | null | undefined) {
  return iso ? formatShanghaiDateTime(iso) : '—';
}
