import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';

/** Where the gateway gets its supergraph: a static file, or the registry with a local cache. */
export type SupergraphSource =
  | { kind: 'file'; file: string }
  | { kind: 'registry'; registryUrl: string; cacheFile: string };

/**
 * Returns a loader the runtime polls. From the registry it sends the last ETag so an
 * unchanged supergraph costs a 304; when the registry is down it keeps serving the last
 * supergraph it had (in memory, else the cache file from an earlier run).
 */
export function supergraphLoader(source: SupergraphSource, log: Logger): () => Promise<string> {
  if (source.kind === 'file') return () => readFile(source.file, 'utf8');
  let current: { sdl: string; etag: string | null } | undefined;
  return async () => {
    try {
      const response = await fetch(`${source.registryUrl}/supergraph`, {
        headers: current?.etag ? { 'if-none-match': current.etag } : {},
        signal: AbortSignal.timeout(5000),
      });
      if (response.status === 304 && current) return current.sdl;
      if (!response.ok) throw new Error(`registry answered HTTP ${response.status}`);
      const sdl = await response.text();
      if (sdl !== current?.sdl) {
        log.info(
          { version: response.headers.get('x-supergraph-version') },
          'new supergraph from the registry',
        );
        await mkdir(path.dirname(source.cacheFile), { recursive: true });
        await writeFile(source.cacheFile, sdl);
      }
      current = { sdl, etag: response.headers.get('etag') };
      return sdl;
    } catch (error) {
      if (current) return current.sdl;
      try {
        const cached = await readFile(source.cacheFile, 'utf8');
        log.warn({ err: error }, 'registry unreachable: starting from the cached supergraph');
        current = { sdl: cached, etag: null };
        return cached;
      } catch {
        throw new Error(
          `no supergraph yet: registry unreachable (${String(error)}) and no cache at ${source.cacheFile}`,
        );
      }
    }
  };
}
