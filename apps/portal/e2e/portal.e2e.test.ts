import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { accessToken, apiAs as apiAt, launchChromium, DEMO_PASSWORD as PASSWORD } from './support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shots = path.join(root, 'artifacts/screenshots');
const portalUrl = inject('portalUrl');
const apiAs = (username: string) => apiAt(portalUrl, username);

/** The aggregates straight from the gateway, to compare with what the page shows. */
async function overviewFromApi(username: string) {
  const api = await apiAs(username);
  const data = await api(
    `{ enterpriseCountsByClass { count } hazardCountsByGrade { grade count }
       certificateCountsByStatus { count } emergencyPlanCountsByStatus { count } }`,
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
  browser = await launchChromium();
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
const tableRows = () => page.locator('.ant-table-tbody').first().locator('tr.ant-table-row');
// The page's main list (the admin's subgraphs page also shows a table of composition errors).
const tableText = () => page.locator('.ant-table-tbody').first().textContent();

/** Opens a module from the portal's menu and waits for its list with the expected total. */
async function openModule(label: string, url: RegExp, total: number) {
  await menu().getByRole('menuitem', { name: label }).click();
  await page.waitForURL(url);
  await page.getByText(`共 ${total} 条`).waitFor({ timeout: 20_000 });
  await page.locator('.ant-table-wrapper .ant-spin-spinning').waitFor({ state: 'detached' });
}

/** Today's month in Asia/Shanghai, as the calendar page shows it. */
function shanghaiMonth() {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const [year, month] = today.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${today.slice(0, 7)}-01`, to: `${today.slice(0, 7)}-${String(last).padStart(2, '0')}` };
}

describe('portal with the five department remotes', () => {
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

  test('hazard remote: the hazard list with federated enterprise names, a filter, the drawer', async () => {
    await signIn('saco.demo');
    const api = await apiAs('saco.demo');
    const all = await api('{ hazards(first: 20) { totalCount nodes { code enterprise { name } } } }');
    const major = await api('{ hazards(first: 1, grade: MAJOR) { totalCount } }');
    expect(all.hazards.totalCount).toBeGreaterThan(0);

    await openModule('隐患排查', /\/hazard\/hazards/, all.hazards.totalCount);
    expect(requests).toContain(`${portalUrl}/apps/hazard/remoteEntry.js`);
    await expect.poll(() => tableRows().count()).toBe(Math.min(20, all.hazards.totalCount));
    // Newest first on both sides: the page shows the same rows, with the enterprise from supervision.
    const text = await tableText();
    expect(text).toContain(all.hazards.nodes[0].code);
    expect(text).toContain(all.hazards.nodes[0].enterprise.name);
    await expect(
      page
        .locator('.ant-table-tbody [data-status="MAJOR"], .ant-table-tbody [data-status="GENERAL"]')
        .count(),
    ).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'hazard-list.png'), fullPage: true });

    await page.getByLabel('隐患等级').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '重大隐患' }).click();
    await page.waitForURL(/[?&]grade=MAJOR/);
    await page.keyboard.press('Escape');
    await page.getByText(`共 ${major.hazards.totalCount} 条`).waitFor({ timeout: 10_000 });

    await tableRows().first().getByRole('button').first().click();
    const drawer = page.getByRole('dialog');
    for (const label of ['隐患编号', '所属企业', '隐患等级', '整改期限', '隐患来源']) {
      await drawer.getByText(label, { exact: true }).waitFor({ timeout: 10_000 });
    }
    await page.waitForTimeout(500); // the drawer's slide-in animation
    await page.screenshot({ path: path.join(shots, 'hazard-drawer.png') });
    await page.keyboard.press('Escape');
  });

  test('training remote: certificates with masked ID numbers and review deadlines', async () => {
    const api = await apiAs('saco.demo');
    const all = await api(
      '{ certificates(first: 20) { totalCount nodes { holderName idNumberMasked enterprise { name } } } }',
    );
    expect(all.certificates.totalCount).toBeGreaterThan(0);
    await openModule('宣传培训', /\/training\/certificates/, all.certificates.totalCount);
    expect(requests).toContain(`${portalUrl}/apps/training/remoteEntry.js`);
    const text = await tableText();
    expect(text).toContain(all.certificates.nodes[0].holderName);
    expect(text).toContain(all.certificates.nodes[0].idNumberMasked);
    expect(text).toContain(all.certificates.nodes[0].enterprise.name);
    expect(all.certificates.nodes[0].idNumberMasked).toContain('*');
    await page.screenshot({ path: path.join(shots, 'training-certificates.png'), fullPage: true });
  });

  test('emergency remote: emergency plans with evaluation deadlines', async () => {
    const api = await apiAs('saco.demo');
    const all = await api('{ emergencyPlans(first: 20) { totalCount nodes { code enterprise { name } } } }');
    expect(all.emergencyPlans.totalCount).toBeGreaterThan(0);
    await openModule('应急救援', /\/emergency\/plans/, all.emergencyPlans.totalCount);
    expect(requests).toContain(`${portalUrl}/apps/emergency/remoteEntry.js`);
    const text = await tableText();
    expect(text).toContain(all.emergencyPlans.nodes[0].code);
    expect(text).toContain(all.emergencyPlans.nodes[0].enterprise.name);
    await page.screenshot({ path: path.join(shots, 'emergency-plans.png'), fullPage: true });
  });

  test("responsibility remote: org units, officials drawer, this month's work calendar", async () => {
    const api = await apiAs('saco.demo');
    const all = await api('{ orgUnits(first: 20) { totalCount nodes { name officials { name } } } }');
    expect(all.orgUnits.totalCount).toBeGreaterThan(0);
    await openModule('全面责任', /\/responsibility\/org-units/, all.orgUnits.totalCount);
    expect(requests).toContain(`${portalUrl}/apps/responsibility/remoteEntry.js`);
    expect(await tableText()).toContain(all.orgUnits.nodes[0].name);
    await page.screenshot({ path: path.join(shots, 'responsibility-org-units.png'), fullPage: true });

    const index = all.orgUnits.nodes.findIndex((unit: { officials: unknown[] }) => unit.officials.length > 0);
    expect(index).toBeGreaterThanOrEqual(0);
    const unit = all.orgUnits.nodes[index];
    await tableRows().nth(index).getByRole('button').first().click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText(unit.officials[0].name).first().waitFor({ timeout: 10_000 });
    expect(await drawer.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(unit.officials.length);
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(shots, 'responsibility-officials.png') });
    await page.keyboard.press('Escape');

    const month = await api(
      'query($from: LocalDate!, $to: LocalDate!) { workCalendar(from: $from, to: $to) { isWorkingDay } }',
      shanghaiMonth(),
    );
    const working = month.workCalendar.filter((d: { isWorkingDay: boolean }) => d.isWorkingDay).length;
    await page.getByText('工作日历', { exact: true }).first().click();
    await page.waitForURL(/\/responsibility\/calendar/);
    await expect
      .poll(() => page.getByTestId('calendar-summary').textContent(), { timeout: 10_000 })
      .toContain(`本月工作日 ${working} 天`);
    await page.screenshot({ path: path.join(shots, 'responsibility-calendar.png'), fullPage: true });
  });

  test('all five remotes were fetched at run time from their own URLs', async () => {
    const sizes: Record<string, { files: number; bytes: number; gzipBytes: number; largest: string[] }> = {};
    for (const name of ['responsibility', 'hazard', 'supervision', 'training', 'emergency']) {
      expect(requests).toContain(`${portalUrl}/apps/${name}/remoteEntry.js`);
      // What each remote adds to the portal: the files the page fetched from it (shared singletons come from the portal).
      const paths = [...new Set(requests.filter((url) => url.startsWith(`${portalUrl}/apps/${name}/`)))].map(
        (url) => path.join(root, 'apps', name, 'dist', new URL(url).pathname.slice(`/apps/${name}/`.length)),
      );
      const files = paths.map((file) => readFileSync(file));
      sizes[name] = {
        largest: paths
          .map((file, i) => `${Math.round(files[i]!.length / 1024)} KB ${path.basename(file)}`)
          .sort((a, b) => Number.parseInt(b, 10) - Number.parseInt(a, 10))
          .slice(0, 3),
        files: files.length,
        bytes: files.reduce((sum, file) => sum + file.length, 0),
        gzipBytes: files.reduce((sum, file) => sum + gzipSync(file).length, 0),
      };
    }
    writeFileSync(path.join(root, 'artifacts/remote-sizes.json'), `${JSON.stringify(sizes, null, 2)}\n`);
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

  test('admin remote: 平台管理 for the platform admin, subgraphs and the live supergraph from the registry', async () => {
    await signIn('admin.demo');
    await menu().getByRole('menuitem', { name: '平台管理' }).waitFor();
    await menu().getByRole('menuitem', { name: '平台管理' }).click();
    await page.waitForURL(/\/admin\/subgraphs/);
    // Module Federation fetched the admin remote's entry at run time.
    expect(requests).toContain(`${portalUrl}/apps/admin/remoteEntry.js`);

    const names = ['responsibility', 'hazard', 'supervision', 'training', 'emergency'];
    await expect.poll(() => tableRows().count(), { timeout: 20_000 }).toBe(names.length);
    const text = await tableText();
    for (const name of names) expect(text).toContain(name);
    // Every subgraph answers /readyz through the static server's /registry/health proxy.
    for (const name of names) {
      await expect
        .poll(() => page.getByTestId(`health-${name}`).getAttribute('data-state'), { timeout: 20_000 })
        .toBe('ready');
    }
    // The live supergraph version, the same as the registry's (through /registry/graphql, admins only).
    const registry = await fetch(`${portalUrl}/registry/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await accessToken(portalUrl, 'admin.demo')}`,
      },
      body: JSON.stringify({ query: '{ supergraph { version } }' }),
    });
    const live = ((await registry.json()) as { data: { supergraph: { version: number } } }).data.supergraph;
    expect(live.version).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('live-supergraph').textContent(), { timeout: 10_000 })
      .toContain(`v${live.version}`);
    await page.screenshot({ path: path.join(shots, 'admin-subgraphs.png'), fullPage: true });

    // A subgraph's drawer: its SDL and its versions with their status.
    await tableRows()
      .filter({ hasText: 'hazard' })
      .first()
      .getByRole('button', { name: /详\s*情/ })
      .click();
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('subgraph-sdl').waitFor();
    await expect(drawer.getByTestId('subgraph-sdl').textContent()).resolves.toContain('type Hazard');
    await drawer.getByText('ACCEPTED').first().waitFor();
    await page.waitForTimeout(500); // the drawer's slide-in animation
    await page.screenshot({ path: path.join(shots, 'admin-subgraph-drawer.png') });
    await page.keyboard.press('Escape');

    // 超图版本: the live version and its SDL.
    await page.getByText('超图版本', { exact: true }).click();
    await page.waitForURL(/\/admin\/supergraph/);
    await expect
      .poll(() => page.getByTestId('supergraph-live-version').textContent(), { timeout: 10_000 })
      .toBe(`v${live.version}`);
    await page.screenshot({ path: path.join(shots, 'admin-supergraph.png'), fullPage: true });
    // GraphiQL has its own page now (opened signed in: admin-schema.e2e.test.ts).
    await page.goto(`${portalUrl}/admin/graphiql`);
    await page.getByTestId('open-graphiql').waitFor();
    await signOut();
  });

  test('the page loaded without failed requests or errors', () => {
    expect(failures).toEqual([]);
  });
});
