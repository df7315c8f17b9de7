import { CombinedGraphQLErrors } from '@apollo/client';
import { createSafetyI18n, type TranslateFn } from '@safety/ui/i18n';
import { describe, expect, it } from 'vitest';
import { signInErrorMessage } from './sign-in-error.js';

const refused = (message: string, extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions }] }, [{ message, extensions }]);

const zh = createSafetyI18n('zh-CN').getFixedT('zh-CN', 'safety') as unknown as TranslateFn;
const en = createSafetyI18n('en').getFixedT('en', 'safety') as unknown as TranslateFn;

describe('signInErrorMessage', () => {
  it("shows the server's message", () => {
    expect(signInErrorMessage(refused('Wrong username or password', { code: 'UNAUTHENTICATED' }), zh)).toBe(
      'Wrong username or password',
    );
  });

  it('says when a lock-out ends', () => {
    const locked = refused('Too many failed sign-ins: try again in 15 minutes', {
      code: 'UNAUTHENTICATED',
      retryAfterSeconds: 840,
    });
    expect(signInErrorMessage(locked, zh)).toBe(
      'Too many failed sign-ins: try again in 15 minutes（请 14 分钟后再试）',
    );
    expect(signInErrorMessage(locked, en)).toBe(
      'Too many failed sign-ins: try again in 15 minutes (try again in 14 min)',
    );
  });

  it('names a failure to reach the server', () => {
    expect(signInErrorMessage(new TypeError('Failed to fetch'), zh)).toBe('无法连接服务器：Failed to fetch');
    expect(signInErrorMessage(new TypeError('Failed to fetch'), en)).toBe(
      'Cannot reach the server: Failed to fetch',
    );
  });
});
