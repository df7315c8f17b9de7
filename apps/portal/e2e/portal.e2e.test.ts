import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shots = path.join(root, 'artifacts/screenshots');
const PASSWORD = 'Minqin@2026';
const portalUrl = inject('portalUrl');

/** Debian's Chromium (never a downloaded browser). */
const CHROMIUM = {
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
};

/** The aggregates straight from the gateway (through the same origin), to compare with what the page shows. */
async function overviewFromApi(username: string) {
  const call = async (query: string, variables: object, token?: string) => {
    const response = await fetch(`${portalUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data: any };
  };
  const login = await call(
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }',
    { u: username, p: PASSWORD },
  );
  const { data } = await call(
    `{ enterpriseCountsByClass { count } hazardCountsByGrade { grade count }
       certificateCountsByStatus { count } emergencyPlanCountsByStatus { count } }`,
    {},
    login.data.login.accessToken,
  );
  const sum = (rows: Array<{ count: number }>) => rows.reduce((total, row) => total + row.count, 0);
  return {
    enterprises: sum(data.enterpriseCountsByClass),
    hazards: sum(data.hazardCountsByGrade),
    certificates: sum(data.certificateCountsByStatus),
    plans: sum(data.emergencyPlanCountsByStatus),
  };
}

let browser: Browser;
let page: Page;
const requests: string[] = [];
const failures: string[] = [];

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await chromium.launch(CHROMIUM);
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => failures.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) {
      failures.push(`HTTP ${response.status()} ${response.url()}`);
    }
  });
});

afterAll(async () => {
  await browser?.close();
});

async function signIn(username: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('app-user').waitFor();
}

async function signOut() {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录', exact: true }).waitFor();
}

const menu = () => page.getByRole('navigation', { name: '功能导航' });

describe('portal with the supervision remote', () => {
  test('SAC office: sign in, county overview with real counts', async () => {
    await page.goto(`${portalUrl}/`);
    await signIn('saco.demo');
    await expect(page.getByTestId('app-user').textContent()).resolves.toContain('县安委会办公室');

    const expected = await overviewFromApi('saco.demo');
    expect(expected.enterprises).toBe(53);
    for (const [key, value] of Object.entries(expected)) {
      await expect
        .poll(() => page.getByTestId(`overview-${key}`).textContent(), { timeout: 15_000 })
        .toContain(String(value));
    }
    // Every department module the SAC office may open is listed; platform administration is not.
    for (const label of ['首页', '全面责任', '隐患排查', '监督管理', '宣传培训', '应急救援']) {
      await expect(menu().getByRole('menuitem', { name: label }).count()).resolves.toBe(1);
    }
    await expect(menu().getByRole('menuitem', { name: '平台管理' }).count()).resolves.toBe(0);
    await page.locator('svg').first().waitFor(); // the ECharts charts rendered
    await page.screenshot({ path: path.join(shots, 'portal-home.png'), fullPage: true });
  });

  test('supervision remote: loaded at run time, 53 enterprises, detail drawer', async () => {
    await menu().getByRole('menuitem', { name: '监督管理' }).click();
    await page.waitForURL(/\/supervision\/enterprises/);
    await page.getByText('共 53 条').waitFor({ timeout: 20_000 });
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(20);

    // Module Federation fetched the remote's entry from its own URL while the page ran.
    expect(requests).toContain(`${portalUrl}/apps/supervision/remoteEntry.js`);
    await page.screenshot({ path: path.join(shots, 'supervision-list.png'), fullPage: true });

    // Cursor paging: the third page holds the last 13.
    await page.getByRole('button', { name: '下一页' }).click();
    await page.getByRole('button', { name: '下一页' }).click();
    await expect
      .poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count(), { timeout: 10_000 })
      .toBe(13);
    await page.getByRole('button', { name: '上一页' }).click();
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(20);

    // A filter lands in the URL and narrows the list.
    await page.getByLabel('监管分类').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'D 类' }).click();
    await page.waitForURL(/[?&]class=D/);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByText(/^共 \d+ 条$/).textContent()).not.toBe('共 53 条');
    await page.screenshot({ path: path.join(shots, 'supervision-filtered.png'), fullPage: true });

    // The detail drawer, with regulators resolved by the responsibility subgraph.
    await page.locator('.ant-table-tbody tr.ant-table-row').first().getByRole('button').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('统一社会信用代码').waitFor();
    await drawer.getByTestId('enterprise-regulators').waitFor({ timeout: 10_000 });
    expect(await drawer.getByTestId('enterprise-regulators').locator('.ant-tag').count()).toBeGreaterThan(0);
    for (const label of ['所在镇', '行业', '监管分类', '经营状态', '监管部门']) {
      await drawer.getByText(label, { exact: true }).waitFor();
    }
    await page.waitForTimeout(500); // the drawer's slide-in animation
    await page.screenshot({ path: path.join(shots, 'supervision-drawer.png') });
    await page.keyboard.press('Escape');
    await signOut();
  });

  test('enterprise principal sees exactly one enterprise', async () => {
    await signIn('ent.coal1.principal.demo');
    await menu().getByRole('menuitem', { name: '监督管理' }).click();
    await page.getByText('共 1 条').waitFor({ timeout: 20_000 });
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await expect(page.locator('.ant-table-tbody').textContent()).resolves.toContain('红沙岗一号井煤矿');
    await page.screenshot({ path: path.join(shots, 'supervision-enterprise-user.png'), fullPage: true });
    await signOut();
    expect(await page.evaluate(() => localStorage.getItem('safety.session'))).toBeNull();
  });

  test('the page loaded without failed requests or errors', () => {
    expect(failures).toEqual([]);
  });
});
