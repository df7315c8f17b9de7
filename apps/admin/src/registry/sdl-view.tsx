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
export function formatTime(iso: string | null | undefined) {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
