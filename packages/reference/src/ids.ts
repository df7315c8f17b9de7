import { v5 as uuidv5 } from 'uuid';

/** Namespace of all deterministic ids of this platform (a fixed random UUID). */
const NAMESPACE = '5f0f4c1e-8a7b-4b7e-9a51-2a9e1d3c6b70';

/** A deterministic UUID from a natural key, identical in every service. */
export function demoId(kind: string, key: string): string {
  return uuidv5(`${kind}:${key}`, NAMESPACE);
}
