// What the end-to-end tests share: Debian's Chromium (never a downloaded browser) and a GraphQL caller.
import { type Browser, chromium } from 'playwright-core';

export const DEMO_PASSWORD = 'Minqin@2026';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A GraphQL caller signed in as `username`, through the same origin as the pages. */
export async function apiAs(portalUrl: string, username: string) {
  const call = async (query: string, variables: object = {}, token?: string) => {
    const response = await fetch(`${portalUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const token = await accessToken(portalUrl, username);
  return (query: string, variables: object = {}) => call(query, variables, token);
}

/** A demo account's access token, signed in through the same origin as the pages. */
export async function accessToken(portalUrl: string, username: string): Promise<string> {
  const response = await fetch(`${portalUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }',
      variables: { u: username, p: DEMO_PASSWORD },
    }),
  });
  const body = (await response.json()) as { data?: { login: { accessToken: string } }; errors?: unknown[] };
  if (!body.data) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(body.errors)}`);
  return body.data.login.accessToken;
}
