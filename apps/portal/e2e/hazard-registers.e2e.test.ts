// Domain §5.5, §5.10 and H-7 (§5.6) in the browser: 市场监管 reads the special equipment register across
// industries and follows an overdue unit's hazard; an enterprise registers a unit and records its
// inspection; a regulator opens a vetoed project review; an enterprise opens its quarterly statistics form.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoAccount } from '@safety/reference';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { apiAs, DEMO_PASSWORD, launchChromium } from './support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shots = path.join(root, 'artifacts/screenshots');
const portalUrl = inject('portalUrl');

/** A Shanghai calendar day `days` from today, as the date picker takes it. */
function shanghaiDay(days = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

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
  // A test that failed half-way leaves its user signed in.
  const signedIn = page.getByRole('button', { name: '退出登录' });
  if (await signedIn.isVisible({ timeout: 2_000 }).catch(() => false)) await signedIn.click();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('app-user').waitFor();
}

async function signOut() {
  for (const id of ['hazard-drawer', 'project-review-drawer']) {
    if (await page.getByTestId(id).isVisible()) {
      await page.keyboard.press('Escape');
      await page.getByTestId(id).waitFor({ state: 'hidden' });
    }
  }
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录', exact: true }).waitFor();
}

/** Picks a date in an antd DatePicker found by its label. */
async function pickDate(scope: ReturnType<Page['getByRole']>, label: string, date: string) {
  await scope.getByLabel(label, { exact: true }).fill(date);
  await scope.getByLabel(label, { exact: true }).press('Enter');
}

const EQUIPMENT_QUERY = `query($overdue: Boolean) {
  specialEquipment(first: 200, overdue: $overdue) {
    totalCount
    nodes { id registrationNo inspectionOverdue lastInspectionAt nextInspectionDue inspectionResult
      overdueHazard { id code } enterpriseId holderName holderIndustryCode }
  }
}`;

describe('special equipment (§5.5)', () => {
  test('市场监管 sees the register across industries with an overdue unit and follows its hazard', async () => {
    // 市场监管 supervises special equipment across industries (§5.5, §2.4).
    const regulator = 'samr.demo';
    const api = await apiAs(portalUrl, regulator);
    const all = (await api(EQUIPMENT_QUERY)).specialEquipment;
    const industries = new Set(all.nodes.map((n: { holderIndustryCode: string }) => n.holderIndustryCode));
    expect(industries.size).toBeGreaterThan(1);
    const overdue = (await api(EQUIPMENT_QUERY, { overdue: true })).specialEquipment;
    expect(overdue.totalCount).toBeGreaterThan(0);

    await signIn(regulator);
    await page.goto(`${portalUrl}/hazard/special-equipment?overdue=true`);
    const first = overdue.nodes[0];
    const row = page.locator('tr', { hasText: first.registrationNo });
    await row.waitFor({ timeout: 20_000 });
    await row.getByText('检验逾期').waitFor();
    await row.getByText(/逾期 \d+ 天/).waitFor();
    await page.screenshot({ path: path.join(shots, 'hazard-special-equipment-overdue.png'), fullPage: true });

    // The SYSTEM_RULE hazard of the overdue rule (run on start, then daily), linked to the drawer.
    let withHazard: { registrationNo: string; overdueHazard: { id: string; code: string } } | undefined;
    await expect
      .poll(
        async () => {
          const nodes = (await api(EQUIPMENT_QUERY, { overdue: true })).specialEquipment.nodes;
          withHazard = nodes.find((n: { overdueHazard: unknown }) => n.overdueHazard);
          return Boolean(withHazard);
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(true);
    if (!withHazard) throw new Error('unreachable: polled above');
    await page.goto(`${portalUrl}/hazard/special-equipment?overdue=true`);
    const linked = page.locator('tr', { hasText: withHazard.registrationNo });
    await linked.getByTestId('equipment-hazard-link').click();
    await page.waitForURL(new RegExp(`[?&]hazard=${withHazard.overdueHazard.id}`));
    await page.getByTestId('hazard-drawer').getByText(withHazard.overdueHazard.code).first().waitFor({
      timeout: 20_000,
    });
    await page.screenshot({ path: path.join(shots, 'hazard-special-equipment-hazard.png') });
    await signOut();
  });

  test('an enterprise registers a unit and records its inspection', async () => {
    const registrationNo = `E2E-620621-${Date.now()}`;
    await signIn('ent.chem1.manager.demo');
    await page.goto(`${portalUrl}/hazard/special-equipment`);
    await page.getByRole('button', { name: /登记设备/ }).click();
    // A phone-sized form: what a safety manager fills on site.
    await page.setViewportSize({ width: 360, height: 740 });
    const dialog = page.getByRole('dialog', { name: '登记设备' });
    await dialog.getByLabel('设备种类').click();
    await page.locator('.ant-select-item-option', { hasText: '压力容器' }).click();
    await dialog.getByLabel('使用登记证编号').fill(registrationNo);
    await dialog.getByLabel('设备名称').fill('液氮储罐（e2e）');
    await dialog.getByLabel('使用地点').fill('空分装置区');
    await pickDate(dialog, '上次定期检验日期', shanghaiDay(-300));
    await pickDate(dialog, '下次检验日期', shanghaiDay(65));
    await page.screenshot({
      path: path.join(shots, 'hazard-special-equipment-register.png'),
      fullPage: true,
    });
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
    await page.setViewportSize({ width: 1280, height: 860 });

    const row = page.locator('tr', { hasText: registrationNo });
    await row.waitFor({ timeout: 15_000 });
    await row.getByText('剩余 65 天').waitFor();
    await row.getByRole('button', { name: '记录检验' }).click();
    const inspect = page.getByRole('dialog', { name: new RegExp(`记录检验 · ${registrationNo}`) });
    await pickDate(inspect, '检验日期', shanghaiDay());
    await pickDate(inspect, '下次检验日期', shanghaiDay(365));
    await inspect.getByRole('button', { name: /保\s*存/ }).click();
    await inspect.waitFor({ state: 'hidden', timeout: 15_000 });
    await row.getByText(shanghaiDay(365)).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, 'hazard-special-equipment-inspected.png') });

    const api = await apiAs(portalUrl, 'ent.chem1.manager.demo');
    const unit = (await api(EQUIPMENT_QUERY)).specialEquipment.nodes.find(
      (n: { registrationNo: string }) => n.registrationNo === registrationNo,
    );
    expect(unit).toMatchObject({
      lastInspectionAt: shanghaiDay(),
      nextInspectionDue: shanghaiDay(365),
      inspectionResult: 'PASSED',
      inspectionOverdue: false,
      enterpriseId: demoAccount('ent.chem1.manager.demo').enterpriseIds[0],
    });
    await signOut();
  });
});

describe('project safety review (§5.10)', () => {
  test('a regulator opens a vetoed review and sees the one-vote veto', async () => {
    const api = await apiAs(portalUrl, 'emb.staff.demo');
    const vetoed = (
      await api(
        'query { projectReviews(first: 20, decision: VETO) { nodes { id code projectName decisionReason status } } }',
      )
    ).projectReviews.nodes;
    expect(vetoed.length).toBeGreaterThan(0);
    const review = vetoed[vetoed.length - 1]; // the oldest: the demo's, not one made by a test
    await signIn('emb.staff.demo');
    await page.goto(`${portalUrl}/hazard/project-reviews?decision=VETO`);
    await page.getByRole('button', { name: review.code }).click();
    const drawer = page.getByTestId('project-review-drawer');
    const veto = drawer.getByTestId('project-veto');
    await veto.getByText('一票否决：存在重大安全风险').waitFor({ timeout: 20_000 });
    await expect(veto.textContent()).resolves.toContain(review.decisionReason);
    await drawer.getByText('三同时', { exact: false }).first().waitFor();
    // A vetoed project is not built: no construction step is offered.
    await expect(drawer.getByRole('button', { name: '准予开工' }).count()).resolves.toBe(0);
    await page.screenshot({ path: path.join(shots, 'hazard-project-review-veto.png'), fullPage: true });
    await signOut();
  });
});

const STATISTICS_QUERY = `query($e: ID!, $y: Int!, $q: Int) {
  hazardStatistics(enterpriseId: $e, year: $y, quarter: $q) {
    dueDate found fixed open overdue lines { grade found fixed open overdue listed } }
}`;
const QUARTER_LABELS = ['一季度', '二季度', '三季度', '四季度'];

describe('hazard statistics form (H-7)', () => {
  test("an enterprise opens its quarterly form and the numbers match the service's", async () => {
    const enterpriseId = demoAccount('ent.chem1.manager.demo').enterpriseIds[0];
    // The page opens on the last quarter that has ended (the one due for filing).
    const today = shanghaiDay();
    const thisYear = Number(today.slice(0, 4));
    const current = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
    const year = current === 0 ? thisYear - 1 : thisYear;
    const quarter = current === 0 ? 4 : current;
    const api = await apiAs(portalUrl, 'ent.chem1.manager.demo');
    const statistics = async (y: number, q: number | null) =>
      (await api(STATISTICS_QUERY, { e: enterpriseId, y, q })).hazardStatistics;

    await signIn('ent.chem1.manager.demo');
    await page.goto(`${portalUrl}/hazard/statistics`);
    const sheet = page.getByTestId('h7-form');
    const matches = async (form: Awaited<ReturnType<typeof statistics>>, period: string) => {
      await sheet.getByText(period).waitFor({ timeout: 20_000 });
      await expect(sheet.getByTestId('h7-due').textContent()).resolves.toBe(form.dueDate);
      await expect(sheet.getByTestId('h7-filing').textContent()).resolves.toBe(
        today > form.dueDate ? '已超过报送期限' : '在报送期限内',
      );
      for (const key of ['found', 'fixed', 'open', 'overdue'] as const)
        await expect(sheet.getByTestId(`h7-TOTAL-${key}`).textContent()).resolves.toBe(String(form[key]));
      for (const line of form.lines)
        for (const key of ['found', 'fixed', 'open', 'overdue', 'listed'] as const)
          await expect(sheet.getByTestId(`h7-${line.grade}-${key}`).textContent()).resolves.toBe(
            String(line[key]),
          );
    };
    await matches(await statistics(year, quarter), `${year} 年第 ${quarter} 季度`);

    // Then the ended period with the most hazards (closed periods do not move while others test).
    const periods: Array<{ y: number; q: number | null }> = [{ y: thisYear - 1, q: null }];
    for (let q = 1; q <= (year === thisYear ? quarter : 0); q++) periods.push({ y: thisYear, q });
    const forms = await Promise.all(periods.map(async (p) => ({ ...p, form: await statistics(p.y, p.q) })));
    const busiest = forms.reduce((best, next) => (next.form.found > best.form.found ? next : best));
    if (busiest.y !== year) {
      await page.getByLabel('年度').click();
      await page.locator('.ant-select-item-option', { hasText: String(busiest.y) }).click();
    }
    await page.getByText(busiest.q ? QUARTER_LABELS[busiest.q - 1]! : '全年', { exact: true }).click();
    await matches(busiest.form, busiest.q ? `${busiest.y} 年第 ${busiest.q} 季度` : `${busiest.y} 年度`);
    await page.screenshot({ path: path.join(shots, 'hazard-statistics-h7.png'), fullPage: true });
    await signOut();
    expect(failures).toEqual([]);
  });
});
