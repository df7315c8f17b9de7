// Domain §5.4, §5.6, §5.7.2 in the browser, the regulator's closed loop: a fresh MAJOR hazard at the
// coal mine (the only demo enterprise with a principal account; no other test lists its hazards); the
// principal fills the 五定 rectification plan (a server validation error lands on its field) and approves
// it; the SAC office finds it in the unlisted-major-hazards queue and proposes a county listing; the county
// leader issues it; the enterprise starts and asks for an extension, the SAC office grants it and the
// deadline moves on the card; a regulator reads the major hazard sources board with its 包保 misses.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { apiAs, DEMO_PASSWORD, launchChromium } from './support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shots = path.join(root, 'artifacts/screenshots');
const portalUrl = inject('portalUrl');

const PRINCIPAL = 'ent.coal1.principal.demo';
const SAC = 'saco.demo';
const LEADER = 'county.leader.demo';
const REGULATOR = 'emb.staff.demo';

/** A day `days` from today in Asia/Shanghai, as `YYYY-MM-DD` (what the date pickers take). */
function shanghaiDay(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
// Far enough out that an extension is still asked ≥ 20 working days before the deadline (§5.7.2).
const hazardDeadline = shanghaiDay(90);
const listingDeadline = shanghaiDay(80);
const extendedDeadline = shanghaiDay(120);
const planDeadline = shanghaiDay(70);

let browser: Browser;
let page: Page;
const failures: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  page.on('pageerror', (error) => failures.push(`pageerror: ${error.message}`));
});

afterAll(async () => {
  await browser?.close();
});

const drawer = () => page.getByTestId('hazard-drawer');
const okButton = (dialog: Locator) =>
  dialog.getByRole('button', { name: '确 定' }).or(dialog.getByRole('button', { name: '确定' }));

async function signIn(username: string) {
  await page.goto(`${portalUrl}/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('app-user').waitFor();
}

async function signOut() {
  // Drawers' masks cover the header.
  for (const open of [drawer(), page.getByTestId('listing-drawer')]) {
    if (await open.isVisible()) {
      await page.keyboard.press('Escape');
      await open.waitFor({ state: 'hidden' });
    }
  }
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录', exact: true }).waitFor();
}

async function pickDate(dialog: Locator, label: string, day: string) {
  const input = dialog.getByLabel(label);
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

describe('the regulator closed loop: 五定 plan, queue, listing, extension, major hazard sources', () => {
  const title = `e2e 采空区探放水设施失效 ${Date.now()}`;
  let hazardId = '';
  let code = '';
  let listingId = '';

  test('setup: the coal mine reports a MAJOR hazard and a regulator confirms it', async () => {
    const principal = await apiAs(portalUrl, PRINCIPAL);
    const mine = await principal('{ hazards(first: 1) { nodes { enterpriseId } } }');
    const enterpriseId = mine.hazards.nodes[0].enterpriseId as string;
    const { reportHazard } = await principal(
      'mutation($input: ReportHazardInput!) { reportHazard(input: $input) { id code version } }',
      {
        input: {
          enterpriseId,
          title,
          description: '+1150 水平采空区探放水钻孔未按设计施工，存在透水危险。',
          grade: 'MAJOR',
          source: 'ENTERPRISE_SELF_CHECK',
          location: '+1150 水平回风巷',
          noPhotoReason: '井下防爆区域，无防爆相机',
        },
      },
    );
    hazardId = reportHazard.id;
    code = reportHazard.code;
    // Row 3: any MAJOR hazard is confirmed by a regulator.
    const sac = await apiAs(portalUrl, SAC);
    const { confirmHazard } = await sac(
      'mutation($input: ConfirmHazardInput!) { confirmHazard(input: $input) { status grade deadline } }',
      {
        input: {
          hazardId,
          expectedVersion: reportHazard.version,
          grade: 'MAJOR',
          deadline: hazardDeadline,
          determination: 'EXTERNAL_FACTOR',
        },
      },
    );
    expect(confirmHazard).toEqual({ status: 'CONFIRMED', grade: 'MAJOR', deadline: hazardDeadline });
  });

  test('the principal fills the 五定 plan (a server error on its field) and approves it', async () => {
    await signIn(PRINCIPAL);
    await page.goto(`${portalUrl}/hazard/hazards?hazard=${hazardId}`);
    await drawer().getByText(code).first().waitFor({ timeout: 20_000 });
    const plan = drawer().getByTestId('hazard-plan');
    await plan.getByText('未提交').waitFor();

    await drawer().getByRole('button', { name: '填报治理方案' }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`填报治理方案 · ${code}`) });
    // One character passes the form but not the service (2–2000): its message lands on the field.
    await dialog.getByLabel('治理的目标和任务').fill('改');
    await dialog.getByLabel('采取的方法和措施（定措施）').fill('按设计补打探放水钻孔 6 个，疏放采空区积水。');
    await dialog.getByLabel('经费（定资金）').fill('380000');
    await dialog.getByLabel('物资落实').fill('钻机 2 台、排水泵 3 台');
    await dialog.getByLabel('负责治理的机构').fill('地测防治水科');
    await dialog.getByLabel('责任人（定责任）').fill('李工（演示）');
    await pickDate(dialog, '治理时限（定时限）', planDeadline);
    await dialog.getByLabel('时限和要求').fill('60 日内完成探放水并经验收');
    await dialog.getByLabel('治理期间的安全措施').fill('停止相邻工作面回采，设置警戒，加强水情监测。');
    await dialog.getByLabel('应急预案（定预案）').fill('执行矿井水害应急预案，撤人路线张贴到班组。');
    await okButton(dialog).click();
    const objectives = dialog.locator('.ant-form-item').filter({ has: page.getByLabel('治理的目标和任务') });
    await objectives.locator('.ant-form-item-explain-error').waitFor({ timeout: 15_000 });
    await expect(objectives.locator('.ant-form-item-explain-error').textContent()).resolves.toMatch(/2/);
    await objectives.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'hazard-plan-server-error.png') });

    await dialog.getByLabel('治理的目标和任务').fill('消除采空区积水透水威胁，恢复安全生产条件。');
    await okButton(dialog).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    await plan.getByText('待主要负责人批准').waitFor({ timeout: 15_000 });
    await expect(plan.textContent()).resolves.toContain('380000.00');

    await drawer().getByRole('button', { name: '批准治理方案' }).click();
    const approve = page.getByRole('dialog', { name: new RegExp(`批准治理方案 · ${code}`) });
    await approve.getByTestId('plan-summary').waitFor();
    await okButton(approve).click();
    await approve.waitFor({ state: 'detached', timeout: 15_000 });
    await plan.getByText(/主要负责人已批准/).waitFor({ timeout: 15_000 });
    // The service's history places the plan's submission and approval among the status changes.
    const timeline = drawer().getByTestId('status-transition');
    await timeline.filter({ hasText: '主要负责人批准治理方案' }).first().waitFor();
    await timeline.filter({ hasText: '提交治理方案' }).first().waitFor();
    await page.screenshot({ path: path.join(shots, 'hazard-plan-approved.png'), fullPage: true });

    const api = await apiAs(portalUrl, PRINCIPAL);
    const { hazard } = await api(
      'query($id: ID!) { hazard(id: $id) { planApproved plan { funds deadline } } }',
      {
        id: hazardId,
      },
    );
    expect(hazard).toEqual({ planApproved: true, plan: { funds: '380000.00', deadline: planDeadline } });
    await signOut();
  });

  test('the SAC office finds it in the unlisted queue and proposes a county listing', async () => {
    await signIn(SAC);
    await page.goto(`${portalUrl}/hazard/listings?tab=unlisted&evaluationOverdue=false`);
    const queue = page.getByTestId('unlisted-queue');
    const row = queue.locator('tr.ant-table-row').filter({ hasText: code });
    await queue.locator('tr.ant-table-row').first().waitFor({ timeout: 20_000 });
    // Oldest confirmation first: page on until the new hazard shows.
    for (let i = 0; i < 20 && !(await row.isVisible()); i++) {
      const next = queue.getByRole('button', { name: /下一页|Next/ });
      if (!(await next.isEnabled())) break;
      await next.click();
      await page.waitForTimeout(500);
    }
    await row.waitFor({ timeout: 10_000 });
    await expect(row.textContent()).resolves.toContain('方案已批准');
    await page.screenshot({ path: path.join(shots, 'hazard-unlisted-queue.png'), fullPage: true });
    await row.getByRole('button', { name: '提请挂牌督办' }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`提请挂牌督办 · ${code}`) });
    await dialog.getByText('县安委会', { exact: true }).waitFor();
    await dialog
      .getByLabel('督办要求')
      .fill('立即停止相邻工作面回采，按治理方案完成探放水，每 15 日报告进展。');
    await pickDate(dialog, '督办整改期限', listingDeadline);
    await okButton(dialog).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    await row.waitFor({ state: 'detached', timeout: 15_000 });

    const api = await apiAs(portalUrl, SAC);
    const { listings } = await api(
      '{ listings(first: 100, status: PROPOSED) { nodes { id hazardIds deadline } } }',
    );
    const proposed = listings.nodes.find((l: { hazardIds: string[] }) => l.hazardIds.includes(hazardId));
    expect(proposed).toMatchObject({ deadline: listingDeadline });
    listingId = proposed.id;
    await signOut();
  });

  test('the county leader issues the notice', async () => {
    await signIn(LEADER);
    await page.goto(`${portalUrl}/hazard/listings?status=PROPOSED`);
    const row = page.locator(`tr[data-row-key="${listingId}"]`);
    await row.waitFor({ timeout: 20_000 });
    await row.getByRole('button', { name: '签发挂牌' }).click();
    await row.getByText('已挂牌').waitFor({ timeout: 15_000 });
    await expect(row.textContent()).resolves.toMatch(/DB-\d{4}-\d{3}/);
    await signOut();
  });

  test('the enterprise starts the listed rectification and asks for an extension', async () => {
    await signIn(PRINCIPAL);
    await page.goto(`${portalUrl}/hazard/hazards?hazard=${hazardId}`);
    const card = drawer().getByTestId('hazard-listing');
    await card.getByText('已挂牌').first().waitFor({ timeout: 20_000 });
    await expect(card.getByTestId('listing-deadline').textContent()).resolves.toContain(listingDeadline);

    await card.getByRole('button', { name: '开始督办整改' }).click();
    const start = page.getByRole('dialog', { name: /开始督办整改/ });
    await okButton(start).click();
    await start.waitFor({ state: 'detached', timeout: 15_000 });
    await card.getByRole('button', { name: '申请延期' }).waitFor({ timeout: 15_000 });

    await card.getByRole('button', { name: '申请延期' }).click();
    const dialog = page.getByRole('dialog', { name: /申请延期/ });
    await pickDate(dialog, '申请延至', extendedDeadline);
    await dialog.getByLabel('延期理由').fill('探放水钻孔遇断层需补充设计，申请延长 40 日。');
    await okButton(dialog).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    await card.getByText('待审批').waitFor({ timeout: 15_000 });
    await page.screenshot({
      path: path.join(shots, 'hazard-listing-extension-requested.png'),
      fullPage: true,
    });
    await signOut();
  });

  test('the SAC office grants the extension and the deadline moves', async () => {
    await signIn(SAC);
    await page.goto(`${portalUrl}/hazard/listings?status=EXTENSION_REQUESTED`);
    const row = page.locator(`tr[data-row-key="${listingId}"]`);
    await row.waitFor({ timeout: 20_000 });
    await row.getByRole('button', { name: '审批延期' }).click();
    const dialog = page.getByRole('dialog', { name: /审批延期/ });
    await expect(dialog.getByTestId('extension-request').textContent()).resolves.toContain(extendedDeadline);
    await dialog.getByText('同意延期', { exact: true }).click();
    await dialog.getByLabel('审批说明').fill('同意，按期报告进展。');
    await okButton(dialog).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    await row.getByText('已延期').waitFor({ timeout: 15_000 });
    await expect(row.textContent()).resolves.toContain(extendedDeadline);
    // The listing in full: its timeline and the extension granted.
    await row.getByRole('button', { name: /详\s*情/ }).click();
    const details = page.getByTestId('listing-drawer');
    await details.getByText('已同意').waitFor({ timeout: 15_000 });
    await details.getByText(code).waitFor();
    await page.screenshot({ path: path.join(shots, 'hazard-listing-board.png'), fullPage: true });

    const api = await apiAs(portalUrl, SAC);
    const { listing } = await api(
      'query($id: ID!) { listing(id: $id) { status deadline originalDeadline } }',
      {
        id: listingId,
      },
    );
    expect(listing).toEqual({
      status: 'RECTIFYING',
      deadline: extendedDeadline,
      originalDeadline: listingDeadline,
    });
    await signOut();

    // The enterprise's card shows the new deadline and the first one.
    await signIn(PRINCIPAL);
    await page.goto(`${portalUrl}/hazard/hazards?hazard=${hazardId}`);
    const card = drawer().getByTestId('hazard-listing');
    await card.getByText('整改中').first().waitFor({ timeout: 20_000 });
    const deadline = (await card.getByTestId('listing-deadline').textContent()) ?? '';
    expect(deadline).toContain(extendedDeadline);
    expect(deadline).toContain(listingDeadline);
    await page.screenshot({ path: path.join(shots, 'hazard-listing-extended.png'), fullPage: true });
    await signOut();
  });

  test('a regulator reads the major hazard sources board: a grade II unit and the 包保 misses', async () => {
    const api = await apiAs(portalUrl, REGULATOR);
    const { majorHazardSources } = await api(
      '{ majorHazardSources(first: 200) { nodes { id grade isMajorHazardSource baobaoMisses { role } } } }',
    );
    const shown = majorHazardSources.nodes.filter(
      (s: { isMajorHazardSource: boolean }) => s.isMajorHazardSource,
    );
    const missed = shown.filter((s: { baobaoMisses: unknown[] }) => s.baobaoMisses.length > 0);
    expect(shown.some((s: { grade: string }) => s.grade === 'II')).toBe(true);
    expect(missed.length).toBeGreaterThan(0);

    await signIn(REGULATOR);
    await page.goto(`${portalUrl}/hazard/major-hazards`);
    const table = page.getByTestId('major-hazard-sources');
    await table.locator('tr.ant-table-row').first().waitFor({ timeout: 20_000 });
    expect(await table.locator('tr.ant-table-row').count()).toBe(shown.length);
    await table.locator('[data-grade="II"]').first().waitFor();
    // Every unit with a missed check is highlighted, with its misses named.
    expect(await table.locator('tr[data-missed="true"]').count()).toBe(missed.length);
    await table.locator('tr[data-missed="true"]').first().getByTestId('baobao-miss').first().waitFor();
    await page.getByTestId('miss-total').waitFor();
    await page.screenshot({ path: path.join(shots, 'hazard-major-sources.png'), fullPage: true });

    // Grade filter; then the link to the enterprise's hazards.
    await page.getByLabel('级别').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '二级' }).click();
    await expect
      .poll(async () => table.locator('tr.ant-table-row').count(), { timeout: 15_000 })
      .toBe(shown.filter((s: { grade: string }) => s.grade === 'II').length);
    await table.locator('tr.ant-table-row').first().getByRole('button', { name: '企业隐患' }).click();
    await page.waitForURL(/\/hazard\/hazards\?enterprise=/, { timeout: 15_000 });
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor({ timeout: 20_000 });
    await signOut();
    expect(failures).toEqual([]);
  });
});
