import { useEffect, useState } from 'react';
import { registryHealthUrl } from './client.js';

export type Readiness = 'checking' | 'ready' | 'not-ready' | 'unreachable';

/** Each subgraph's `/readyz` (through `/registry/health/<name>`), polled every `intervalMs`. */
export function useReadiness(names: readonly string[], intervalMs = 15_000): Record<string, Readiness> {
  const [state, setState] = useState<Record<string, Readiness>>({});
  const key = names.join(',');
  useEffect(() => {
    if (!key) return;
    const list = key.split(',');
    let cancelled = false;
    const check = async () => {
      const results = await Promise.all(
        list.map(async (name): Promise<[string, Readiness]> => {
          try {
            const response = await fetch(registryHealthUrl(name), { cache: 'no-store' });
            if (response.ok) return [name, 'ready'];
            return [name, response.status === 502 || response.status === 404 ? 'unreachable' : 'not-ready'];
          } catch {
            return [name, 'unreachable'];
          }
        }),
      );
      if (!cancelled) setState(Object.fromEntries(results));
    };
    void check();
    const timer = setInterval(() => void check(), intervalMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [key, intervalMs]);
  return state;
}
