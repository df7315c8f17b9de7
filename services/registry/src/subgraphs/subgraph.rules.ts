import { createHash } from 'node:crypto';

/** What a subgraph sends on `PUT /subgraphs/:name` (the kit's registry-client `Publication`). */
export interface Publication {
  name: string;
  url: string;
  sdl: string;
  eventsUrl: string | null;
  subscribes: string[];
  publishedBy: string | null;
  commit: string | null;
}

// A subgraph name becomes a join__Graph enum value: keep it a plain identifier.
const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;
const MAX_SDL_LENGTH = 4_000_000;

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Checks the body of a publish; the route answers 400 with the error. */
export function readPublication(
  name: string,
  body: unknown,
): { ok: true; publication: Publication } | { ok: false; error: string } {
  if (!NAME.test(name)) return { ok: false, error: `invalid subgraph name "${name}"` };
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return { ok: false, error: 'expected a JSON object' };
  const b = body as Record<string, unknown>;
  if (b.name !== undefined && b.name !== name)
    return { ok: false, error: `body name "${String(b.name)}" differs from the path's "${name}"` };
  if (!isHttpUrl(b.url)) return { ok: false, error: 'url must be an http(s) URL' };
  if (typeof b.sdl !== 'string' || !b.sdl.trim())
    return { ok: false, error: 'sdl must be a non-empty string' };
  if (b.sdl.length > MAX_SDL_LENGTH) return { ok: false, error: 'sdl is too long' };
  if (b.eventsUrl != null && !isHttpUrl(b.eventsUrl))
    return { ok: false, error: 'eventsUrl must be an http(s) URL' };
  const subscribes = b.subscribes ?? [];
  if (!Array.isArray(subscribes) || !subscribes.every((s) => typeof s === 'string' && s.length > 0))
    return { ok: false, error: 'subscribes must be an array of event type names' };
  for (const field of ['publishedBy', 'commit'] as const) {
    const value = b[field];
    if (value != null && (typeof value !== 'string' || value.length > 200))
      return { ok: false, error: `${field} must be a string of at most 200 characters` };
  }
  return {
    ok: true,
    publication: {
      name,
      url: b.url as string,
      sdl: b.sdl,
      eventsUrl: (b.eventsUrl as string | undefined) ?? null,
      subscribes: [...new Set(subscribes as string[])].sort(),
      publishedBy: (b.publishedBy as string | undefined) ?? null,
      commit: (b.commit as string | undefined) ?? null,
    },
  };
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
