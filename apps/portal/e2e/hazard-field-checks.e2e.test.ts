// Domain §5.9 P-3, §5.13 and §5.11 in the browser: a regulator finds an unlicensed worker on a live
// hot-work permit and follows the hazard the service created; a regulator converts a monitoring alert
// into a hazard (once, then it links to it); the SAC office records a campaign's check of a target
// enterprise and the coverage moves. Form defaults come from the service clock (serviceClock).
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
const MANAGER = 'ent.chem1.manager.demo';
const DIRECTOR = 'ent.chem1.director.demo';
/** 应急管理局股室: regulates hazchem (chem1), may report unlicensed workers and convert alerts. */
const REGULATOR = 'emb.staff.demo';

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
  for (const id of ['permit-drawer', 'campaign-drawer', 'hazard-drawer']) {
    const open = page.getByTestId(id);
    if (await open.isVisible()) {
      await page.keyboard.press('Escape');
      await open.waitFor({ state: 'hidden' });
    }
  }
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录', exact: true }).waitFor();
}

/** The service clock (DEMO_TODAY pins the demo's): what the rules use as now and today. */
async function serviceClock(): Promise<{ now: Date; today: string }> {
  const api = await apiAs(portalUrl, MANAGER);
  const { serviceClock } = await api('{ serviceClock { now today timeZone } }');
  expect(serviceClock.timeZone).toBe('Asia/Shanghai');
  return { now: new Date(serviceClock.now), today: serviceClock.today };
}
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** An APPROVED hot-work permit at chem1 (a hazchem enterprise), drafted, gas-tested and approved by API. */
async function livePermit(location: string) {
  const manager = await apiAs(portalUrl, MANAGER);
  const director = await apiAs(portalUrl, DIRECTOR);
  const { me } = await manager('{ me { scope { enterpriseIds } } }');
  const enterpriseId = me.scope.enterpriseIds[0] as string;
  const { enterprise, persons } = await manager(
    'query($e: ID!) { enterprise(id: $e) { name } persons(first: 200, enterpriseId: $e) { nodes { id nameZh } } }',
    { e: enterpriseId },
  );
  const person = (name: string) =>
    persons.nodes.find((p: { nameZh: string }) => p.nameZh.startsWith(name)).id;
  // 马焊工 holds a valid welding certificate, 高焊工 is a trained guardian (training's permit demo).
  const welder = person('马焊工');
  const guardian = person('高焊工');
  const { now, today } = await serviceClock();
  const engagedBy = { enterpriseId, name: enterprise.name };
  const created = await manager(
    'mutation($i: CreatePermitInput!) { createPermit(input: $i) { id code version } }',
    {
      i: {
        enterpriseId,
        type: 'HOT_WORK',
        purpose: 'MAINTENANCE',
        location,
        validFrom: now.toISOString(),
        validTo: new Date(now.getTime() + 4 * 3_600_000).toISOString(),
        workers: [
          { personId: welder, role: 'EXECUTOR', workKinds: ['WELDING'], engagedBy },
          { personId: guardian, role: 'GUARDIAN', engagedBy },
        ],
        equipmentChecks: [{ equipmentId: `HJ-${stamp}`, inspectedAt: today, result: 'OK' }],
        measures: ['清除动火点周围可燃物', '配备灭火器2具', '设专人监火'].map((text) => ({
          text,
          confirmed: true,
        })),
        hotWorkSite: {},
      },
    },
  );
  const permit = created.createPermit;
  const tested = await manager(
    'mutation($i: RecordGasTestInput!) { recordGasTest(input: $i) { status version } }',
    {
      i: {
        permitId: permit.id,
        expectedVersion: permit.version,
        test: {
          point: '动火点',
          flammables: [{ reading: '0.1', unit: 'PCT_VOL', lelPctVol: '5', substance: '甲烷' }],
          analystId: guardian,
        },
      },
    },
  );
  const approved = await director(
    'mutation($i: ApprovePermitInput!) { approvePermit(input: $i) { status version } }',
    { i: { permitId: permit.id, expectedVersion: tested.recordGasTest.version } },
  );
  expect(approved.approvePermit.status).toBe('APPROVED');
  return {
    id: permit.id as string,
    code: permit.code as string,
    enterpriseName: enterprise.name as string,
    today,
  };
}

describe('P-3: a regulator finds an unlicensed worker on a live permit', () => {
  test('records 无证作业 on the permit and follows the major hazard it created', async () => {
    const location = `e2e 无证作业检查 储罐区 ${stamp}`;
    const permit = await livePermit(location);
    const operation = `焊接 ${stamp}`;

    await signIn(REGULATOR);
    await page.goto(`${portalUrl}/hazard/permits?permit=${permit.id}`);
    const drawer = page.getByTestId('permit-drawer');
    await drawer.getByText(location).waitFor({ timeout: 20_000 });
    await drawer.getByTestId('report-unlicensed-worker').click();
    const dialog = page.getByRole('dialog', { name: /无证作业/ });
    // The deadline defaults to a week from the service's today, not the browser's.
    await expect
      .poll(() => dialog.getByLabel('整改期限').inputValue(), { timeout: 10_000 })
      .toBe(addDays(permit.today, 7));
    await dialog.getByRole('combobox', { name: '无证人员' }).click();
    await page.locator('.ant-select-item-option').first().click();
    await dialog.getByLabel('正在进行的作业').fill(operation);
    await dialog.getByLabel('无法拍照的原因').fill('现场为防爆区域，禁止使用手机拍照。');
    await page.screenshot({ path: path.join(shots, 'hazard-permit-unlicensed-form.png') });
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });

    const created = drawer.getByTestId('unlicensed-hazard');
    await created.getByText(/已形成隐患/).waitFor({ timeout: 15_000 });
    await created.getByText('重大隐患').waitFor();
    // The accountability proposal names the unit that hired the worker (谁招请无证人员，谁负责任).
    await created.getByText(`已对招请单位（${permit.enterpriseName}）提出问责建议`).waitFor();
    await page.screenshot({ path: path.join(shots, 'hazard-permit-unlicensed-created.png') });

    // Follow the link to the hazard; the hazard list opens it in its drawer.
    await created.getByRole('link', { name: '查看隐患' }).click();
    await page.waitForURL(/\/hazard\/hazards\?hazard=/, { timeout: 15_000 });
    const hazardId = new URL(page.url()).searchParams.get('hazard')!;
    const hazardDrawer = page.getByTestId('hazard-drawer');
    await hazardDrawer.getByText(`无证上岗：${operation}`).first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, 'hazard-permit-unlicensed-hazard.png') });

    const api = await apiAs(portalUrl, REGULATOR);
    const { hazard } = await api(
      'query($id: ID!) { hazard(id: $id) { title grade source sourceRef deadline enterprise { id } } }',
      { id: hazardId },
    );
    // Domain §5.9 P-3: major for a hazchem enterprise (121号 item 2), found by the government.
    expect(hazard).toMatchObject({
      title: `无证上岗：${operation}`,
      grade: 'MAJOR',
      source: 'GOV_INSPECTION',
      sourceRef: permit.code,
      deadline: addDays(permit.today, 7),
    });

    // Tidy up: the approver revokes the permit, so repeated runs leave no live permits behind.
    const director = await apiAs(portalUrl, DIRECTOR);
    const { permit: current } = await director('query($id: ID!) { permit(id: $id) { version } }', {
      id: permit.id,
    });
    const revoked = await director(
      'mutation($i: RevokePermitInput!) { revokePermit(input: $i) { status } }',
      { i: { permitId: permit.id, expectedVersion: current.version, reason: 'e2e 无证作业，撤销作业票' } },
    );
    expect(revoked.revokePermit.status).toBe('REVOKED');
    await signOut();
  });
});

describe('§5.13: a monitoring alert becomes a hazard', () => {
  test('a regulator converts an alert once; then the alert links to the hazard', async () => {
    // A machine integrator scoped to chem1 (shared with the other alert test: found or made once).
    const admin = await apiAs(portalUrl, 'admin.demo');
    const manager = await apiAs(portalUrl, MANAGER);
    const enterpriseId = (await manager('{ me { scope { enterpriseIds } } }')).me.scope.enterpriseIds[0];
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
    const sensorRef = `LT-e2e-${stamp}`;
    const delivered = await fetch(`${portalUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${issueMachineToken.token}` },
      body: JSON.stringify({
        query:
          'mutation($i: ReceiveMonitoringAlertInput!) { receiveMonitoringAlert(input: $i) { id status } }',
        variables: {
          i: {
            sourceSystem: 'hazchem-monitoring',
            enterpriseId,
            sensorRef,
            kind: 'TANK_LEVEL',
            level: 'L3',
            reading: '液位 92%',
            startedAt: (await serviceClock()).now.toISOString(),
          },
        },
      }),
    }).then((r) => r.json() as Promise<{ data: any; errors?: unknown[] }>);
    expect(delivered.errors).toBeUndefined();
    const alertId = delivered.data.receiveMonitoringAlert.id as string;

    await signIn(REGULATOR);
    await page.goto(`${portalUrl}/hazard/alerts?status=OPEN&kind=TANK_LEVEL`);
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: sensorRef });
    await row.waitFor({ timeout: 20_000 });
    // The acknowledgement countdown runs on the service clock: 30 minutes from the alarm's start.
    await row.getByText('剩余 30 分钟').waitFor({ timeout: 15_000 });
    await row.getByRole('button', { name: '转为隐患' }).click();
    const dialog = page.getByRole('dialog', { name: /转为隐患/ });
    const title = `e2e 储罐液位超限 ${stamp}`;
    await dialog.getByLabel('隐患名称').fill(title);
    await page.screenshot({ path: path.join(shots, 'hazard-alert-convert-form.png') });
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });

    // Once converted, the button gives way to the link to the hazard.
    const link = row.getByTestId('alert-hazard-link');
    await link.getByText(/^隐患 /).waitFor({ timeout: 15_000 });
    expect(await row.getByRole('button', { name: '转为隐患' }).count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'hazard-alert-converted.png'), fullPage: true });

    const api = await apiAs(portalUrl, REGULATOR);
    const { monitoringAlert } = await api(
      'query($id: ID!) { monitoringAlert(id: $id) { status hazard { id title source sourceRef grade } } }',
      { id: alertId },
    );
    expect(monitoringAlert.hazard).toMatchObject({
      title,
      source: 'MONITORING_ALERT',
      sourceRef: alertId,
      grade: 'GENERAL',
    });
    // A second conversion is refused (once), even with the current version.
    const { monitoringAlert: converted } = await api(
      'query($id: ID!) { monitoringAlert(id: $id) { version } }',
      { id: alertId },
    );
    await expect(
      api('mutation($i: ConvertAlertToHazardInput!) { convertAlertToHazard(input: $i) { id } }', {
        i: { alertId, expectedVersion: converted.version, title: `${title} 2`, grade: 'GENERAL' },
      }),
    ).rejects.toThrow(/already a hazard/);

    await link.click();
    await page.waitForURL(new RegExp(`/hazard/hazards\\?hazard=${monitoringAlert.hazard.id}`), {
      timeout: 15_000,
    });
    await page.getByTestId('hazard-drawer').getByText(title).first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, 'hazard-alert-hazard.png') });

    // Tidy up: the enterprise handles and closes the alert, so the open list stays short.
    const step = async (field: string, inputType: string, input: object = {}) => {
      const { monitoringAlert: current } = await manager(
        'query($id: ID!) { monitoringAlert(id: $id) { version } }',
        { id: alertId },
      );
      await manager(`mutation($i: ${inputType}!) { ${field}(input: $i) { status } }`, {
        i: { alertId, expectedVersion: current.version, ...input },
      });
    };
    await step('acknowledgeMonitoringAlert', 'AcknowledgeMonitoringAlertInput');
    await step('disposeMonitoringAlert', 'DisposeMonitoringAlertInput', {
      handling: 'e2e 已转隐患，按隐患整改',
    });
    await step('closeMonitoringAlert', 'CloseMonitoringAlertInput');
    await signOut();
  });
});

describe('§5.11: the SAC office records a campaign check of a target enterprise', () => {
  test('plans and launches a campaign, records a check, and the coverage moves', async () => {
    await signIn('saco.demo');
    const api = await apiAs(portalUrl, 'saco.demo');
    await page.goto(`${portalUrl}/hazard/campaigns`);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor({ timeout: 20_000 });

    const title = `e2e 检查覆盖专项整治 ${stamp}`;
    await page
      .getByRole('button', { name: /制定专项整治/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: '制定专项整治' });
    await dialog.getByLabel('名称').fill(title);
    await dialog.getByLabel('工作目标').fill('对象企业检查全覆盖。');
    const industry = dialog.getByRole('combobox', { name: '对象行业' });
    await industry.click();
    await industry.fill('危险化学品生产');
    await page.locator('.ant-select-item-option').filter({ hasText: '危险化学品生产' }).first().click();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    const drawer = page.getByTestId('campaign-drawer');
    await drawer.getByText(title).first().waitFor({ timeout: 15_000 });
    // Checks are recorded while ACTIVE only: no button before the launch.
    const targets = drawer.getByTestId('campaign-targets');
    await targets.locator('.ant-table-row').first().waitFor({ timeout: 15_000 });
    expect(await targets.getByRole('button', { name: /^记录检查/ }).count()).toBe(0);
    await drawer.getByRole('button', { name: '启动实施' }).click();
    await drawer.getByText('实施中').first().waitFor({ timeout: 15_000 });

    const total = await targets.locator('.ant-table-row').count();
    expect(total).toBeGreaterThan(0);
    await targets.getByText(/^已检查 0 \/ \d+ 家$/).waitFor({ timeout: 15_000 });
    const first = targets.getByRole('button', { name: /^记录检查/ }).first();
    const enterpriseName = ((await first.getAttribute('aria-label')) ?? '').replace(/^记录检查 /, '');
    await first.click();
    const check = page.getByRole('dialog', { name: /记录检查/ });
    await check.getByLabel('检查情况说明').fill(`e2e 现场检查，未发现问题 ${stamp}`);
    await check.getByRole('button', { name: /确\s*定/ }).click();
    await check.waitFor({ state: 'detached', timeout: 15_000 });

    await targets.getByText(/^已检查 1 \/ \d+ 家$/).waitFor({ timeout: 15_000 });
    await targets
      .locator('.ant-table-row')
      .filter({ hasText: enterpriseName })
      .getByText('已检查', { exact: true })
      .waitFor();
    await page.screenshot({ path: path.join(shots, 'hazard-campaign-checks.png'), fullPage: true });

    const { campaigns } = await api(
      'query($s: CampaignStatus) { campaigns(first: 200, status: $s) { nodes { id title progress { enterprisesTargeted enterprisesCovered } } } }',
      { s: 'ACTIVE' },
    );
    const mine = campaigns.nodes.find((c: { title: string }) => c.title === title);
    expect(mine.progress.enterprisesCovered).toBe(1);
    const { campaignTargets } = await api(
      'query($c: ID!) { campaignTargets(first: 200, campaignId: $c) { nodes { checkedAt checkNote enterprise { name } } } }',
      { c: mine.id },
    );
    const checked = campaignTargets.nodes.filter((t: { checkedAt: string | null }) => t.checkedAt);
    expect(checked).toHaveLength(1);
    expect(checked[0]).toMatchObject({
      checkNote: `e2e 现场检查，未发现问题 ${stamp}`,
      enterprise: { name: enterpriseName },
    });
    await signOut();
    expect(failures).toEqual([]);
  });
});
