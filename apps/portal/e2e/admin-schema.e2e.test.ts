// Issue 5 in the browser: the platform administrator manages integrator tokens (created with a role and
// scope, shown once, revoked with a reason; a revoked token stops working at /graphql within seconds)
// and, where the running registry has the new API, checks, approves and rolls back schema changes.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { accessToken, DEMO_PASSWORD, launchChromium } from './support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shots = path.join(root, 'artifacts/screenshots');
const portalUrl = inject('portalUrl');

let browser: Browser;
let page: Page;
const failures: string[] = [];
let adminToken = '';

beforeAll(async () => {
  adminToken = await accessToken(portalUrl, 'admin.demo');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  page.on('pageerror', (error) => failures.push(`pageerror: ${error.message}`));
  await signIn('admin.demo');
});

afterAll(async () => {
  await browser?.close();
});

async function signIn(username: string) {
  await page.goto(`${portalUrl}/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('app-user').waitFor();
}

/** `{ me { username } }` at the gateway with a bearer token: the HTTP status and the answer. */
async function whoAmI(token: string) {
  const response = await fetch(`${portalUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { username } }' }),
  });
  const body = (await response.json()) as {
    data?: { me: { username: string } | null } | null;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  return { status: response.status, body };
}

/** The registry's GraphQL API through the portal's origin, as the platform administrator. */
async function registry<T = any>(token: string, query: string, variables: object = {}): Promise<T> {
  const response = await fetch(`${portalUrl}/registry/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

describe('integrator tokens', () => {
  const name = `e2e${Date.now().toString(36)}`;
  const username = `integrator:${name}`;
  let token = '';

  test('the admin creates an integrator account with its first token, shown once', async () => {
    await page.goto(`${portalUrl}/admin/tokens`);
    await page.getByRole('heading', { name: '系统对接令牌' }).waitFor();
    await page.getByRole('button', { name: /新建对接账号/ }).click();
    const dialog = page.getByRole('dialog', { name: '新建对接账号' });
    await dialog.getByLabel('账号名').fill(name);
    await dialog.getByLabel('有效期（天）').fill('30');
    await page.screenshot({ path: path.join(shots, 'admin-token-create.png') });
    await dialog.getByRole('button', { name: /创建并签发令牌/ }).click();

    const once = page.getByRole('dialog', { name: /新令牌/ });
    await once.waitFor({ timeout: 15_000 });
    await once.getByText('请立即复制并妥善保存').waitFor();
    token = ((await once.getByTestId('issued-token').textContent()) ?? '').trim();
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    await page.screenshot({ path: path.join(shots, 'admin-token-once.png') });
    await once.getByRole('button', { name: /我已保存/ }).click();
    await once.waitFor({ state: 'hidden' });

    const answer = await whoAmI(token);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.me?.username).toBe(username);
  });

  test('the admin revokes it; the gateway refuses it within seconds', async () => {
    expect(token).not.toBe('');
    // The list filtered to this account (the URL keeps the filter), so it is on the first page.
    await page.goto(`${portalUrl}/admin/tokens?search=${name}`);
    await page.getByRole('button', { name: username, exact: true }).click({ timeout: 15_000 });
    await page.getByText(`${username} 的令牌`).waitFor({ timeout: 15_000 });
    const drawer = page.getByTestId('account-tokens');
    await drawer.getByText('有效', { exact: true }).waitFor({ timeout: 15_000 });
    await drawer.getByRole('button', { name: /吊\s*销/ }).click();
    const confirm = page.getByRole('dialog', { name: /吊销令牌/ });
    // The reason is required.
    await confirm.getByRole('button', { name: /确认吊销/ }).click();
    await confirm.getByText('请填写吊销原因（记入审计日志）').waitFor();
    await confirm.getByLabel('吊销原因').fill('e2e：对接结束');
    await confirm.getByRole('button', { name: /确认吊销/ }).click();
    await confirm.waitFor({ state: 'hidden', timeout: 15_000 });
    await drawer.getByText('已吊销', { exact: true }).waitFor({ timeout: 15_000 });
    await drawer.getByText(/admin\.demo · e2e：对接结束/).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, 'admin-token-revoked.png') });

    const revokedAt = Date.now();
    let last = await whoAmI(token);
    while (last.status !== 401 && Date.now() - revokedAt < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      last = await whoAmI(token);
    }
    expect(last.status).toBe(401);
    expect(last.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await page.keyboard.press('Escape');
  });
});

describe('GraphiQL', () => {
  test('opens the gateway’s offline GraphiQL with the admin’s token in its headers', async () => {
    await page.goto(`${portalUrl}/admin/graphiql`);
    const [graphiql] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByTestId('open-graphiql').click(),
    ]);
    await graphiql.waitForLoadState('domcontentloaded');
    expect(new URL(graphiql.url()).pathname).toBe('/graphql');
    const headers = await graphiql.evaluate(() => window.localStorage.getItem('graphiql:headers'));
    expect(JSON.parse(headers ?? '{}').Authorization).toMatch(/^Bearer \S+$/);
    await graphiql.close();
  });
});

describe('subgraphs', () => {
  test('the SDL shows line numbers and each subgraph its readiness', async () => {
    await page.goto(`${portalUrl}/admin/subgraphs`);
    await page.getByTestId('subgraph-table').getByRole('button', { name: 'hazard', exact: true }).click();
    const sdl = page.getByTestId('subgraph-sdl');
    await sdl.locator('[data-line="1"]').waitFor({ timeout: 15_000 });
    expect(await sdl.locator('[data-line]').count()).toBeGreaterThan(10);
    await page.keyboard.press('Escape');
    expect(failures).toEqual([]);
  });
});

const REGISTRY_URL = process.env.E2E_REGISTRY_URL ?? 'http://127.0.0.1:4001';

/** The SDL with one line (matched inside `type <typeName> {`) removed or replaced. */
function editInType(sdl: string, typeName: string, line: RegExp, replacement: string | null): string {
  const lines = sdl.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^(extend )?type ${typeName}\\b`).test(l));
  expect(start).toBeGreaterThanOrEqual(0);
  const at = lines.findIndex((l, i) => i > start && line.test(l));
  expect(at).toBeGreaterThan(start);
  if (replacement === null) lines.splice(at, 1);
  else lines[at] = replacement;
  return lines.join('\n');
}

async function checkSdl(name: string, edit: (sdl: string) => string) {
  await page.goto(`${portalUrl}/admin/check`);
  await page.getByTestId('check-subgraph').click();
  await page
    .locator('.ant-select-item-option')
    .filter({ hasText: new RegExp(`^${name}$`) })
    .click();
  const editor = page.getByTestId('check-sdl');
  await expect.poll(async () => (await editor.inputValue()).length, { timeout: 15_000 }).toBeGreaterThan(100);
  await editor.fill(edit(await editor.inputValue()));
  await page.getByTestId('run-check').click();
  await page.getByTestId('check-result').waitFor({ timeout: 20_000 });
}

describe('schema checks, approval and rollback', () => {
  test('a check names a removed field that clients use as breaking, in red, with what it breaks', async () => {
    // The tokens test above ran MachineAccounts (Account.displayName) as app-admin, a registered document.
    await checkSdl('responsibility', (sdl) => editInType(sdl, 'Account', /^\s+displayName: String!/, null));
    const row = page.locator('[data-criticality="BREAKING"]').filter({ hasText: 'Account.displayName' });
    await row.first().waitFor({ timeout: 10_000 });
    await page.getByTestId('check-verdict').getByText('含破坏性变更').waitFor();
    expect(await row.first().locator('.ant-tag-red').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'admin-check-breaking.png'), fullPage: true });
  });

  test('a check of an SDL that does not compose shows the error at its line', async () => {
    await checkSdl('responsibility', (sdl) =>
      editInType(sdl, 'Account', /^\s+displayName: String!/, '  displayName: NoSuchType!'),
    );
    await page.getByTestId('check-composes').getByText('无法组合').waitFor();
    await page.getByTestId('check-errors-sdl').locator('[data-marked="error"]').first().waitFor();
    await page.screenshot({ path: path.join(shots, 'admin-check-composition-error.png'), fullPage: true });
  });

  test('pinned, a publish is held; the admin approves it and it goes live; then rolls back and unpins', async () => {
    const live = await registry<{
      supergraph: { version: number };
      subgraph: { url: string; eventsUrl: string | null; subscribes: string[]; liveVersion: { sdl: string } };
    }>(
      adminToken,
      '{ supergraph { version } subgraph(name: "responsibility") { url eventsUrl subscribes liveVersion { sdl } } }',
    );
    const before = live.supergraph.version;

    // 1. Pin the live supergraph from the history page.
    await page.goto(`${portalUrl}/admin/supergraph`);
    await page.getByTestId('supergraph-live-version').getByText(`v${before}`).waitFor({ timeout: 15_000 });
    await page
      .getByRole('button', { name: /固\s*定/ })
      .first()
      .click();
    let dialog = page.getByRole('dialog', { name: '固定当前超图' });
    await dialog.getByLabel('原因').fill('e2e：发布冻结');
    await dialog.getByRole('button', { name: /固\s*定/ }).click();
    await page.getByTestId('pin-banner').waitFor({ timeout: 15_000 });

    // 2. A service publishes a safe change (a new description): pinned, it is held.
    const description = `e2e ${Date.now()}`;
    const sdl = editInType(
      live.subgraph.liveVersion.sdl,
      'Account',
      /^\s+displayName: String!/,
      `  """${description}"""\n  displayName: String!`,
    );
    const published = await fetch(`${REGISTRY_URL}/subgraphs/responsibility`, {
      method: 'PUT',
      // As a service publishes on start, with the registry's write secret.
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${inject('registryWriteToken')}`,
      },
      body: JSON.stringify({
        url: live.subgraph.url,
        eventsUrl: live.subgraph.eventsUrl,
        subscribes: live.subgraph.subscribes,
        sdl,
        publishedBy: 'e2e',
        commit: 'e2e0000',
      }),
    });
    expect(published.status).toBe(202);
    const held = (await published.json()) as { version: number; holdReason: string };
    expect(held.holdReason).toBe('PINNED');

    // 3. Approve it (a reason is required).
    await page.goto(`${portalUrl}/admin/approvals`);
    const card = page.getByTestId(`held-responsibility-${held.version}`);
    await card.waitFor({ timeout: 15_000 });
    await card.getByRole('button', { name: /批准上线/ }).click();
    dialog = page.getByRole('dialog', { name: `批准 responsibility v${held.version}` });
    await dialog.getByRole('button', { name: /批准上线/ }).click();
    await dialog.getByText('请填写原因').waitFor();
    await dialog.getByLabel('原因').fill('e2e：说明文字变更');
    await dialog.getByRole('button', { name: /批准上线/ }).click();
    await card.waitFor({ state: 'detached', timeout: 15_000 });

    // 4. Live: the registry serves a new supergraph, the gateway follows without a restart.
    const approved = await registry<{ supergraph: { version: number; pinned: boolean } }>(
      adminToken,
      '{ supergraph { version pinned } }',
    );
    expect(approved.supergraph.version).toBeGreaterThan(before);
    expect(approved.supergraph.pinned).toBe(true);
    const accountDescription = async () => {
      const response = await fetch(`${portalUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ query: '{ __type(name: "Account") { fields { name description } } }' }),
      });
      const body = (await response.json()) as {
        data?: { __type: { fields: { name: string; description: string | null }[] } };
      };
      return body.data?.__type.fields.find((f) => f.name === 'displayName')?.description ?? null;
    };
    await expect.poll(accountDescription, { timeout: 20_000, interval: 500 }).toBe(description);

    // 5. Roll back to the version before, with queries running all the while.
    await page.goto(`${portalUrl}/admin/supergraph`);
    await page.getByTestId('supergraph-live-version').getByText(`v${approved.supergraph.version}`).waitFor();
    let looping = true;
    const failuresDuringSwap: string[] = [];
    let answered = 0;
    const loop = (async () => {
      while (looping) {
        const answer = await whoAmI(adminToken).catch((error: Error) => ({
          status: 0,
          body: { errors: [error] },
        }));
        if (answer.status !== 200 || answer.body.errors) failuresDuringSwap.push(JSON.stringify(answer));
        else answered += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    await page.getByTestId(`rollback-${before}`).click();
    dialog = page.getByRole('dialog', { name: `切换到超图 v${before}` });
    await dialog.getByLabel('原因').fill('e2e：回滚');
    await dialog.getByRole('button', { name: /确认切换/ }).click();
    await page.getByTestId('supergraph-live-version').getByText(`v${before}`).waitFor({ timeout: 15_000 });
    await expect.poll(accountDescription, { timeout: 20_000, interval: 500 }).not.toBe(description);
    looping = false;
    await loop;
    expect(failuresDuringSwap).toEqual([]);
    expect(answered).toBeGreaterThan(10);
    await page.getByTestId('live-history').getByText('回滚').first().waitFor();
    await page.screenshot({ path: path.join(shots, 'admin-rollback.png'), fullPage: true });

    // 6. Unpin from the banner.
    await page
      .getByTestId('pin-banner')
      .getByRole('button', { name: /取消固定/ })
      .click();
    dialog = page.getByRole('dialog', { name: '取消固定' });
    await dialog.getByLabel('原因').fill('e2e：解除冻结');
    await dialog.getByRole('button', { name: /取消固定/ }).click();
    await page.getByTestId('pin-banner').waitFor({ state: 'detached', timeout: 15_000 });
    expect(failures).toEqual([]);
  });
});
