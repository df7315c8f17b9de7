import { createHash } from 'node:crypto';
import { Kind, parse } from 'graphql';
import type { TrustedDocument } from '../checks/index.js';

// Sent as graphql-client-name by packages/client: app-hazard, app-portal, ...
const CLIENT_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,99}$/;
const HASH = /^sha256:[0-9a-f]{64}$/;
const MAX_DOCUMENTS = 5_000;
const MAX_BODY = 200_000;

export interface DocumentRegistration {
  clientName: string;
  appVersion: string | null;
  documents: TrustedDocument[];
}

/**
 * Reads `POST /documents/:clientName`: the app's `persisted-documents.json` (`{ "sha256:<hex>": body }`),
 * either as the whole body or as `{ appVersion, documents }`. Each id must be the SHA-256 of its
 * body and each body one executable document, so a stored id always names what it says.
 */
export function readRegistration(
  clientName: string,
  body: unknown,
): { ok: true; value: DocumentRegistration } | { ok: false; error: string } {
  if (!CLIENT_NAME.test(clientName)) return { ok: false, error: `invalid client name "${clientName}"` };
  if (!isObject(body)) return { ok: false, error: 'expected a JSON object' };
  const wrapped = isObject(body.documents);
  const map = (wrapped ? body.documents : body) as Record<string, unknown>;
  const appVersion = wrapped ? body.appVersion : undefined;
  if (appVersion != null && (typeof appVersion !== 'string' || appVersion.length > 100))
    return { ok: false, error: 'appVersion must be a string of at most 100 characters' };
  const entries = Object.entries(map);
  if (entries.length > MAX_DOCUMENTS) return { ok: false, error: `more than ${MAX_DOCUMENTS} documents` };
  const documents: TrustedDocument[] = [];
  for (const [hash, text] of entries) {
    if (!HASH.test(hash)) return { ok: false, error: `"${hash.slice(0, 80)}" is not sha256:<64 hex digits>` };
    if (typeof text !== 'string' || !text || text.length > MAX_BODY)
      return { ok: false, error: `${hash}: the document must be a non-empty string` };
    if (`sha256:${sha256(text)}` !== hash)
      return { ok: false, error: `${hash}: not the SHA-256 of its document` };
    const operationName = operationNameOf(text);
    if (operationName === undefined)
      return { ok: false, error: `${hash}: not one executable GraphQL operation` };
    documents.push({ clientName, hash, operationName, body: text });
  }
  return {
    ok: true,
    value: { clientName, appVersion: (appVersion as string | undefined) ?? null, documents },
  };
}

/** The name of the document's one operation (null when anonymous); undefined when it is not executable. */
export function operationNameOf(text: string): string | null | undefined {
  try {
    const { definitions } = parse(text);
    if (
      !definitions.every((d) => d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION)
    )
      return undefined;
    const operations = definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (operations.length !== 1) return undefined;
    return operations[0].kind === Kind.OPERATION_DEFINITION ? (operations[0].name?.value ?? null) : undefined;
  } catch {
    return undefined;
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
