// Domain §5.2, §5.3, §5.8 in the browser (dual prevention, the enterprise side): the hazchem plant's
// safety director identifies a risk point by drawing its polygon on the floor plan, assesses it with the
// calculator so it becomes 较大 (orange) and sees it orange on the enterprise four-colour map; records a
// self-check with a finding that raises a hazard; the town's regulator opens the enterprise's map from
// the county map and sees the missed self-checks in scope. Names are unique per run, so the test passes
// again on the same platform.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { apiAs, DEMO_PASSWORD, launchChromium } from './support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shots = path.join(root, 'artifacts/screenshots');
const portalUrl = inject('portalUrl');

// Not used by hazard-flow.e2e.test.ts. 红沙岗煤化工 is a hazchem producer, so its criteria profile is
// the 5 × 5 matrix (services/hazard/src/risk/risk.profiles.ts): the calculator offers that method.
const DIRECTOR = 'ent.chem1.director.demo';
const ENTERPRISE = '红沙岗煤化工有限公司';
// The township office of 红沙岗, where the plant is: its regulator by town (domain §2.4).
const REGULATOR = 'town.hongshagang.demo';
const ORANGE = '#fa8c16';

/** A small real PNG (8×8, one colour), as a phone camera would send a JPEG. */
function photo(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(8, 0);
  header.writeUInt32BE(8, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(24, 0x80)]);
  const pixels = Buffer.concat(Array.from({ length: 8 }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

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

async function signIn(username: string) {
  await page.goto(`${portalUrl}/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('app-user').waitFor();
}

async function signOut() {
  await page.goto(`${portalUrl}/`);
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录', exact: true }).waitFor();
}

/** Clicks the plan at plan coordinates (0–1000), as a user clicks a corner of the area. */
async function clickPlan(svg: ReturnType<Page['getByTestId']>, x: number, y: number) {
  const box = await svg.boundingBox();
  if (!box) throw new Error('the floor plan is not visible');
  await page.mouse.click(box.x + (box.width * x) / 1000, box.y + (box.height * y) / 1000);
}

describe('dual prevention on the enterprise side', () => {
  const stamp = Date.now();
  const pointName = `e2e 甲醇装卸区 ${stamp}`;

  test('the safety director draws a risk point on the floor plan and assesses it 较大 (orange)', async () => {
    await signIn(DIRECTOR);
    await page.goto(`${portalUrl}/hazard/risk-map`);
    // An enterprise user lands on its own map.
    await page.waitForURL(/\/hazard\/risk-map\/enterprise\//, { timeout: 20_000 });
    await page.getByTestId('enterprise-map-title').getByText(ENTERPRISE).waitFor({ timeout: 20_000 });
    await page.getByTestId('floor-plan').waitFor();

    await page
      .getByRole('button', { name: /新增风险点/ })
      .first()
      .click();
    const editor = page.getByTestId('risk-point-editor');
    await editor.getByLabel('风险点名称').fill(pointName);
    await editor.getByLabel('具体位置').fill('甲醇罐区南侧装卸站台');
    // Four corners on the plan, the other points shown behind.
    const plan = editor.getByTestId('polygon-field').getByTestId('floor-plan');
    await plan.scrollIntoViewIfNeeded();
    for (const [x, y] of [
      [520, 520],
      [660, 520],
      [660, 640],
      [520, 640],
    ] as const)
      await clickPlan(plan, x, y);
    await editor.getByTestId('floor-plan-draft').locator('circle').nth(3).waitFor();
    await editor.getByLabel('可能导致的事故类型').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '火灾' }).first().click();
    await page.keyboard.press('Escape');
    await editor.getByRole('button', { name: /添加管控措施/ }).click();
    await editor.getByLabel('措施内容').fill('装卸鹤管静电接地报警联锁');
    await editor
      .locator('input[type="file"]')
      .setInputFiles({ name: '告知卡.png', mimeType: 'image/png', buffer: photo() });
    await editor.locator('.ant-upload-list-item-done img').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, 'hazard-risk-point-editor.png'), fullPage: true });
    await editor.getByRole('button', { name: /保\s*存/ }).click();

    // Saved, then straight into the calculator of the plant's profile: R = 3 × 5 = 15 → 较大风险.
    const dialog = page.getByRole('dialog', { name: new RegExp(`风险评估 · ${pointName}`) });
    await dialog.waitFor({ timeout: 15_000 });
    const pick = async (label: string, option: string) => {
      await dialog.getByLabel(label).click();
      // The newest dropdown is this select's (the previous one may still be fading out).
      await page
        .locator('.ant-select-dropdown')
        .last()
        .locator(`.ant-select-item-option[title="${option}"]`)
        .click();
    };
    await pick('L 可能性（1–5）', '3');
    await pick('S 严重程度（1–5）', '5');
    await dialog.getByRole('button', { name: '计算并保存' }).click();
    const result = dialog.getByTestId('assessment-result');
    await result.waitFor({ timeout: 15_000 });
    await expect(result.textContent()).resolves.toContain('R = 15');
    await expect(result.textContent()).resolves.toContain('较大风险');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();

    // Orange on the enterprise four-colour map, with its details and last assessment.
    const shape = page.locator(`[data-testid="floor-plan-point"][data-point-name="${pointName}"]`);
    await shape.waitFor({ timeout: 15_000 });
    await expect(shape.getAttribute('data-risk-level')).resolves.toBe('HIGH');
    await expect(shape.locator('polygon').getAttribute('fill')).resolves.toBe(ORANGE);
    await shape.click();
    const details = page.getByTestId('risk-point-details');
    await details.getByText('较大风险').first().waitFor();
    await expect(details.getByTestId('last-assessment').textContent()).resolves.toContain('R = 15');
    await page.screenshot({ path: path.join(shots, 'hazard-enterprise-risk-map.png'), fullPage: true });

    const api = await apiAs(portalUrl, DIRECTOR);
    const { riskPoints } = await api(
      'query($level: RiskLevel) { riskPoints(first: 200, level: $level) { nodes { name riskLevel floorPlanPolygon accidentTypes noticeCardFileId controls { kind text } } } }',
      { level: 'HIGH' },
    );
    const saved = riskPoints.nodes.find((p: { name: string }) => p.name === pointName);
    expect(saved).toMatchObject({
      riskLevel: 'HIGH',
      accidentTypes: ['火灾'],
      controls: [{ kind: 'ENGINEERING', text: '装卸鹤管静电接地报警联锁' }],
      noticeCardFileId: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(saved.floorPlanPolygon).toHaveLength(4);
    await signOut();
  });
  test('the director records a weekly self-check on a phone; the finding is reported as a hazard', async () => {
    const planName = `e2e 装卸区周检 ${stamp}`;
    await signIn(DIRECTOR);
    // A plan of its own (so reruns never depend on the demo plans' state), in force from today.
    await page.goto(`${portalUrl}/hazard/self-checks?tab=plans`);
    await page.getByRole('button', { name: /新建自查计划/ }).click();
    const dialog = page.getByRole('dialog', { name: '新建自查计划' });
    await dialog.getByLabel('自查计划').fill(planName);
    await dialog.getByLabel('检查表 C1').fill('静电接地完好');
    await dialog.getByRole('button', { name: /添加检查项/ }).click();
    await dialog.getByLabel('检查表 C2').fill('消防器材在位');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });

    // Due this week: the new plan, not yet done; recorded from a phone.
    // The portal keeps its 220 px menu at every width (packages/ui AppLayout), so a 640 px window
    // leaves the page the ≈ 360 px of a phone.
    await page.setViewportSize({ width: 640, height: 900 });
    await page.goto(`${portalUrl}/hazard/self-checks`);
    const due = page.locator(`[data-testid="due-check"][data-plan-name="${planName}"]`);
    await due.getByText('待检查').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'hazard-self-checks-due.png'), fullPage: true });
    await due.getByRole('button', { name: /记录自查/ }).click();
    await page.waitForURL(/\/hazard\/self-checks\/record\//);
    const c1 = page.getByTestId('check-item-C1');
    await c1.getByText('不符合', { exact: true }).click();
    await c1.getByLabel('存在的问题').fill('2号鹤管静电接地线断开');
    await c1.getByLabel('具体位置').fill('甲醇装卸站台2号鹤管');
    await c1
      .locator('input[type="file"]')
      .setInputFiles({ name: '接地线.png', mimeType: 'image/png', buffer: photo() });
    await c1.locator('.ant-upload-list-item-done img').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, 'hazard-self-check-record.png'), fullPage: true });
    await page.getByRole('button', { name: '提交自查记录' }).click();
    const done = page.getByTestId('self-check-recorded');
    await page.getByText('自查记录已提交').waitFor({ timeout: 15_000 });
    await page.getByText('已上报隐患 1 项').waitFor();
    await page.screenshot({ path: path.join(shots, 'hazard-self-check-recorded.png'), fullPage: true });

    const api = await apiAs(portalUrl, DIRECTOR);
    const { selfCheckPlans } = await api(
      '{ selfCheckPlans(first: 200, active: true) { nodes { id name } } }',
    );
    const plan = selfCheckPlans.nodes.find((p: { name: string }) => p.name === planName);
    const { selfCheckRecords } = await api(
      'query($plan: ID!) { selfCheckRecords(first: 5, planId: $plan) { nodes { items { code result note hazardId } hazardsCreated { code title source status evidence { kind fileId } } } } }',
      { plan: plan.id },
    );
    expect(selfCheckRecords.nodes).toHaveLength(1);
    const [record] = selfCheckRecords.nodes;
    expect(record.items).toEqual([
      { code: 'C1', result: 'NOK', note: '2号鹤管静电接地线断开', hazardId: expect.any(String) },
      { code: 'C2', result: 'OK', note: null, hazardId: null },
    ]);
    expect(record.hazardsCreated).toEqual([
      {
        code: expect.any(String),
        title: '静电接地完好：2号鹤管静电接地线断开',
        source: 'ENTERPRISE_SELF_CHECK',
        status: 'REPORTED',
        evidence: [{ kind: 'BEFORE', fileId: expect.stringMatching(/^[0-9a-f]{64}$/) }],
      },
    ]);

    // The history: the record with its finding and the hazard it raised.
    await done.getByRole('button', { name: /查看自查记录/ }).click();
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: planName }).first();
    await row.waitFor({ timeout: 15_000 });
    await expect(row.textContent()).resolves.toContain('2号鹤管静电接地线断开');
    await expect(row.textContent()).resolves.toContain(record.hazardsCreated[0].code);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: path.join(shots, 'hazard-self-check-history.png'), fullPage: true });
    await signOut();
  });

  test("the town's regulator opens the plant's map from the county map and sees the missed self-checks", async () => {
    await signIn(REGULATOR);
    await page.goto(`${portalUrl}/hazard/risk-map`);
    const table = page.getByTestId('risk-map-enterprises');
    await table.locator('tr.ant-table-row').first().waitFor({ timeout: 20_000 });
    await table.getByRole('button', { name: new RegExp(ENTERPRISE) }).click();
    await page.waitForURL(/\/hazard\/risk-map\/enterprise\//);
    const shape = page.locator(`[data-testid="floor-plan-point"][data-point-name="${pointName}"]`);
    await shape.waitFor({ timeout: 20_000 });
    await expect(shape.getAttribute('data-risk-level')).resolves.toBe('HIGH');
    await expect(shape.locator('polygon').getAttribute('fill')).resolves.toBe(ORANGE);
    // Hover shows the point's details.
    await shape.hover();
    await page.getByTestId('risk-point-details').getByText(pointName).first().waitFor();
    await page.screenshot({ path: path.join(shots, 'hazard-regulator-enterprise-map.png'), fullPage: true });

    const api = await apiAs(portalUrl, REGULATOR);
    const { missedSelfChecks } = await api('{ missedSelfChecks(first: 1) { totalCount } }');
    expect(missedSelfChecks.totalCount).toBeGreaterThan(0);
    await page.goto(`${portalUrl}/hazard/self-checks`);
    const summary = page.getByTestId('missed-summary');
    await summary.locator('tr.ant-table-row').first().waitFor({ timeout: 20_000 });
    await expect(summary.textContent()).resolves.toContain('红沙岗');
    // The list itself: the newest missed periods of the towns's enterprises, with the plant among them.
    const rows = page.getByTestId('missed-list').locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor({ timeout: 20_000 });
    await expect(rows.first().textContent()).resolves.toMatch(/\d+ \/ \d+/);
    await page.screenshot({ path: path.join(shots, 'hazard-missed-self-checks.png'), fullPage: true });
    await signOut();
    expect(failures).toEqual([]);
  });
});
