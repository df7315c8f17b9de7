import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library defaults (m = 19 MiB, t = 2, p = 1: the OWASP minimum), about 30 ms here. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let decoy: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no hash (unknown user, machine account) it still
 * spends one verification on a decoy, so the answer time does not reveal whether the account exists.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  decoy ??= hashPassword('decoy: no account has this hash');
  const target = stored ?? (await decoy);
  try {
    return (await verify(target, password)) && stored !== null;
  } catch {
    return false;
  }
}
