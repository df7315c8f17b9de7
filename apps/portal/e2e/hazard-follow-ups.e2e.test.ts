// Domain §5.7.2 and H-2 in the browser, the regulator's follow-ups: a MAJOR hazard a regulator found at an
// enterprise gets its two 双重交办 legs, shown in the hazard drawer, and the enterprise acknowledges its leg;
// the SAC office decides not to list another fresh MAJOR hazard from its queue, with a reason.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { apiAs, DEMO_PASSWORD, launchChromium } from './support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shots = path.join(root, 'artifacts/screenshots');
const portalUrl = inject('portalUrl');

const REGULATOR = 'emb.staff.demo';
const ENTERPRISE = 'ent.chem1.manager.demo';
const SAC = 'saco.demo';

/** A deadline a month from today in Asia/Shanghai. */
const deadline = new Date(Date.now() + 8 * 3600_000 + 30 * 86_400_000).toISOString().slice(0, 10);

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

async function signIn(username: string) {
  await page.goto(`${portalUrl}/`);
  // A failed test before may have left someone signed in.
  const signOutButton = page.getByRole('button', { name: '退出登录' });
  await signOutButton.or(page.getByLabel('用户名')).first().waitFor();
  if (await signOutButton.isVisible()) await signOutButton.click();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('app-user').waitFor();
}

async function signOut() {
  if (await drawer().isVisible()) {
    await page.keyboard.press('Escape');
    await drawer().waitFor({ state: 'hidden' });
  }
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录', exact: true }).waitFor();
}

/** A fresh MAJOR hazard a regulator found at the chemical plant and confirmed (unique per run). */
async function freshMajorHazard(title: string): Promise<{ id: string; code: string }> {
  const enterprise = await apiAs(portalUrl, ENTERPRISE);
  const { me } = await enterprise('{ me { scope { enterpriseIds } } }');
  const regulator = await apiAs(portalUrl, REGULATOR);
  const { reportHazard } = await regulator(
    'mutation($input: ReportHazardInput!) { reportHazard(input: $input) { id code version } }',
    {
      input: {
        enterpriseId: me.scope.enterpriseIds[0],
        title,
        description: '执法检查发现：液氨储罐区紧急切断阀失效，未设置独立的安全仪表系统。',
        grade: 'MAJOR',
        source: 'GOV_INSPECTION',
        location: '液氨储罐区',
        noPhotoReason: '防爆区域，未携带防爆相机',
      },
    },
  );
  const { confirmHazard } = await regulator(
    'mutation($input: ConfirmHazardInput!) { confirmHazard(input: $input) { status grade deadline } }',
    {
      input: {
        hazardId: reportHazard.id,
        expectedVersion: reportHazard.version,
        grade: 'MAJOR',
        deadline,
        determination: 'EXTERNAL_FACTOR',
      },
    },
  );
  expect(confirmHazard).toEqual({ status: 'CONFIRMED', grade: 'MAJOR', deadline });
  return { id: reportHazard.id, code: reportHazard.code };
}

interface TaskRow {
  id: string;
  leg: string;
  status: string;
  dueAt: string;
  version: number;
}

/** The responsibility service issues the legs from the hazard's event: wait for both. */
async function legsOf(username: string, hazardId: string): Promise<TaskRow[]> {
  const api = await apiAs(portalUrl, username);
  for (let attempt = 0; attempt < 90; attempt++) {
    const { hazard } = await api(
      'query($id: ID!) { hazard(id: $id) { tasks { id leg status dueAt version } } }',
      {
        id: hazardId,
      },
    );
    if ((hazard.tasks ?? []).length >= 2) return hazard.tasks;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the 双重交办 tasks of ${hazardId} were not issued`);
}

/** The queue lists oldest first: page on until the row shows. */
async function queueRow(code: string): Promise<Locator> {
  const queue = page.getByTestId('unlisted-queue');
  const row = queue.locator('tr.ant-table-row').filter({ hasText: code });
  await queue.locator('tr.ant-table-row').first().waitFor({ timeout: 20_000 });
  for (let i = 0; i < 20 && !(await row.isVisible()); i++) {
    const next = queue.locator('.ant-pagination-next');
    if ((await next.count()) === 0 || (await next.getAttribute('aria-disabled')) === 'true') break;
    await next.click();
    await page.waitForTimeout(500);
  }
  await row.waitFor({ timeout: 10_000 });
  return row;
}

describe('the regulator follow-ups: 双重交办 in the drawer, 不予挂牌 from the queue', () => {
  const stamp = Date.now();

  test('a regulator sees both legs of 双重交办 with their due date; the enterprise acknowledges its leg', async () => {
    const hazard = await freshMajorHazard(`e2e 液氨紧急切断阀失效 ${stamp}`);
    const legs = await legsOf(REGULATOR, hazard.id);
    expect(legs.map((leg) => leg.leg).sort()).toEqual(['ENTERPRISE_RECTIFICATION', 'SUPERVISOR_OVERSIGHT']);
    for (const leg of legs) expect(leg).toMatchObject({ status: 'ISSUED', dueAt: deadline });

    await signIn(REGULATOR);
    await page.goto(`${portalUrl}/hazard/hazards?hazard=${hazard.id}`);
    await drawer().getByText(hazard.code).first().waitFor({ timeout: 20_000 });
    const section = drawer().getByTestId('hazard-tasks');
    await section.getByText('双重交办', { exact: true }).waitFor({ timeout: 20_000 });
    const enterpriseLeg = section.getByTestId('task-leg-ENTERPRISE_RECTIFICATION');
    const oversightLeg = section.getByTestId('task-leg-SUPERVISOR_OVERSIGHT');
    await enterpriseLeg.getByText('企业整改', { exact: true }).waitFor({ timeout: 20_000 });
    await oversightLeg.getByText('属地/行业监管督办', { exact: true }).waitFor();
    for (const leg of [enterpriseLeg, oversightLeg]) {
      await leg.getByText('已交办', { exact: true }).waitFor();
      await expect(leg.textContent()).resolves.toContain(deadline);
      // The due date's badge (剩余 N 天).
      await leg.locator('[data-urgency]').first().waitFor();
    }
    // The enterprise's leg goes to the enterprise; the oversight leg to the town and the regulators.
    await expect(enterpriseLeg.textContent()).resolves.toContain('红沙岗');
    await expect(oversightLeg.textContent()).resolves.toContain('县应急管理局');
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'hazard-dual-assignment.png') });
    // The regulator is no assignee of the enterprise's leg: no button to acknowledge it there.
    expect(await enterpriseLeg.getByRole('button', { name: /^签\s*收$/ }).count()).toBe(0);
    await signOut();

    await signIn(ENTERPRISE);
    await page.goto(`${portalUrl}/hazard/hazards?hazard=${hazard.id}`);
    await drawer().getByText(hazard.code).first().waitFor({ timeout: 20_000 });
    const ownLeg = drawer().getByTestId('task-leg-ENTERPRISE_RECTIFICATION');
    await ownLeg.getByRole('button', { name: /^签\s*收$/ }).click();
    const dialog = page.getByRole('dialog', { name: /签收 · TASK-/ });
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    await ownLeg.getByText('已签收', { exact: true }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, 'hazard-dual-assignment-acknowledged.png') });
    await signOut();

    const after = await legsOf(ENTERPRISE, hazard.id);
    expect(after.find((leg) => leg.leg === 'ENTERPRISE_RECTIFICATION')?.status).toBe('ACKNOWLEDGED');
    expect(after.find((leg) => leg.leg === 'SUPERVISOR_OVERSIGHT')?.status).toBe('ISSUED');

    // Leave the SAC office's queue as it was: this hazard is not evaluated for listing here.
    const sac = await apiAs(portalUrl, SAC);
    await sac(
      'mutation($input: DecideNotToListHazardInput!) { decideNotToListHazard(input: $input) { hazardId } }',
      { input: { hazardId: hazard.id, reason: 'e2e：演示数据，不纳入挂牌评估' } },
    );
  });

  test('the SAC office decides not to list a fresh MAJOR hazard from its queue, with a reason', async () => {
    const hazard = await freshMajorHazard(`e2e 储罐区防火堤破损 ${stamp}`);
    const reason = `已责令企业停用储罐并限期整改，由县应急管理局跟踪督办（${stamp}）`;

    await signIn(SAC);
    await page.goto(`${portalUrl}/hazard/listings?tab=unlisted`);
    const row = await queueRow(hazard.code);
    await row.getByRole('button', { name: '不予挂牌' }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`不予挂牌督办 · ${hazard.code}`) });
    // The reason is required: the form says so before anything is sent.
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.getByText('请填写不予挂牌的理由').waitFor();
    await dialog.getByLabel('不予挂牌理由').fill(reason);
    await page.screenshot({ path: path.join(shots, 'hazard-not-listed-decision.png') });
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 }).catch(async (error) => {
      await page.screenshot({ path: path.join(shots, 'hazard-not-listed-failed.png') });
      throw new Error(`${error}: ${await dialog.textContent()}`);
    });
    // It leaves the queue.
    await page
      .getByTestId('unlisted-queue')
      .locator('tr.ant-table-row')
      .filter({ hasText: hazard.code })
      .waitFor({ state: 'detached', timeout: 15_000 });

    const api = await apiAs(portalUrl, SAC);
    const { hazard: stored, unlistedMajorHazards } = await api(
      'query($id: ID!) { hazard(id: $id) { listingId listingDecision { reason decidedByUsername } } unlistedMajorHazards(first: 200) { nodes { hazard { id } } } }',
      { id: hazard.id },
    );
    expect(stored).toEqual({ listingId: null, listingDecision: { reason, decidedByUsername: SAC } });
    expect(unlistedMajorHazards.nodes.map((n: { hazard: { id: string } }) => n.hazard.id)).not.toContain(
      hazard.id,
    );

    // The decision shows in the hazard's drawer, and 不予挂牌 is no longer offered there.
    await page.goto(`${portalUrl}/hazard/hazards?hazard=${hazard.id}`);
    await drawer().getByText(hazard.code).first().waitFor({ timeout: 20_000 });
    const decision = drawer().getByTestId('hazard-not-listed');
    await decision.waitFor({ timeout: 15_000 });
    await expect(decision.textContent()).resolves.toContain(reason);
    await expect(decision.textContent()).resolves.toContain(SAC);
    expect(await drawer().getByRole('button', { name: '不予挂牌' }).count()).toBe(0);
    await decision.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'hazard-not-listed-drawer.png') });
    await signOut();
    expect(failures).toEqual([]);
  });

  test('H-8: the SAC office launches a lessons-learned campaign from a major hazard and follows it', async () => {
    const hazard = await freshMajorHazard(`e2e 液氨充装未使用万向管道 ${stamp}`);
    const title = `举一反三 液氨充装专项排查 ${stamp}`;
    await signIn(SAC);
    await page.goto(`${portalUrl}/hazard/hazards?hazard=${hazard.id}`);
    await drawer().getByText(hazard.code).first().waitFor({ timeout: 20_000 });
    await drawer().getByRole('button', { name: '举一反三' }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`举一反三 · ${hazard.code}`) });
    await dialog.getByLabel('整治名称').fill(title);
    await dialog.getByRole('button', { name: '发起专项整治' }).click();
    const launched = drawer().getByTestId('lessons-learned-launched');
    await launched.waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, 'hazard-lessons-learned.png') });

    const api = await apiAs(portalUrl, SAC);
    const { campaigns } = await api(
      '{ campaigns(first: 50, kind: LESSONS_LEARNED) { nodes { id title kind status } } }',
    );
    const campaign = campaigns.nodes.find((c: { title: string }) => c.title === title);
    expect(campaign).toMatchObject({ kind: 'LESSONS_LEARNED', status: 'ACTIVE' });

    // The link opens the campaign's progress on the campaigns page.
    await launched.getByRole('link', { name: '查看进展' }).click();
    await page.waitForURL(new RegExp(`/hazard/campaigns\\?campaign=${campaign.id}`));
    await page.getByText(title).first().waitFor({ timeout: 15_000 });
    // Close the campaign's drawer, which covers the header.
    await page.keyboard.press('Escape');
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached', timeout: 10_000 });
    await signOut();
    expect(failures).toEqual([]);
  });
});
