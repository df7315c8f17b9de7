import type { ApolloClient } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import type { FileTransport, StoredFile } from '@safety/ui';
import { useMemo } from 'react';
import { type ClientConnection, connectionOf } from '../create-client.js';

/** `/graphql` → `/files` on the same origin; `http://host:4000/graphql` → `http://host:4000/files`. */
export function filesUrlOf(graphqlUri: string, base = globalThis.location?.href): string {
  return new URL('files', new URL(graphqlUri, base)).href;
}

/** The gateway's JSON refusal `{ error, code }`, or the status when the body is not that. */
async function refusal(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => null)) as { error?: string; code?: string } | null;
  const error = new Error(body?.error ?? `HTTP ${response.status}`);
  if (body?.code) Object.assign(error, { code: body.code });
  return error;
}

/**
 * `POST /files` and `GET /files/:id` with the client's bearer token (architecture §8): a refused
 * token is refreshed once, sharing the refresh with the GraphQL requests in flight. Downloads
 * become object URLs, cached per id (ids are content hashes, so a cached URL never goes stale).
 */
export function createFileTransport(
  connection: ClientConnection,
  filesUrl = filesUrlOf(connection.uri),
): FileTransport {
  const { tokens } = connection;
  const fetchImpl = connection.fetch ?? globalThis.fetch.bind(globalThis);
  const shown = new Map<string, Promise<{ url: string; contentType: string }>>();

  const signedFetch = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const send = (token: string | null) =>
      fetchImpl(url, {
        ...init,
        headers: {
          ...(init.headers as Record<string, string>),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      });
    const token = await tokens.current();
    const response = await send(token);
    if (response.status !== 401 || !token) return response;
    const next = await tokens.afterRefusal(token);
    return next ? send(next) : response;
  };

  return {
    async upload(file: File): Promise<StoredFile> {
      const response = await signedFetch(filesUrl, {
        method: 'POST',
        headers: { 'content-type': file.type || 'application/octet-stream' },
        body: file,
      });
      if (!response.ok) throw await refusal(response);
      const stored = (await response.json()) as StoredFile;
      return { id: stored.id, contentType: stored.contentType, size: stored.size, name: file.name };
    },
    objectUrl(id: string) {
      let found = shown.get(id);
      if (!found) {
        found = signedFetch(`${filesUrl}/${encodeURIComponent(id)}`).then(async (response) => {
          if (!response.ok) throw await refusal(response);
          const blob = await response.blob();
          return { url: URL.createObjectURL(blob), contentType: blob.type };
        });
        // A failure is not cached: the next preview asks again.
        found.catch(() => shown.delete(id));
        shown.set(id, found);
      }
      return found;
    },
  };
}

/** The file transport of the Apollo client in context (the app's or the portal's). */
export function useFileTransport(): FileTransport {
  const client = useApolloClient();
  return useMemo(() => fileTransportOf(client), [client]);
}

const transports = new WeakMap<ApolloClient, FileTransport>();

/** One transport per client, so every upload field of a page shares the downloaded previews. */
export function fileTransportOf(client: ApolloClient): FileTransport {
  let transport = transports.get(client);
  if (!transport) {
    const connection = connectionOf(client);
    if (!connection) throw new Error('useFileTransport needs a client made by createSafetyClient');
    transport = createFileTransport(connection);
    transports.set(client, transport);
  }
  return transport;
}
