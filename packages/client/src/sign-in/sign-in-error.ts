import { CombinedGraphQLErrors } from '@apollo/client';
import type { TranslateFn } from '@safety/ui';

/** What to tell the person: the server's message, and when a lock-out ends. `t` reads the `safety` namespace. */
export function signInErrorMessage(error: unknown, t: TranslateFn): string {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const retryAfter = Number(first?.extensions?.retryAfterSeconds);
    const message = first?.message ?? t('signIn.failed');
    return retryAfter > 0
      ? t('signIn.retryAfter', { message, minutes: Math.ceil(retryAfter / 60) })
      : message;
  }
  return t('signIn.unreachable', { reason: error instanceof Error ? error.message : String(error) });
}
