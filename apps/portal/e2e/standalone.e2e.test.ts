// Each department app on its own (architecture §8): its own URL, its own sign-in, real data, and
// its own copies of the shared libraries (nothing fetched from the portal).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { apiAs, DEMO_PASSWORD, launchChromium } from './support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shots = path.join(root, 'artifacts/screenshots');
const portalUrl = inject('portalUrl');

/** Each app, the Chinese title of its sign-in card and the page it opens after sign-in. */
const APPS = [
  { name: 'responsibility', title: '全面责任', landing: /\/apps\/responsibility\/org-units/ },
  { name: 'hazard', title: '隐患排查', landing: /\/apps\/hazard\/hazards/ },
  { name: 'supervision', title: '监督管理', landing: /\/apps\/supervision\/enterprises/ },
  { name: 'training', title: '宣传培训', landing: /\/apps\/training\/certificates/ },
  { name: 'emergency', title: '应急救援', landing: /\/apps\/emergency\/plans/ },
];

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** A fresh context (no session from another test), recording what the page fetched and what failed. */
async function openApp(name: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const requests: string[] = [];
  const failures: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => failures.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) {
      failures.push(`HTTP ${response.status()} ${response.url()}`);
    }
  });
  await page.goto(`${portalUrl}/apps/${name}/`);
  return { context, page, requests, failures };
}

async function signIn(page: Page, username: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('app-user').waitFor({ timeout: 20_000 });
}

describe('each department app on its own', () => {
  for (const app of APPS) {
    test(`${app.name}: its own sign-in, its list with real data, sign out`, async () => {
      const { context, page, requests, failures } = await openApp(app.name);
      try {
        await page.getByText(`${app.title}`, { exact: false }).first().waitFor();
        await expect(page.getByText(/· 登录$/).textContent()).resolves.toContain(app.title);
        await signIn(page, 'saco.demo');
        await page.waitForURL(app.landing);
        await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor({ timeout: 20_000 });
        await expect(page.getByText(/^共 \d+ 条$/).textContent()).resolves.toMatch(/^共 [1-9]\d* 条$/);
        await page.screenshot({ path: path.join(shots, `standalone-${app.name}.png`), fullPage: true });

        // Standalone: everything came from the app's own folder (or the API), nothing from the portal.
        const assets = requests.filter((url) => /\.(js|css)(\?|$)/.test(url));
        expect(assets.length).toBeGreaterThan(0);
        expect(assets.filter((url) => !url.startsWith(`${portalUrl}/apps/${app.name}/`))).toEqual([]);

        await page.getByRole('button', { name: '退出登录' }).click();
        await page.getByRole('button', { name: '登录', exact: true }).waitFor();
        expect(failures).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  test('hazard: an enterprise user sees only its own hazards, in English when asked', async () => {
    const { context, page, failures } = await openApp('hazard');
    try {
      const api = await apiAs(portalUrl, 'ent.chem1.manager.demo');
      const mine = await api('{ hazards(first: 100) { totalCount nodes { enterprise { name } } } }');
      const names = new Set(
        mine.hazards.nodes.map((n: { enterprise: { name: string } }) => n.enterprise.name),
      );
      expect(names.size).toBe(1); // the gateway scopes the enterprise user to its own plant
      const [own] = [...names] as string[];

      await signIn(page, 'ent.chem1.manager.demo');
      await page.getByText(`共 ${mine.hazards.totalCount} 条`).waitFor({ timeout: 20_000 });
      // The enterprise column (third) of every row shows the user's own enterprise.
      const cells = await page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(3)').allTextContents();
      expect(cells.length).toBeGreaterThan(0);
      expect(new Set(cells)).toEqual(new Set([own]));

      await page.getByText('English', { exact: true }).click(); // the header's language switch
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      await expect(page.getByText(/^\d+ in total$/).textContent()).resolves.toMatch(/in total/);
      await page.screenshot({ path: path.join(shots, 'standalone-hazard-english.png'), fullPage: true });
      expect(failures).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
