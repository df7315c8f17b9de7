import { CombinedGraphQLErrors } from '@apollo/client';

/** What to tell the person: the server's message, and when a lock-out ends. */
export function signInErrorMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const retryAfter = Number(first?.extensions?.retryAfterSeconds);
    const message = first?.message ?? '登录失败';
    return retryAfter > 0 ? `${message}（请 ${Math.ceil(retryAfter / 60)} 分钟后再试）` : message;
  }
  return `无法连接服务器：${error instanceof Error ? error.message : String(error)}`;
}
