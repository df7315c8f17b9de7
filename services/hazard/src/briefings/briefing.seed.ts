import { COUNTY_ORG_UNITS, createRandom, demoId, orgId } from '@safety/reference';
import type { SeedContext } from '@safety/subgraph-kit';
import { addDays, insertInBatches, localDate } from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { RiskBriefing } from './briefing.entity.js';
import { BriefingLevel, BriefingRiskLevel, BriefingStatus, RiskItemFollowUp } from './briefing.enums.js';
import { buildDigest, type DigestHazardFacts } from './briefing.rules.js';

/** History starts with the first full week of 2023 (domain §11.4). */
const FIRST_MONDAY = '2023-01-02';
/** Domain §11.4: three missed SAC-office weeks; each department misses ≈ 5 %. */
const SACO_MISSES = 3;
const DEPT_MISS_RATE = 0.05;
/** Seeded digests name at most this many hazards (stored compactly). */
const SEED_HIGHLIGHTS = 5;

const ITEMS: Array<[string, string, string, string]> = [
  [
    'HAZCHEM',
    '园区危化企业检维修作业集中，动火、受限空间作业风险上升',
    '严格特殊作业票证审批，园区管委会每日抽查',
    'EMB',
  ],
  ['ROAD', '节假日客流增加，"两客一危"车辆疲劳驾驶风险', '加强动态监控，重点路段设卡检查', 'TRAFFIC_POLICE'],
  ['MINE', '煤矿复工复产验收期，顶板和瓦斯风险', '驻矿监管员逐项核查复产条件', 'DRC'],
  ['FIRE', '冬季取暖用火用电增多，人员密集场所火灾风险', '开展消防安全专项检查，畅通疏散通道', 'FIRE_RESCUE'],
  ['CONSTRUCTION', '在建工程高处作业与起重吊装风险', '督促落实危大工程专项方案', 'HOUSING'],
  ['NATURAL_DISASTER', '沙尘暴、大风天气影响户外作业和交通', '及时发布预警，户外高处作业停工', 'EMB'],
  ['CROWD', '景区和集市人员聚集，踩踏风险', '限流预约，安排现场巡查', 'CULTURE_TOURISM'],
];
const NAMES = ['张建国', '李明', '王芳', '赵永强', '刘洋', '陈静', '杨海军', '马晓燕'];

/** Departments that hold their own weekly analysis: county departments with a supervisory role. */
export const WEEKLY_DEPARTMENTS = COUNTY_ORG_UNITS.filter(
  (o) => o.type === 'DEPARTMENT' && o.supervisoryRole !== 'NONE',
);

/**
 * Demo briefings (domain §11.4): the SAC office's weekly briefing for every week since January 2023
 * but three, and each department's weekly analysis with ≈ 5 % missed. A weekly briefing reviews a
 * Monday–Sunday week and is held the Monday after; its digest is computed as of that Monday from the
 * seeded hazards (in memory, one read), naming at most five hazards.
 */
export async function seedBriefings(manager: EntityManager, context: SeedContext): Promise<void> {
  const random = createRandom('briefings');
  const today = localDate(context.today);
  const hazards: Array<DigestHazardFacts & { regulators: string[]; orgUnitId: string | null }> =
    await manager.query(
      `SELECT h.id, h.code, h.title, h.grade, h.status, h.enterprise_id AS "enterpriseId",
              to_char(h.found_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "foundOn",
              to_char(h.deadline, 'YYYY-MM-DD') AS deadline, h.listing_id AS "listingId",
              to_char(COALESCE(h.accepted_at, h.closed_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "settledOn",
              COALESCE(r.regulator_org_ids, '{}') AS regulators, h.org_unit_id AS "orgUnitId"
         FROM hazard h LEFT JOIN enterprise_ref r ON r.id = h.enterprise_id
        WHERE h.status NOT IN ('DRAFT', 'REJECTED')`,
    );
  const weeks: string[] = [];
  for (let monday = FIRST_MONDAY; addDays(monday, 7) <= today; monday = addDays(monday, 7))
    weeks.push(monday);
  const sacoMissed = new Set<number>();
  while (sacoMissed.size < Math.min(SACO_MISSES, weeks.length))
    sacoMissed.add(random.int(0, weeks.length - 1));

  const rows: Partial<RiskBriefing>[] = [];
  const external = { monitoringAlerts: [], accidents: [], warnings: [], classDEnterpriseIds: [] };
  const brief = (level: BriefingLevel, org: string, monday: string, area: typeof hazards, items: number) => {
    const periodTo = addDays(monday, 6);
    const held = addDays(monday, 7);
    const heldAt = new Date(`${held}T09:00:00+08:00`);
    const digest = buildDigest(area, { level, from: monday, to: periodTo }, held, external, SEED_HIGHLIGHTS);
    rows.push({
      id: demoId('risk-briefing', `${level}:${org}:${monday}`),
      level,
      orgId: org,
      townshipCode: null,
      periodFrom: monday,
      periodTo,
      status: BriefingStatus.ISSUED,
      participants: Array.from({ length: random.int(3, 6) }, () => ({
        name: `${random.pick(NAMES)}（演示）`,
        orgId: org,
        position: null,
      })),
      autoDigest: { generatedAt: heldAt.toISOString(), ...digest },
      riskItems: Array.from({ length: items }, (_, index) => {
        const [domain, description, measures, responsible] = random.pick(ITEMS);
        return {
          id: demoId('risk-item', `${level}:${org}:${monday}:${index}`),
          domain,
          description: `${description}（演示）`,
          level: random.pick([BriefingRiskLevel.HIGH, BriefingRiskLevel.MODERATE, BriefingRiskLevel.LOW]),
          measures,
          responsibleOrgId: orgId(responsible),
          due: addDays(held, 7),
          followUp: RiskItemFollowUp.NONE,
          enterpriseIds: [],
          noticeNo: null,
        };
      }),
      outputs: [{ title: `${monday}周风险研判纪要（演示）`, fileId: null }],
      heldAt,
      issuedAt: new Date(`${held}T17:00:00+08:00`),
      createdById: null,
    });
  };

  const sacOffice = orgId('SAC_OFFICE');
  weeks.forEach((monday, index) => {
    if (!sacoMissed.has(index))
      brief(BriefingLevel.SACO_WEEKLY, sacOffice, monday, hazards, random.int(1, 3));
  });
  for (const department of WEEKLY_DEPARTMENTS) {
    const own = hazards.filter((h) => h.regulators.includes(department.id) || h.orgUnitId === department.id);
    for (const monday of weeks)
      if (!random.chance(DEPT_MISS_RATE))
        brief(BriefingLevel.DEPT_WEEKLY, department.id, monday, own, random.int(0, 2));
  }
  await insertInBatches(manager, RiskBriefing, rows, 200);
}
