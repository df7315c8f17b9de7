import { createDataSource, type Database, openDatabase } from '@safety/subgraph-kit';
import { freshTestDatabase } from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hazards1764400000000 } from '../src/migrations/1764400000000-hazards.js';
import { migrations } from '../src/migrations/index.js';

const ENTERPRISE = '11111111-1111-4111-8111-111111111111';
const ACCEPTED_THEN_CLOSED = '22222222-2222-4222-8222-222222222222';
const SEEDED_CLOSED = '33333333-3333-4333-8333-333333333333';
const RECTIFYING = '44444444-4444-4444-8444-444444444444';

let database: Database;
let dispose: () => Promise<void>;
beforeAll(async () => {
  const fresh = await freshTestDatabase('hazard-migration');
  dispose = fresh.dispose;
  const { databaseUrl, dataDir } = fresh.overrides;
  database = await openDatabase({ name: 'hazard', databaseUrl, dataDir: dataDir ?? '' });
});
afterAll(async () => {
  await database?.close();
  await dispose?.();
});

describe('migration to the full lifecycle', () => {
  it('keeps existing rows meaningful: acceptance before closing, tiers, places and a rebuilt history', async () => {
    const old = createDataSource({
      name: 'hazard',
      url: database.url,
      entities: [],
      migrations: [Hazards1764400000000],
    });
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    await old.query(
      `INSERT INTO enterprise_ref (id, name, township_code, industry_code, regulator_org_ids, operating_status)
       VALUES ($1, '测试企业', '620621106', 'HAZCHEM_PRODUCTION', '{}', 'OPERATING')`,
      [ENTERPRISE],
    );
    const row = (id: string, code: string, source: string, status: string, closed: string | null) =>
      old.query(
        `INSERT INTO hazard (id, code, enterprise_id, title, description, grade, source, status, found_at, deadline, closed_at)
         VALUES ($1, $2, $3, '旧隐患', '旧隐患描述', 'GENERAL', $4, $5, '2025-05-01T10:00:00+08:00', '2025-05-20', $6)`,
        [id, code, ENTERPRISE, source, status, closed],
      );
    await row(
      ACCEPTED_THEN_CLOSED,
      'HZ-2025-000001',
      'ENTERPRISE_SELF_CHECK',
      'CLOSED',
      '2025-05-10T10:00:00+08:00',
    );
    await row(SEEDED_CLOSED, 'HZ-2025-000002', 'GOV_INSPECTION', 'CLOSED', '2025-05-11T10:00:00+08:00');
    await row(RECTIFYING, 'HZ-2025-000003', 'GOV_INSPECTION', 'RECTIFYING', null);
    const audit = (at: string, operation: string, before: string | null, after: string) =>
      old.query(
        `INSERT INTO audit_log (at, actor_id, actor_username, operation, entity, entity_id, before, after)
         VALUES ($1, 'actor', 'manager.demo', $2, 'Hazard', $3, $4, $5)`,
        [
          at,
          operation,
          ACCEPTED_THEN_CLOSED,
          before === null ? null : JSON.stringify({ status: before }),
          JSON.stringify({ status: after }),
        ],
      );
    await audit('2025-05-01T10:00:00+08:00', 'reportHazard', null, 'REPORTED');
    await audit('2025-05-02T10:00:00+08:00', 'transitionHazard', 'REPORTED', 'CONFIRMED');
    await audit('2025-05-03T10:00:00+08:00', 'transitionHazard', 'CONFIRMED', 'RECTIFYING');
    await audit('2025-05-09T10:00:00+08:00', 'transitionHazard', 'RECTIFYING', 'PENDING_ACCEPTANCE');
    await audit('2025-05-10T10:00:00+08:00', 'transitionHazard', 'PENDING_ACCEPTANCE', 'CLOSED');
    await old.destroy();

    const next = createDataSource({ name: 'hazard', url: database.url, entities: [], migrations });
    await next.initialize();
    expect((await next.runMigrations({ transaction: 'each' })).map((m) => m.name)).toEqual([
      'HazardLifecycle1764410000000',
    ]);
    const hazards = await next.query(
      `SELECT id, acceptance_tier, township_code, industry_code, accepted_at = closed_at AS accepted_when_closed,
         confirmed_at IS NOT NULL AS confirmed FROM hazard ORDER BY code`,
    );
    expect(hazards).toEqual([
      expect.objectContaining({
        acceptance_tier: 'SELF',
        township_code: '620621106',
        accepted_when_closed: true,
        confirmed: true,
      }),
      expect.objectContaining({
        acceptance_tier: 'REGULATOR',
        industry_code: 'HAZCHEM_PRODUCTION',
        accepted_when_closed: true,
        confirmed: false,
      }),
      expect.objectContaining({ acceptance_tier: 'REGULATOR', accepted_when_closed: null }),
    ]);
    const history = async (id: string) =>
      (
        await next.query(
          `SELECT from_status, to_status, actor_username FROM hazard_status_change WHERE hazard_id = $1 ORDER BY at, seq`,
          [id],
        )
      ).map(
        (h: any) =>
          `${h.from_status ?? '∅'}→${h.to_status}${h.actor_username ? ` (${h.actor_username})` : ''}`,
      );
    expect(await history(ACCEPTED_THEN_CLOSED)).toEqual([
      '∅→REPORTED (manager.demo)',
      'REPORTED→CONFIRMED (manager.demo)',
      'CONFIRMED→RECTIFYING (manager.demo)',
      'RECTIFYING→PENDING_ACCEPTANCE (manager.demo)',
      'PENDING_ACCEPTANCE→ACCEPTED (manager.demo)',
      'ACCEPTED→CLOSED',
    ]);
    expect(await history(SEEDED_CLOSED)).toEqual(['∅→REPORTED', 'REPORTED→ACCEPTED', 'ACCEPTED→CLOSED']);
    expect(await history(RECTIFYING)).toEqual(['∅→REPORTED', 'REPORTED→RECTIFYING']);

    // The new constraints hold for what was migrated, and refuse what the model forbids.
    await expect(
      next.query(`UPDATE hazard SET status = 'ACCEPTED', accepted_at = NULL WHERE id = $1`, [RECTIFYING]),
    ).rejects.toThrow(/hazard_accepted_when/);
    await next.destroy();
  });
});
