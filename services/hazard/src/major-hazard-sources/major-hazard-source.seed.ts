import { createRandom, demoEnterprise, demoId } from '@safety/reference';
import { addDays, insertInBatches, localDate, type SeedContext } from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { recomputeEnterpriseRisk, refreshPointLevels } from '../risk/risk.service.js';
import { BaobaoCheck, MajorHazardSource } from './major-hazard-source.entity.js';
import type { BaobaoRole } from './major-hazard-source.enums.js';
import { cadencePeriodOf, type MajorHazardSubstanceInput } from './major-hazard-source.rules.js';
import { assessedUnitFields } from './major-hazard-source.service.js';
import { BAOBAO_CADENCE, BAOBAO_ROLES, type MajorHazardUnitType } from './major-hazard-source.tables.js';

interface DemoUnit {
  key: string;
  enterprise: string;
  unitName: string;
  unitType: MajorHazardUnitType;
  substances: MajorHazardSubstanceInput[];
  residents: number;
  filedAt: string;
  /** Risk points (by base name) that are part of the unit. */
  points: string[];
  persons: [string, string, string];
}

/**
 * Domain §11.3/§11.4 [D]: realistic units of the hazchem demo enterprises and the ammonia cold store.
 * Grades come from the rules: 液氨罐区 R = 1.5 × 2 × 200/10 = 60 (II); 甲醇罐区 1.5 × 5000/500 = 15 (III);
 * 液氯库 1.0 × 4 × 25/5 = 20 (III); the rest IV; the fine-chemicals tank farm is S = 0.9 (not a source).
 */
const UNITS: DemoUnit[] = [
  {
    key: 'chem1-ammonia',
    enterprise: 'chem1',
    unitName: '液氨罐区',
    unitType: 'STORAGE_UNIT',
    substances: [{ name: '液氨', q: '200' }],
    residents: 60,
    filedAt: '2022-05-16',
    points: ['液氨储罐区'],
    persons: ['王建国（演示）', '李明（演示）', '赵强（演示）'],
  },
  {
    key: 'chem1-methanol',
    enterprise: 'chem1',
    unitName: '甲醇罐区',
    unitType: 'STORAGE_UNIT',
    substances: [{ name: '甲醇', q: '5000', hazardClass: 'W5.2' }],
    residents: 60,
    filedAt: '2022-05-16',
    points: ['储罐区'],
    persons: ['王建国（演示）', '李明（演示）', '孙志刚（演示）'],
  },
  {
    key: 'chem1-synthesis',
    enterprise: 'chem1',
    unitName: '甲醇合成装置',
    unitType: 'PRODUCTION_UNIT',
    substances: [
      { name: '甲醇', q: '300', hazardClass: 'W5.2' },
      { name: '氢气', q: '8' },
    ],
    residents: 60,
    filedAt: '2022-05-16',
    points: ['甲醇合成装置'],
    persons: ['王建国（演示）', '周文（演示）', '吴海（演示）'],
  },
  {
    key: 'chem3-chlorine',
    enterprise: 'chem3',
    unitName: '液氯库',
    unitType: 'STORAGE_UNIT',
    substances: [{ name: '液氯', q: '25' }],
    residents: 12,
    filedAt: '2023-03-08',
    points: ['储罐区'],
    persons: ['郑涛（演示）', '冯磊（演示）', '陈刚（演示）'],
  },
  {
    key: 'chem3-hydrogen',
    enterprise: 'chem3',
    unitName: '氢气充装站',
    unitType: 'PRODUCTION_UNIT',
    substances: [{ name: '氢气', q: '12' }],
    residents: 12,
    filedAt: '2023-03-08',
    points: ['压缩机厂房'],
    persons: ['郑涛（演示）', '冯磊（演示）', '褚亮（演示）'],
  },
  {
    key: 'chem2-tanks',
    enterprise: 'chem2',
    unitName: '溶剂罐区',
    unitType: 'STORAGE_UNIT',
    substances: [
      { name: '甲醇', q: '250', hazardClass: 'W5.2' },
      { name: '汽油', q: '80', hazardClass: 'W5.1' },
    ],
    residents: 0,
    filedAt: '2023-09-01',
    points: [],
    persons: ['蒋伟（演示）', '沈洁（演示）', '韩冰（演示）'],
  },
  {
    key: 'gas2-lpg',
    enterprise: 'gas2',
    unitName: 'LPG储罐区',
    unitType: 'STORAGE_UNIT',
    substances: [{ name: '液化石油气', q: '120' }],
    residents: 150,
    filedAt: '2021-11-20',
    points: ['LPG储罐区'],
    persons: ['杨帆（演示）', '朱峰（演示）', '秦勇（演示）'],
  },
  {
    key: 'it2-ammonia',
    enterprise: 'it2',
    unitName: '氨制冷系统',
    unitType: 'PRODUCTION_UNIT',
    substances: [{ name: '液氨', q: '15' }],
    residents: 40,
    filedAt: '2023-06-12',
    points: ['氨制冷机房'],
    persons: ['许亮（演示）', '何平（演示）', '吕军（演示）'],
  },
];

/** Share of cadence periods with a check, per role [D demo]: most are kept, a few are missed. */
const KEPT: Record<BaobaoRole, number> = { PRINCIPAL: 0.85, TECHNICAL_LEAD: 0.9, OPERATIONS_LEAD: 0.94 };

export const majorHazardSourceId = (key: string) => demoId('major-hazard-source', key);

/**
 * Major hazard sources of the hazchem demo enterprises with 包保 persons and a year of checks (some
 * periods missed), linked to their risk points; then point and enterprise levels are re-derived.
 */
export async function seedMajorHazardSources(manager: EntityManager, context: SeedContext): Promise<void> {
  const random = createRandom('major-hazard-sources');
  const today = localDate(context.today);
  const since = addDays(today, -364);
  const sources: Partial<MajorHazardSource>[] = [];
  const checks: Partial<BaobaoCheck>[] = [];
  const links: [string, string, string[]][] = [];
  for (const unit of UNITS) {
    const enterprise = demoEnterprise(unit.enterprise);
    const id = majorHazardSourceId(unit.key);
    const assessed = assessedUnitFields({
      unitName: unit.unitName,
      unitType: unit.unitType,
      betaEdition: 'GB18218_2018',
      substances: unit.substances,
      residentsWithin500m: unit.residents,
    });
    const [principal, technical, operations] = unit.persons;
    sources.push({
      id,
      enterpriseId: enterprise.id,
      unitName: unit.unitName,
      unitType: unit.unitType,
      ...assessed,
      substanceInputs: unit.substances as unknown as Record<string, unknown>[],
      residentsWithin500m: unit.residents,
      filedAt: assessed.isMajorHazardSource ? unit.filedAt : null,
      monitoringLinked: assessed.isMajorHazardSource && unit.key !== 'it2-ammonia',
      principalName: principal,
      principalId: null,
      technicalLeadName: technical,
      technicalLeadId: null,
      operationsLeadName: operations,
      operationsLeadId: null,
      baobaoSince: since,
      version: 1,
    });
    links.push([id, enterprise.id, unit.points]);
    if (!assessed.isMajorHazardSource) continue;
    const persons: Record<BaobaoRole, string> = {
      PRINCIPAL: principal,
      TECHNICAL_LEAD: technical,
      OPERATIONS_LEAD: operations,
    };
    for (const role of BAOBAO_ROLES) {
      let period = cadencePeriodOf(BAOBAO_CADENCE[role], since);
      let n = 0;
      while (period.start <= today) {
        const last = [period.end, today].sort()[0]!;
        const span = Math.round((Date.parse(last) - Date.parse(period.start)) / 86_400_000);
        // The running period is not judged yet; give it a check only sometimes.
        const kept = period.end < today ? random.chance(KEPT[role]) : random.chance(0.5);
        if (kept) {
          const checkedOn = addDays(period.start, random.int(0, Math.max(span, 0)));
          if (checkedOn >= since)
            checks.push({
              id: demoId('baobao-check', `${unit.key}-${role}-${++n}`),
              sourceId: id,
              enterpriseId: enterprise.id,
              role,
              checkedOn,
              personName: persons[role],
              personId: null,
              findings: random.chance(0.2) ? '发现问题已现场整改（演示）' : null,
            });
        }
        period = cadencePeriodOf(period.cadence, addDays(period.end, 1));
      }
    }
  }
  await insertInBatches(manager, MajorHazardSource, sources);
  await insertInBatches(manager, BaobaoCheck, checks);
  for (const [id, enterpriseId, names] of links)
    for (const name of names)
      await manager.query(
        'UPDATE risk_point SET major_hazard_source_id = $1 WHERE enterprise_id = $2 AND name = $3',
        [id, enterpriseId, name],
      );
  // A grade I/II unit lifts its points to at least HIGH (domain §5.2 c); no events for demo data.
  await refreshPointLevels(manager);
  await recomputeEnterpriseRisk(manager, async () => {}, context.today);
}
