import { CombinedGraphQLErrors } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { signInErrorMessage } from './sign-in-error.js';

const refused = (message: string, extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions }] }, [{ message, extensions }]);

describe('signInErrorMessage', () => {
  it("shows the server's message", () => {
    expect(signInErrorMessage(refused('Wrong username or password', { code: 'UNAUTHENTICATED' }))).toBe(
      'Wrong username or password',
    );
  });

  it('says when a lock-out ends', () => {
    const locked = refused('Too many failed sign-ins: try again in 15 minutes', {
      code: 'UNAUTHENTICATED',
      retryAfterSeconds: 840,
    });
    expect(signInErrorMessage(locked)).toBe(
      'Too many failed sign-ins: try again in 15 minutes（请 14 分钟后再试）',
    );
  });

  it('names a failure to reach the server', () => {
    expect(signInErrorMessage(new TypeError('Failed to fetch'))).toBe('无法连接服务器：Failed to fetch');
  });
});
