import { createRandom, demoId, HOLIDAY_NOTICES, KeyPeriodKind, orgId } from '@safety/reference';
import type { SeedContext } from '@safety/subgraph-kit';
import { addDays, localDate, raiseSequences } from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { HazardSource } from '../hazards/hazard.enums.js';
import { CampaignProgressSnapshot, SpecialCampaign } from './campaign.entity.js';
import { CampaignKind, CampaignStatus } from './campaign.enums.js';
import { targetIndustries, weekStart } from './campaign.rules.js';
import { campaignMetrics, freezeTargets } from './campaign.service.js';
import { snapshotId } from './campaign.sweeps.js';

/** A campaign is summarised for up to 30 days after its period [D], then closed. */
const SUMMARY_DAYS = 30;

interface Plan {
  key: string;
  title: string;
  domain: string;
  subFocus: string[];
  lead: string;
  support: string[];
  from: string;
  to: string;
  industries: string[];
  checklist: string[];
  goals: string;
}

function statusOn(today: string, from: string, to: string): CampaignStatus {
  if (today < from) return CampaignStatus.PLANNED;
  if (today <= to) return CampaignStatus.ACTIVE;
  if (today <= addDays(to, SUMMARY_DAYS)) return CampaignStatus.SUMMARISING;
  return CampaignStatus.CLOSED;
}

/** The campaigns of domain §11.4, relative to the demo's today where they recur. */
export function campaignPlans(today: string): Plan[] {
  const roads = (year: number): Plan => ({
    key: `road-${year}`,
    title: `${year}年道路运输"两客一危"专项整治（演示）`,
    domain: 'ROAD',
    subFocus: ['两客一危', '一货一面一校', '超限超载和非法改装', '非法载客'],
    lead: 'TRANSPORT',
    support: ['TRAFFIC_POLICE', 'EMB'],
    from: `${year}-03-01`,
    to: `${year}-11-30`,
    industries: ['ROAD_TRANSPORT', 'LOGISTICS'],
    checklist: [
      '动态监控系统运行及处置记录',
      '驾驶员从业资格与安全教育',
      '车辆技术状况和定期检验',
      '危险货物运输电子运单',
    ],
    goals: '"两客一危"企业全覆盖检查，动态监控违法行为闭环处置率100%',
  });
  // The latest Spring Festival whose pre-festival campaign (45 days before) has started.
  const festivals = HOLIDAY_NOTICES.flatMap((n) => n.holidays)
    .filter((h) => h.kind === KeyPeriodKind.SPRING_FESTIVAL)
    .sort((a, b) => a.from.localeCompare(b.from));
  const festival = [...festivals].reverse().find((h) => addDays(h.from, -45) <= today) ?? festivals[0]!;
  const summerYear = Number(today.slice(0, 4)) - (today.slice(5) < '06-01' ? 1 : 0);
  return [
    roads(2023),
    roads(2024),
    {
      key: `fireworks-${festival.from.slice(0, 4)}`,
      title: `${festival.from.slice(0, 4)}年春节前烟花爆竹安全专项整治（演示）`,
      domain: 'HAZCHEM',
      subFocus: ['烟花爆竹', '非法生产经营储存', '超量储存'],
      lead: 'EMB',
      support: ['PSB', 'SAMR', 'FIRE_RESCUE'],
      from: addDays(festival.from, -45),
      to: addDays(festival.to, 15),
      industries: ['FIREWORKS'],
      checklist: ['批发仓库核定药量与实际储存量', '零售点"三证"与限量存放', '防雷防静电设施检测'],
      goals: '批发、零售经营单位全覆盖检查，打击非法储存运输',
    },
    {
      key: `hot-work-${summerYear}`,
      title: `${summerYear}年夏季动火作业安全专项整治（演示）`,
      domain: 'CROSS_CUTTING',
      subFocus: ['动火作业', '有限空间作业', '特殊作业票证管理'],
      lead: 'EMB',
      support: ['HOUSING', 'FIRE_RESCUE', 'MIIT'],
      from: `${summerYear}-06-01`,
      to: `${summerYear}-08-31`,
      industries: [
        'HAZCHEM_PRODUCTION',
        'HAZCHEM_STORAGE_TRADE',
        'METALLURGY',
        'INDUSTRY_TRADE',
        'CONSTRUCTION',
      ],
      checklist: ['动火作业票审批与气体检测', '焊工特种作业操作证', '作业现场监护与消防器材'],
      goals: '高温季节动火作业"票证+监护+检测"全落实，杜绝无票作业',
    },
    {
      key: 'major-hazard-2023',
      title: '2023年重大事故隐患专项排查整治行动（演示）',
      domain: 'CROSS_CUTTING',
      subFocus: ['重大事故隐患判定标准', '企业主要负责人带队自查', '部门精准执法'],
      lead: 'SAC_OFFICE',
      support: ['EMB', 'HOUSING', 'TRANSPORT', 'FIRE_RESCUE', 'SAMR', 'DRC'],
      from: '2023-05-01',
      to: '2023-12-31',
      industries: [
        'COAL_MINE',
        'NON_COAL_MINE',
        'HAZCHEM_PRODUCTION',
        'HAZCHEM_STORAGE_TRADE',
        'FUEL_STATION',
        'FIREWORKS',
        'METALLURGY',
        'INDUSTRY_TRADE',
        'URBAN_GAS',
        'CROWDED_PLACE',
      ],
      checklist: ['对照判定标准逐条自查', '重大事故隐患清单和整改方案', '主要负责人带队检查记录'],
      goals: '重大事故隐患动态清零，企业主要负责人带队自查全覆盖',
    },
  ];
}

/**
 * Demo campaigns (domain §11.4): the five campaigns with frozen targets, checks of most targets,
 * the seeded SPECIAL_CAMPAIGN hazards linked by period and industry, and weekly snapshots "as at"
 * each Monday of their active weeks. Runs once, after the main seed.
 */
export async function seedCampaigns(manager: EntityManager, context: SeedContext): Promise<void> {
  const random = createRandom('campaigns');
  const today = localDate(context.today);
  const sequences = new Map<number, number>();
  for (const plan of campaignPlans(today)) {
    const year = Number(plan.from.slice(0, 4));
    const sequence = (sequences.get(year) ?? 0) + 1;
    sequences.set(year, sequence);
    const code = `ZX-${year}-${String(sequence).padStart(3, '0')}`;
    const status = statusOn(today, plan.from, plan.to);
    const activatedAt = new Date(`${plan.from}T08:30:00+08:00`);
    const campaign = manager.create(SpecialCampaign, {
      id: demoId('campaign', code),
      code,
      title: plan.title,
      kind: CampaignKind.REGULAR,
      domain: plan.domain,
      subFocus: plan.subFocus,
      leadOrgId: orgId(plan.lead),
      supportOrgIds: plan.support.map(orgId),
      periodFrom: plan.from,
      periodTo: plan.to,
      targetIndustryCodes: plan.industries,
      targetTownshipCodes: [],
      targetCriterionIds: [],
      checklistTemplateId: null,
      checklist: plan.checklist.map((item) => ({ item, basis: null })),
      goals: plan.goals,
      status,
      originHazardId: null,
      originAccidentRef: null,
      summary: status === CampaignStatus.CLOSED ? `${plan.title}已完成，形成总结报告（演示）` : null,
      activatedAt: status === CampaignStatus.PLANNED ? null : activatedAt,
      closedAt: status === CampaignStatus.CLOSED ? new Date(`${addDays(plan.to, 20)}T17:00:00+08:00`) : null,
    });
    await manager.createQueryBuilder().insert().into(SpecialCampaign).values(campaign).execute();
    await freezeTargets(manager, campaign);
    if (status === CampaignStatus.PLANNED) continue;

    // Checks of the targets: most of them by the end, fewer while the campaign still runs.
    const lastDay = [today, plan.to].sort()[0]!;
    const span = Math.max(1, (Date.parse(lastDay) - Date.parse(plan.from)) / 86_400_000);
    const targets: Array<{ id: string }> = await manager.query(
      'SELECT id FROM campaign_target WHERE campaign_id = $1 ORDER BY id',
      [campaign.id],
    );
    for (const target of targets) {
      if (!random.chance(status === CampaignStatus.ACTIVE ? 0.45 : 0.9)) continue;
      const day = addDays(plan.from, random.int(0, Math.floor(span)));
      await manager.query(
        `UPDATE campaign_target SET checked_at = $2, checked_by_id = $3, check_note = $4 WHERE id = $1`,
        [
          target.id,
          new Date(`${day}T10:00:00+08:00`),
          demoId('account', 'emb.enforcer1.demo'),
          '按清单检查（演示）',
        ],
      );
    }

    // The seeded SPECIAL_CAMPAIGN hazards found in the period in a targeted industry belong to it.
    await manager.query(
      `UPDATE hazard SET source_ref = $1
        WHERE source = $2 AND source_ref IS NULL AND industry_code = ANY($3)
          AND found_at >= (CAST($4 AS date) - interval '8 hours') AND found_at < (CAST($5 AS date) + interval '16 hours')`,
      [campaign.id, HazardSource.SPECIAL_CAMPAIGN, targetIndustries(campaign), plan.from, plan.to],
    );

    // Weekly snapshots as the job would have taken them (Monday 01:00), "as at" that moment.
    const snapshots: CampaignProgressSnapshot[] = [];
    for (let week = weekStart(addDays(plan.from, 6)); week <= lastDay; week = addDays(week, 7)) {
      const at = new Date(`${week}T01:00:00+08:00`);
      if (at.getTime() > context.today.getTime()) break;
      const [metrics] = await campaignMetrics(manager, [campaign.id], 'COUNTY', at);
      snapshots.push(
        manager.create(CampaignProgressSnapshot, {
          id: snapshotId(campaign.id, week),
          campaignId: campaign.id,
          weekStart: week,
          takenAt: at,
          metrics: metrics!,
        }),
      );
    }
    if (snapshots.length)
      await manager.createQueryBuilder().insert().into(CampaignProgressSnapshot).values(snapshots).execute();
  }
  await raiseSequences(manager, 'ZX', sequences);
}
