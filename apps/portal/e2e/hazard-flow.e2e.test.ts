// Domain §5.6–5.7 in the browser: an enterprise safety manager reports a hazard from the hazard module
// with a photo; a regulator confirms it as a MAJOR hazard citing a determination criterion; the SAC
// office proposes a county listing and the county leader issues it; the enterprise sees the listing.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { apiAs, DEMO_PASSWORD, launchChromium } from './support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shots = path.join(root, 'artifacts/screenshots');
const portalUrl = inject('portalUrl');

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
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(24, 0xc0)]);
  const pixels = Buffer.concat(Array.from({ length: 8 }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A deadline a month from today in Asia/Shanghai, as the date picker takes it. */
function deadlineInAMonth(): string {
  return new Date(Date.now() + 8 * 3600_000 + 30 * 86_400_000).toISOString().slice(0, 10);
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
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('app-user').waitFor();
}

async function signOut() {
  // Close the hazard drawer first: its mask covers the header.
  if (await drawer().isVisible()) {
    await page.keyboard.press('Escape');
    await drawer().waitFor({ state: 'hidden' });
  }
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录', exact: true }).waitFor();
}

const drawer = () => page.getByTestId('hazard-drawer');

describe('a hazard from report to a county listing', () => {
  let hazardId = '';
  let code = '';
  const title = `e2e 可燃气体报警器失效 ${Date.now()}`;

  test('the enterprise safety manager reports a hazard with a photo', async () => {
    await signIn('ent.chem1.manager.demo');
    await page
      .getByRole('navigation', { name: '功能导航' })
      .getByRole('menuitem', { name: '隐患排查' })
      .click();
    await page.getByRole('button', { name: /上报隐患/ }).click();
    await page.waitForURL(/\/hazard\/report/);
    await page.getByLabel('隐患名称').fill(title);
    await page.getByLabel('隐患描述').fill('甲醇罐区可燃气体检测报警器未投用，无法报警联锁。');
    await page.getByLabel('具体位置').fill('甲醇罐区东侧');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: photo() });
    // Uploaded to /files and shown from the stored bytes.
    await page.locator('.ant-upload-list-item-done img').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, 'hazard-report-form.png'), fullPage: true });
    await page.getByRole('button', { name: '提交上报' }).click();

    await page.waitForURL(/[?&]hazard=/, { timeout: 15_000 });
    hazardId = new URL(page.url()).searchParams.get('hazard')!;
    await drawer().getByText('已上报').first().waitFor({ timeout: 15_000 });
    await drawer().getByTestId('evidence-BEFORE').locator('img').waitFor({ timeout: 15_000 });

    const api = await apiAs(portalUrl, 'ent.chem1.manager.demo');
    const { hazard } = await api(
      'query($id: ID!) { hazard(id: $id) { code title status grade evidence { kind fileId } } }',
      {
        id: hazardId,
      },
    );
    expect(hazard).toMatchObject({ title, status: 'REPORTED', grade: 'GENERAL' });
    expect(hazard.evidence).toEqual([{ kind: 'BEFORE', fileId: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    code = hazard.code;
    await page.screenshot({ path: path.join(shots, 'hazard-reported.png') });
    await signOut();
  });

  test('a regulator confirms it as MAJOR, citing a criterion of the hazchem standard', async () => {
    await signIn('emb.staff.demo');
    await page.goto(`${portalUrl}/hazard/hazards?hazard=${hazardId}`);
    await drawer().getByText(code).first().waitFor({ timeout: 20_000 });
    await drawer().getByRole('button', { name: '确认隐患' }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`确认隐患 · ${code}`) });
    await dialog.getByText('重大隐患', { exact: true }).click();
    await dialog.getByLabel('整改期限').click();
    await dialog.getByLabel('整改期限').fill(deadlineInAMonth());
    await dialog.getByLabel('整改期限').press('Enter');
    await dialog.getByLabel('判定依据').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '依据判定标准条款' }).click();
    await dialog.getByLabel('判定标准条款').fill('SAWS-121-2017-CHEM:12');
    await page.screenshot({ path: path.join(shots, 'hazard-confirm-major.png') });
    await dialog
      .getByRole('button', { name: '确 定' })
      .or(dialog.getByRole('button', { name: '确定' }))
      .click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    await drawer().getByText('已确认').first().waitFor({ timeout: 15_000 });
    await drawer().getByText('重大隐患').first().waitFor();
    await page.screenshot({ path: path.join(shots, 'hazard-confirmed-major.png') });

    // 导出台账: the regulator's ledger of the list's filters as an .xlsx workbook (a zip).
    await page.keyboard.press('Escape');
    await drawer().waitFor({ state: 'hidden' });
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      page.getByRole('button', { name: /导出台账/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^隐患台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const saved = await download.path();
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(saved);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(5_000);
    await signOut();
  });

  test('the SAC office proposes a county listing and the county leader issues the notice', async () => {
    await signIn('saco.demo');
    await page.goto(`${portalUrl}/hazard/hazards?hazard=${hazardId}`);
    await drawer().getByText(code).first().waitFor({ timeout: 20_000 });
    await drawer().getByRole('button', { name: '提请挂牌督办' }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`提请挂牌督办 · ${code}`) });
    await dialog.getByText('县安委会', { exact: true }).waitFor();
    await dialog
      .getByLabel('督办要求')
      .fill('立即停用甲醇罐区动火作业，30日内完成可燃气体报警联锁整改并申请验收。');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    await signOut();

    await signIn('county.leader.demo');
    await page.goto(`${portalUrl}/hazard/listings?status=PROPOSED`);
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '红沙岗煤化工' }).first();
    await row.waitFor({ timeout: 20_000 });
    await row.getByRole('button', { name: '签发挂牌' }).click();
    await row.getByText('已挂牌').waitFor({ timeout: 15_000 });
    await expect(row.textContent()).resolves.toMatch(/DB-\d{4}-\d{3}/);
    await page.screenshot({ path: path.join(shots, 'hazard-listing-issued.png'), fullPage: true });
    await signOut();
  });

  test('the county four-colour risk map: towns by their highest level, enterprises red first', async () => {
    await signIn('saco.demo');
    const api = await apiAs(portalUrl, 'saco.demo');
    const { riskMap } = await api('{ riskMap { enterprises { riskLevel enterprise { name } } } }');
    const major = riskMap.enterprises.filter((e: { riskLevel: string | null }) => e.riskLevel === 'MAJOR');
    expect(major.length).toBeGreaterThan(0);
    await page.goto(`${portalUrl}/hazard/risk-map`);
    const table = page.getByTestId('risk-map-enterprises');
    await table.locator('tr.ant-table-row').first().waitFor({ timeout: 20_000 });
    await page.getByRole('img', { name: /各镇分布示意图：企业最高风险等级/ }).waitFor();
    // Red first: the first rows are the MAJOR enterprises, in the national red tag.
    const firstRows = await table.locator('tr.ant-table-row').allTextContents();
    for (const row of firstRows.slice(0, Math.min(major.length, 15))) expect(row).toContain('重大风险');
    await page.screenshot({ path: path.join(shots, 'hazard-risk-map.png'), fullPage: true });
    await signOut();
  });

  test('a coal mine assesses a risk point with the LEC calculator (D = 6 × 6 × 7 = 252, 2级, 较大风险)', async () => {
    // Coal mines assess by LEC; the hazchem plants' profile is the matrix (the service refuses the other method).
    await signIn('ent.coal1.principal.demo');
    await page.goto(`${portalUrl}/hazard/risk-points`);
    const first = page.locator('.ant-table-tbody tr.ant-table-row').first();
    await first.waitFor({ timeout: 20_000 });
    await first.getByRole('button', { name: '风险评估' }).click();
    const dialog = page.getByRole('dialog');
    const pick = async (label: string, option: string) => {
      await dialog.getByLabel(label).click();
      await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
    };
    await pick('L 事故发生的可能性', '6 · 相当可能');
    await pick('E 暴露于危险环境的频繁程度', '6 · 每天工作时间内暴露');
    await pick('C 发生事故产生的后果', '7 · 严重，重伤');
    await dialog.getByRole('button', { name: '计算并保存' }).click();
    const result = dialog.getByTestId('assessment-result');
    await result.waitFor({ timeout: 15_000 });
    await expect(result.textContent()).resolves.toContain('D = 252');
    await expect(result.textContent()).resolves.toContain('2级');
    await expect(result.textContent()).resolves.toContain('较大风险');
    await page.screenshot({ path: path.join(shots, 'hazard-risk-assessment.png') });
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await signOut();
  });

  test("the permit gate live: training's reasons for the three blocked hot-work drafts (P-1)", async () => {
    await signIn('ent.chem1.manager.demo');
    await page.goto(`${portalUrl}/hazard/permits?status=DRAFT`);
    const refused = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '未通过' });
    await refused.first().waitFor({ timeout: 20_000 });
    expect(await refused.count()).toBe(3);
    const reasons: string[] = [];
    for (let i = 0; i < 3; i++) {
      await refused.nth(i).getByRole('button', { name: '资格校验' }).click();
      const gate = page.getByTestId('permit-gate');
      await gate.waitFor({ timeout: 20_000 });
      await gate.getByText('资格核验未通过，不能审批').waitFor();
      reasons.push((await gate.textContent()) ?? '');
      if (i === 0) await page.screenshot({ path: path.join(shots, 'hazard-permit-gate.png') });
      await page.keyboard.press('Escape');
      await gate.waitFor({ state: 'detached' });
    }
    const all = reasons.join('\n');
    expect(all).toContain('证书逾期未复审');
    expect(all).toContain('证书类别不符');
    expect(all).toContain('离开特种作业岗位6个月以上');
    await signOut();
  });

  test('the enterprise sees it graded MAJOR, listed, with its deadline and the history', async () => {
    await signIn('ent.chem1.manager.demo');
    await page.goto(`${portalUrl}/hazard/hazards?hazard=${hazardId}`);
    await drawer().getByText('重大隐患').first().waitFor({ timeout: 20_000 });
    await expect(drawer().textContent()).resolves.toContain(deadlineInAMonth());
    // The listing the county issued: its notice number, status and deadline.
    const listing = drawer().getByTestId('hazard-listing');
    await listing.getByText('已挂牌').waitFor({ timeout: 15_000 });
    await expect(listing.textContent()).resolves.toMatch(/DB-\d{4}-\d{3}/);
    await expect(listing.textContent()).resolves.toContain(deadlineInAMonth());
    await expect(listing.textContent()).resolves.toContain('县安委会');
    // The status history: reported by the manager, confirmed by the regulator.
    await expect(drawer().textContent()).resolves.toContain('ent.chem1.manager.demo');
    await expect(drawer().textContent()).resolves.toContain('emb.staff.demo');
    await page.screenshot({ path: path.join(shots, 'hazard-enterprise-sees-listing.png') });
    await signOut();
    expect(failures).toEqual([]);
  });
});
