import { ApolloProvider } from '@apollo/client/react';
import { SafetyProvider } from '@safety/ui';
import { beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { graphql } from '../src/gql/index.js';
import {
  createSafetyClient,
  createSessionStore,
  LoginDocument,
  LogoutDocument,
  SESSION_STORAGE_KEY,
} from '../src/index.js';
import { SessionProvider } from '../src/session-context.js';
import { SignInForm } from '../src/sign-in/index.js';

const DEMO_PASSWORD = 'Minqin@2026';
const uri = inject('gatewayUrl');

const EnterprisesDocument = graphql(`
  query ClientTestEnterprises($first: Int!) {
    enterprises(first: $first) {
      totalCount
      nodes {
        name
      }
    }
  }
`);

/** A client like an app's, counting the refresh exchanges it makes. */
function setup() {
  const session = createSessionStore();
  const onSignedOut = vi.fn();
  const refreshes = { count: 0 };
  const countingFetch: typeof fetch = (input, init) => {
    if (typeof init?.body === 'string' && init.body.includes('"operationName":"RefreshSession"'))
      refreshes.count++;
    return fetch(input, init);
  };
  const client = createSafetyClient({
    uri,
    clientName: 'client-test',
    clientVersion: '0.0.0',
    session,
    onSignedOut,
    fetch: countingFetch,
  });
  const signIn = async (username = 'saco.demo') => {
    const { data } = await client.mutate({
      mutation: LoginDocument,
      variables: { username, password: DEMO_PASSWORD },
    });
    session.set(data!.login);
    return data!.login;
  };
  /** Resolves with `{ data }` or `{ error }` (client.query rejects on errors). */
  const enterprises = (first = 5) =>
    client
      .query({ query: EnterprisesDocument, variables: { first }, fetchPolicy: 'network-only' })
      .catch((error: unknown) => ({ data: undefined, error }));
  return { session, client, onSignedOut, refreshes, signIn, enterprises };
}

beforeEach(() => localStorage.clear());

describe('sign-in form against the real gateway', () => {
  it('signs in as saco.demo and stores the session in localStorage', async () => {
    const { client, session } = setup();
    const onSignedIn = vi.fn();
    const screen = await render(
      <SafetyProvider>
        <ApolloProvider client={client}>
          <SessionProvider store={session}>
            <SignInForm onSignedIn={onSignedIn} />
          </SessionProvider>
        </ApolloProvider>
      </SafetyProvider>,
    );
    await screen.getByLabelText('用户名').fill('saco.demo');
    await screen.getByLabelText('密码').fill(DEMO_PASSWORD);
    await screen.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => onSignedIn.mock.calls.length, { timeout: 10_000 }).toBe(1);
    const stored = JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY) ?? 'null');
    expect(stored.account.username).toBe('saco.demo');
    expect(stored.accessToken).toMatch(/^ey/);
    expect(session.get()?.refreshToken).toBe(stored.refreshToken);
  });

  it("shows the server's message when sign-in fails and stores nothing", async () => {
    const { client, session } = setup();
    const screen = await render(
      <SafetyProvider>
        <ApolloProvider client={client}>
          <SessionProvider store={session}>
            <SignInForm />
          </SessionProvider>
        </ApolloProvider>
      </SafetyProvider>,
    );
    await screen.getByLabelText('用户名').fill('nobody.demo');
    await screen.getByLabelText('密码').fill('wrong-password');
    await screen.getByRole('button', { name: '登录' }).click();
    await expect.element(page.getByText('Wrong username or password')).toBeVisible();
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });
});

describe('client against the real gateway', () => {
  it('answers a generated typed query with the demo data', async () => {
    const { signIn, enterprises } = setup();
    await signIn();
    const { data, error } = await enterprises(5);
    expect(error).toBeUndefined();
    expect(data?.enterprises.totalCount).toBe(53);
    expect(data?.enterprises.nodes).toHaveLength(5);
  });

  it('refreshes an access token about to expire once for concurrent requests', async () => {
    const { session, signIn, enterprises, refreshes, onSignedOut } = setup();
    const first = await signIn();
    session.set({ ...first, expiresAt: new Date(Date.now() - 1000).toISOString() });
    const answers = await Promise.all([enterprises(1), enterprises(2), enterprises(3)]);
    expect(answers.map((a) => a.data?.enterprises.totalCount)).toEqual([53, 53, 53]);
    expect(refreshes.count).toBe(1);
    expect(session.get()?.accessToken).not.toBe(first.accessToken);
    expect(session.get()?.refreshToken).not.toBe(first.refreshToken);
    expect(onSignedOut).not.toHaveBeenCalled();
  });

  it('refreshes and retries once when the gateway refuses the access token', async () => {
    const { session, signIn, enterprises, refreshes, onSignedOut } = setup();
    const first = await signIn();
    session.set({ ...first, accessToken: 'garbage.access.token' });
    const { data } = await enterprises();
    expect(data?.enterprises.totalCount).toBe(53);
    expect(refreshes.count).toBe(1);
    expect(onSignedOut).not.toHaveBeenCalled();
  });

  it('signs out when the tokens are garbage', async () => {
    const { session, signIn, enterprises, onSignedOut } = setup();
    const first = await signIn();
    session.set({ ...first, accessToken: 'garbage.access.token', refreshToken: 'garbage-refresh' });
    const { data, error } = await enterprises();
    expect(data).toBeUndefined();
    expect(String(error)).toMatch(/Sign in again/);
    expect(onSignedOut).toHaveBeenCalledTimes(1);
    expect(session.get()).toBeNull();
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('signs out once the session is revoked (logout elsewhere)', async () => {
    const { client, session, signIn, enterprises, onSignedOut } = setup();
    await signIn();
    await client.mutate({ mutation: LogoutDocument });
    expect(session.get()).not.toBeNull(); // the client only learns of the revocation from the gateway
    // Revoked jtis reach the gateway within seconds (polled every 2 s).
    await expect
      .poll(async () => (await enterprises()).error && onSignedOut.mock.calls.length, {
        timeout: 15_000,
        interval: 500,
      })
      .toBe(1);
    expect(session.get()).toBeNull();
  });
});
