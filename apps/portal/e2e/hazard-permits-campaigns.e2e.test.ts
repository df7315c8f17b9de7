// Domain §5.9, §5.11–5.13 in the browser: an enterprise safety manager applies for a hot-work permit,
// sees the qualification gate refuse a welder live (P-1) and swaps in a qualified one, records a gas
// test; the safety director approves; the guardian starts the work. The SAC office sees a campaign's
// progress chart and the latest weekly briefing's digest; the enterprise acknowledges a monitoring alert.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { apiAs, DEMO_PASSWORD, launchChromium } from './support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shots = path.join(root, 'artifacts/screenshots');
const portalUrl = inject('portalUrl');
/** Unique per run: the platform's data persists and others share it. */
const stamp = Date.now().toString(36);

let browser: Browser;
let page: Page;
const failures: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
  page.on('pageerror', (error) => failures.push(`pageerror: ${error.message}`));
});

afterAll(async () => {
  await browser?.close();
});

async function signIn(username: string) {
  await page.goto(`${portalUrl}/`);
  // A test that failed half-way may have left someone signed in.
  const signedIn = page.getByRole('button', { name: '退出登录' });
  await Promise.race([signedIn.waitFor(), page.getByLabel('用户名').waitFor()]);
  if (await signedIn.isVisible()) {
    await signedIn.click();
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
  }
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('app-user').waitFor();
}

async function signOut() {
  for (const id of ['permit-drawer', 'campaign-drawer', 'briefing-drawer']) {
    const open = page.getByTestId(id);
    if (await open.isVisible()) {
      await page.keyboard.press('Escape');
      await open.waitFor({ state: 'hidden' });
    }
  }
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录', exact: true }).waitFor();
}

/** Picks an option of an Ant Design select found by its accessible name, typing to search. */
async function pick(scope: Page | ReturnType<Page['getByRole']>, label: string, option: string) {
  const box = scope.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(option);
  await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
}

const drawer = () => page.getByTestId('permit-drawer');

/**
 * The services' clock: the platform pins it to the demo day (DEMO_TODAY, 00:00 Asia/Shanghai), so
 * times the service checks (validity, the gas test's age, an alarm's start) are set from it, not
 * from the machine's clock. The gate answers with the instant it was asked.
 */
async function serviceNow(): Promise<Date> {
  const api = await apiAs(portalUrl, 'ent.chem1.manager.demo');
  const { permits } = await api('{ permits(first: 1) { nodes { id } } }');
  const { permitGate } = await api('query($id: ID!) { permitGate(permitId: $id) { checkedAt } }', {
    id: permits.nodes[0].id,
  });
  return new Date(permitGate.checkedAt);
}
/** `YYYY-MM-DDTHH:mm` in Asia/Shanghai, as the datetime-local inputs take it. */
const local = (date: Date) => new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);

describe('a hot-work permit from application to work in progress', () => {
  let permitId = '';
  const location = `e2e 机修车间东侧管线 ${stamp}`;

  test('the safety manager applies; the gate refuses a welder live and passes a qualified one', async () => {
    await signIn('ent.chem1.manager.demo');
    await page.goto(`${portalUrl}/hazard/permits`);
    await page
      .getByRole('button', { name: /申请作业票/ })
      .first()
      .click();
    await page.waitForURL(/\/hazard\/permits\/apply/);
    const form = page.getByTestId('permit-apply');
    await form.getByLabel('作业地点').fill(location);
    // The work starts now by the services' clock and lasts 4 hours (within every hot-work level's limit).
    const start = await serviceNow();
    await form.getByLabel('作业开始时间').fill(local(start));
    await form.getByLabel('作业结束时间').fill(local(new Date(start.getTime() + 4 * 3_600_000)));

    // 孙复审: a welding certificate whose review is overdue (training's permit demo).
    await pick(page, '人员 1', '孙复审');
    const gate0 = page.getByTestId('permit-gate-0');
    await gate0.getByText('孙复审（演示） 资格核验未通过').waitFor({ timeout: 20_000 });
    await expect(gate0.textContent()).resolves.toContain(
      '特种作业操作证（焊接与热切割作业）：证书逾期未复审',
    );
    expect(await form.getByRole('button', { name: '提交申请' }).isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(shots, 'hazard-permit-apply-gate-refused.png'), fullPage: true });

    // Swap in 马焊工 (valid certificate) and name 高焊工 as the guardian.
    await pick(page, '人员 1', '马焊工');
    await gate0.getByText('马焊工（演示） 资格核验通过').waitFor({ timeout: 20_000 });
    await pick(page, '人员 2', '高焊工');
    await page
      .getByTestId('permit-gate-1')
      .getByText('高焊工（演示） 资格核验通过')
      .waitFor({ timeout: 20_000 });
    await form.getByLabel('焊机编号').fill(`HJ-${stamp}`);
    await page.screenshot({ path: path.join(shots, 'hazard-permit-apply.png'), fullPage: true });
    await form.getByRole('button', { name: '提交申请' }).click();

    await page.waitForURL(/[?&]permit=/, { timeout: 15_000 });
    permitId = new URL(page.url()).searchParams.get('permit')!;
    await drawer().getByText(location).waitFor({ timeout: 15_000 });
    await drawer().getByText('草稿').first().waitFor();
  });

  test('a gas test is recorded, with the 30-minute age rule shown', async () => {
    await drawer().getByRole('button', { name: '录入气体分析' }).click();
    const dialog = page.getByRole('dialog', { name: /录入气体分析/ });
    await dialog.getByText('取样时间距动火（进入）开始不得超过30分钟').waitFor();
    await dialog.getByLabel('读数').fill('0.1');
    await pick(dialog, '分析人', '高焊工');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    await drawer().getByText('已气体分析').first().waitFor({ timeout: 15_000 });
    await drawer()
      .getByText(/前开始作业，否则重新分析/)
      .waitFor();
    await page.screenshot({ path: path.join(shots, 'hazard-permit-gas-tested.png') });

    const api = await apiAs(portalUrl, 'ent.chem1.manager.demo');
    const { permit } = await api(
      'query($id: ID!) { permit(id: $id) { status location gasTests { problems { code } } } }',
      {
        id: permitId,
      },
    );
    expect(permit).toMatchObject({ status: 'GAS_TESTED', location, gasTests: [{ problems: [] }] });
    await signOut();
  });

  test('the safety director approves behind the gate', async () => {
    await signIn('ent.chem1.director.demo');
    await page.goto(`${portalUrl}/hazard/permits?permit=${permitId}`);
    await drawer().getByText(location).waitFor({ timeout: 20_000 });
    await drawer()
      .getByRole('button', { name: /^审\s*批$/ })
      .click();
    const dialog = page.getByRole('dialog', { name: /审批/ });
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 20_000 });
    await drawer().getByText('已审批').first().waitFor({ timeout: 15_000 });
    await signOut();
  });

  test('the guardian starts the work; the history shows every step', async () => {
    await signIn('ent.chem1.manager.demo');
    await page.goto(`${portalUrl}/hazard/permits?permit=${permitId}`);
    await drawer().getByText(location).waitFor({ timeout: 20_000 });
    await drawer().getByRole('button', { name: '开始作业' }).click();
    const dialog = page.getByRole('dialog', { name: /开始作业/ });
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    await drawer().getByText('作业中').first().waitFor({ timeout: 15_000 });
    const history = await drawer().getByTestId('status-transition').allTextContents();
    expect(history.join('|')).toMatch(/草稿.*已气体分析.*已审批.*作业中/);
    await page.screenshot({ path: path.join(shots, 'hazard-permit-in-progress.png') });

    const api = await apiAs(portalUrl, 'ent.chem1.manager.demo');
    const { permit } = await api(
      'query($id: ID!) { permit(id: $id) { status version level lastGate { ok } workers { personId role } } }',
      { id: permitId },
    );
    expect(permit.status).toBe('IN_PROGRESS');
    expect(permit.lastGate.ok).toBe(true);
    // Tidy up: complete and close it, so repeated runs leave no live permits behind.
    const executor = permit.workers.find((w: { role: string }) => w.role === 'EXECUTOR').personId;
    const guardian = permit.workers.find((w: { role: string }) => w.role === 'GUARDIAN').personId;
    const done = await api(
      'mutation($i: CompletePermitInput!) { completePermit(input: $i) { status version } }',
      {
        i: {
          permitId,
          expectedVersion: permit.version,
          executorPersonId: executor,
          guardianPersonId: guardian,
        },
      },
    );
    const closed = await api('mutation($i: ClosePermitInput!) { closePermit(input: $i) { status } }', {
      i: { permitId, expectedVersion: done.completePermit.version, siteChecked: true },
    });
    expect(closed.closePermit.status).toBe('CLOSED');
    await signOut();
  });
});

describe('the SAC office: campaign progress and the weekly risk briefing', () => {
  test('plans and launches a campaign, and sees a running campaign’s weekly progress chart', async () => {
    await signIn('saco.demo');
    const api = await apiAs(portalUrl, 'saco.demo');
    await page.goto(`${portalUrl}/hazard/campaigns`);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor({ timeout: 20_000 });

    // Plan one (PLANNED, targets computed by the service), then launch it (ACTIVE).
    const title = `e2e 动火作业专项整治 ${stamp}`;
    await page
      .getByRole('button', { name: /制定专项整治/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: '制定专项整治' });
    await dialog.getByLabel('名称').fill(title);
    await dialog.getByLabel('工作目标').fill('动火作业票办理率100%，无证上岗清零。');
    await pick(dialog, '对象行业', '危险化学品生产');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    const drawer = page.getByTestId('campaign-drawer');
    await drawer.getByText(title).first().waitFor({ timeout: 15_000 });
    await drawer.getByRole('button', { name: '启动实施' }).click();
    await drawer.getByText('实施中').first().waitFor({ timeout: 15_000 });
    const { campaigns } = await api(
      'query($s: CampaignStatus) { campaigns(first: 200, status: $s) { nodes { id title status progress { enterprisesTargeted } snapshots { weekStart } } } }',
      {
        s: 'ACTIVE',
      },
    );
    const mine = campaigns.nodes.find((c: { title: string }) => c.title === title);
    expect(mine).toMatchObject({ status: 'ACTIVE' });
    expect(mine.progress.enterprisesTargeted).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // A campaign with weekly snapshots (the seed's): the line chart over the weeks and coverage by town.
    const all = await api('{ campaigns(first: 200) { nodes { id code title snapshots { weekStart } } } }');
    const tracked = all.campaigns.nodes.find(
      (c: { title: string; snapshots: unknown[] }) => c.snapshots.length >= 2 && !c.title.startsWith('e2e'),
    );
    expect(tracked?.snapshots.length ?? 0).toBeGreaterThanOrEqual(2);
    await page.goto(`${portalUrl}/hazard/campaigns?campaign=${tracked.id}`);
    await drawer.getByRole('img', { name: `${tracked.title} 每周进展折线图` }).waitFor({ timeout: 15_000 });
    await drawer.locator('[role="img"] svg').first().waitFor({ timeout: 15_000 });
    await drawer.getByRole('img', { name: '各乡镇对象企业检查覆盖情况' }).waitFor({ timeout: 15_000 });
    await expect(drawer.getByTestId('campaign-metrics').textContent()).resolves.toContain('已覆盖企业');
    await page.screenshot({ path: path.join(shots, 'hazard-campaign-progress.png'), fullPage: true });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  test('sees missed weeks and the latest SAC office briefing with its auto digest', async () => {
    await signIn('saco.demo');
    const api = await apiAs(portalUrl, 'saco.demo');
    const { briefings } = await api(
      '{ briefings(first: 1, level: SACO_WEEKLY) { nodes { id periodFrom periodTo autoDigest { newHazards overdueHazards openMajorHazards } } } }',
    );
    const latest = briefings.nodes[0];
    expect(latest?.periodTo >= latest?.periodFrom).toBe(true);
    await page.goto(`${portalUrl}/hazard/briefings?level=SACO_WEEKLY`);
    const row = page.locator('.ant-table-tbody tr.ant-table-row').first();
    await row.waitFor({ timeout: 20_000 });
    // Latest period first: the first row is the latest briefing.
    await row.getByRole('button', { name: `${latest.periodFrom} – ${latest.periodTo}` }).click();
    const digest = page.getByTestId('briefing-drawer').getByTestId('briefing-digest');
    await digest.getByText('自动研判摘要').waitFor({ timeout: 15_000 });
    const text = (await digest.textContent()) ?? '';
    expect(text).toContain(`本期新增隐患${latest.autoDigest.newHazards}`);
    expect(text).toContain(`逾期未整改隐患${latest.autoDigest.overdueHazards}`);
    expect(text).toContain(`未销号重大隐患${latest.autoDigest.openMajorHazards}`);
    await page.screenshot({ path: path.join(shots, 'hazard-briefing-digest.png'), fullPage: true });
    await signOut();
  });
});

describe('a monitoring alert is acknowledged by the enterprise', () => {
  test('an integrator delivers a gas alarm at chem1; the safety manager acknowledges it in time', async () => {
    // A machine integrator scoped to chem1 (the demo integrator only covers 三雷镇), made once by the admin.
    const admin = await apiAs(portalUrl, 'admin.demo');
    const chem1 = (await apiAs(portalUrl, 'ent.chem1.manager.demo'))('{ me { scope { enterpriseIds } } }');
    const enterpriseId = (await chem1).me.scope.enterpriseIds[0];
    const found = await admin(
      '{ accounts(first: 5, search: "e2e-chem1-alarms", kind: INTEGRATOR) { nodes { id } } }',
    );
    const accountId =
      found.accounts.nodes[0]?.id ??
      (
        await admin('mutation($i: CreateMachineAccountInput!) { createMachineAccount(input: $i) { id } }', {
          i: { name: 'e2e-chem1-alarms', kind: 'INTEGRATOR', scope: { enterpriseIds: [enterpriseId] } },
        })
      ).createMachineAccount.id;
    const { issueMachineToken } = await admin(
      'mutation($id: ID!) { issueMachineToken(accountId: $id, expiresInDays: 1) { token } }',
      { id: accountId },
    );
    const sensorRef = `GT-e2e-${stamp}`;
    const delivered = await fetch(`${portalUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${issueMachineToken.token}` },
      body: JSON.stringify({
        query:
          'mutation($i: ReceiveMonitoringAlertInput!) { receiveMonitoringAlert(input: $i) { id status acknowledgeDueAt } }',
        variables: {
          i: {
            sourceSystem: 'hazchem-monitoring',
            enterpriseId,
            sensorRef,
            kind: 'GAS_CONCENTRATION',
            level: 'L2',
            reading: '可燃气体 28 %LEL',
            startedAt: (await serviceNow()).toISOString(),
          },
        },
      }),
    }).then((r) => r.json() as Promise<{ data: any; errors?: unknown[] }>);
    expect(delivered.errors).toBeUndefined();
    const alertId = delivered.data.receiveMonitoringAlert.id as string;
    expect(delivered.data.receiveMonitoringAlert.status).toBe('OPEN');

    await signIn('ent.chem1.manager.demo');
    await page.goto(`${portalUrl}/hazard/alerts?status=OPEN&kind=GAS_CONCENTRATION`);
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: sensorRef });
    await row.waitFor({ timeout: 20_000 });
    await row.getByText('待签收').waitFor();
    await page.screenshot({ path: path.join(shots, 'hazard-alerts.png'), fullPage: true });
    await row.getByRole('button', { name: /^签\s*收$/ }).click();
    const dialog = page.getByRole('dialog', { name: /签收/ });
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    // Acknowledged: it leaves the list of open alerts.
    await row.waitFor({ state: 'detached', timeout: 15_000 });

    const api = await apiAs(portalUrl, 'ent.chem1.manager.demo');
    const { monitoringAlert } = await api(
      'query($id: ID!) { monitoringAlert(id: $id) { status acknowledgedAt } }',
      {
        id: alertId,
      },
    );
    expect(monitoringAlert.status).toBe('ACKNOWLEDGED');
    // Acknowledged just now, on the service's clock (demo day, Asia/Shanghai): a real instant.
    expect(Number.isNaN(Date.parse(monitoringAlert.acknowledgedAt))).toBe(false);
    await signOut();
    expect(failures).toEqual([]);
  });
});
