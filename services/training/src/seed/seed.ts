import {
  createRandom,
  DEMO_ENTERPRISES,
  type DemoEnterprise,
  demoId,
  demoPersonName,
  industry,
} from '@safety/reference';
import type { SeedContext } from '@safety/subgraph-kit';
import { addDays, addYears, insertInBatches, localDate } from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { Certificate } from '../certificates/certificate.entity.js';
import { CertificateCategory } from '../certificates/certificate.enums.js';
import {
  certificateDates,
  idCheckCharacter,
  REVIEW_INTERVAL_YEARS,
} from '../certificates/certificate.rules.js';
import { Employment } from '../persons/employment.entity.js';
import { Person } from '../persons/person.entity.js';
import { ThreeLevelEducation } from '../three-level/three-level.entity.js';
import { PERMIT_DEMO_ENTERPRISE_KEY, PERMIT_DEMO_PEOPLE, REVIEW_OVERDUE_DAYS } from './permit-demo.js';
import { demoWorkforce } from './workforce.js';

/** Domain §11.5: 420 special-operation certificates, 8% in the review window, 2% review overdue. */
const SPECIAL_OPERATION_MIX = {
  REVIEW_WINDOW: 34,
  REVIEW_OVERDUE: 8,
  EXPIRED: 5,
  REVOKED: 2,
  VALID: 371,
} as const;
type Slot = keyof typeof SPECIAL_OPERATION_MIX;
const SPECIAL_EQUIPMENT_TOTAL = 30;

/** Operation categories by industry, repeated where more common. */
const OPERATIONS: Record<string, string[]> = {
  COAL_MINE: ['煤矿安全作业', '煤矿安全作业', '电工作业', '焊接与热切割作业'],
  NON_COAL_MINE: ['金属非金属矿山安全作业', '电工作业'],
  HAZCHEM_PRODUCTION: [
    '危险化学品安全作业',
    '危险化学品安全作业',
    '电工作业',
    '焊接与热切割作业',
    '有限空间作业',
  ],
  FIREWORKS: ['烟花爆竹安全作业'],
  URBAN_GAS: ['危险化学品安全作业', '电工作业'],
  CONSTRUCTION: ['高处作业', '焊接与热切割作业', '电工作业'],
  NEW_ENERGY: ['电工作业', '高处作业'],
  INDUSTRY_TRADE: ['电工作业', '焊接与热切割作业', '制冷与空调作业', '有限空间作业'],
};
const INDUSTRY_WEIGHT: Record<string, number> = {
  COAL_MINE: 8,
  HAZCHEM_PRODUCTION: 5,
  NON_COAL_MINE: 4,
  CONSTRUCTION: 4,
  INDUSTRY_TRADE: 2,
  URBAN_GAS: 2,
  NEW_ENERGY: 2,
};
const EQUIPMENT_ITEMS = [
  'N1 叉车司机',
  'Q2 起重机司机',
  'G1 工业锅炉司炉',
  'R1 快开门式压力容器操作',
  'A 特种设备安全管理',
];
const EQUIPMENT_INDUSTRIES = [
  'INDUSTRY_TRADE',
  'LOGISTICS',
  'CONSTRUCTION',
  'CROWDED_PLACE',
  'HAZCHEM_PRODUCTION',
];

type Row = Omit<Certificate, 'version' | 'createdAt' | 'updatedAt'>;

/** Operation items per special-operation category (domain §7.5 `subType`) [K], the first the most common. */
const SUB_TYPES: Record<string, string[]> = {
  电工作业: ['低压电工作业', '低压电工作业', '高压电工作业'],
  焊接与热切割作业: ['熔化焊接与热切割作业', '熔化焊接与热切割作业', '压力焊作业', '钎焊作业'],
  高处作业: ['登高架设作业', '高处安装、维护、拆除作业'],
  制冷与空调作业: ['制冷与空调设备运行操作作业', '制冷与空调设备安装修理作业'],
  煤矿安全作业: ['煤矿井下电气作业', '煤矿瓦斯检查作业', '煤矿安全监测监控作业', '煤矿井下爆破作业'],
  金属非金属矿山安全作业: ['金属非金属矿山井下电气作业', '金属非金属矿山排水作业', '金属非金属矿山支柱作业'],
  危险化学品安全作业: ['化工自动化控制仪表作业', '氧化工艺作业', '加氢工艺作业'],
  烟花爆竹安全作业: ['烟火药制造作业', '烟花爆竹储存作业'],
};

/** The holder of a generated certificate: one person per certificate (the demo's holders are distinct). */
export function holderKey(number: string): string {
  return `holder:${number}`;
}

type Designation = keyof typeof PERMIT_DEMO_PEOPLE;

/**
 * Demo certificates relative to the demo's today (domain §11.5), deterministic: 420 special-operation
 * certificates with the review mix, a principal's and a safety manager's certificate for every
 * enterprise with the Art. 27 duty, and 30 special-equipment operators. Ids derive from the numbers.
 */
export function demoCertificates(demoToday: Date): Row[] {
  const random = createRandom('certificates');
  const today = localDate(demoToday);
  const sequences = new Map<string, number>();
  const numberOf = (prefix: string, issuedAt: string) => {
    const key = `${prefix}${issuedAt.slice(0, 4)}`;
    const next = (sequences.get(key) ?? 0) + 1;
    sequences.set(key, next);
    return `${prefix}6206${issuedAt.slice(0, 4)}${String(next).padStart(5, '0')}`;
  };
  const holder = () => ({
    holderName: demoPersonName(random),
    // Only the masked form exists in the demo, too: no full number is ever generated.
    idNumberMasked: `6206**********${random.int(100, 999)}${idCheckCharacter(String(random.int(0, 10 ** 9)).padStart(17, '0'))}`,
  });
  const rows: Row[] = [];
  const add = (
    enterprise: DemoEnterprise,
    category: CertificateCategory,
    operationType: string | null,
    issuer: string,
    prefix: string,
    dates: { issuedAt: string; validTo?: string; nextReviewDue?: string | null },
    revoked = false,
  ) => {
    const computed = certificateDates(category, dates.issuedAt);
    const number = numberOf(prefix, dates.issuedAt);
    rows.push({
      id: demoId('certificate', number),
      personId: demoId('person', holderKey(number)),
      enterpriseId: enterprise.id,
      ...holder(),
      category,
      operationType,
      subType: null,
      number,
      issuer,
      issuedAt: dates.issuedAt,
      validTo: dates.validTo ?? computed.validTo,
      nextReviewDue: dates.nextReviewDue === undefined ? computed.nextReviewDue : dates.nextReviewDue,
      revokedAt: revoked ? new Date(`${addDays(today, -random.int(10, 300))}T10:00:00+08:00`) : null,
      revocationReason: revoked ? '两次以上违章作业，发证机关撤销（演示）' : null,
    });
  };

  // Special operations: the exact mix, shuffled; every enterprise holds at least one.
  const slots = (Object.keys(SPECIAL_OPERATION_MIX) as Slot[]).flatMap((slot) =>
    Array<Slot>(SPECIAL_OPERATION_MIX[slot]).fill(slot),
  );
  for (let i = slots.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [slots[i], slots[j]] = [slots[j]!, slots[i]!];
  }
  const weights = DEMO_ENTERPRISES.flatMap((e) =>
    Array<DemoEnterprise>(INDUSTRY_WEIGHT[e.industryCode] ?? 1).fill(e),
  );
  slots.forEach((slot, index) => {
    const enterprise = index < DEMO_ENTERPRISES.length ? DEMO_ENTERPRISES[index]! : random.pick(weights);
    const operation = random.pick(OPERATIONS[enterprise.industryCode] ?? ['电工作业']);
    const issue = (dates: Parameters<typeof add>[5], revoked = false) =>
      add(
        enterprise,
        CertificateCategory.SPECIAL_OPERATION,
        operation,
        '武威市应急管理局（演示）',
        'T',
        dates,
        revoked,
      );
    switch (slot) {
      case 'REVIEW_WINDOW': {
        const due = addDays(today, random.int(0, 60));
        issue({ issuedAt: addYears(due, -3), nextReviewDue: due });
        break;
      }
      case 'REVIEW_OVERDUE': {
        const due = addDays(today, -random.int(1, 200));
        issue({ issuedAt: addYears(due, -3), nextReviewDue: due });
        break;
      }
      case 'EXPIRED': {
        const validTo = addDays(today, -random.int(1, 400));
        issue({ issuedAt: addYears(validTo, -6), validTo, nextReviewDue: validTo });
        break;
      }
      case 'REVOKED':
      case 'VALID':
        // Either before the first review, or past it with the next one at expiry; due well after the window.
        // Revoked ones are old enough to have been revoked within the last 300 days.
        if (slot === 'VALID' && random.chance(0.7)) issue({ issuedAt: addDays(today, -random.int(1, 1000)) });
        else {
          const issuedAt = addDays(today, -random.int(1100, 2080));
          issue({ issuedAt, nextReviewDue: addYears(issuedAt, 6) }, slot === 'REVOKED');
        }
        break;
    }
  });

  // The permit demo's people (permit-demo.ts): designated slots past the one-per-enterprise ones,
  // moved to chem1 with fixed names and dates; the status mix stays exactly as above.
  const designations: Array<[Designation, Slot]> = [
    ['reviewOverdue', 'REVIEW_OVERDUE'],
    ['wrongCategory', 'VALID'],
    ['offPost', 'VALID'],
    ['welder1', 'VALID'],
    ['welder2', 'VALID'],
    ['electrician', 'VALID'],
  ];
  const taken = new Set<number>();
  const chem1 = DEMO_ENTERPRISES.find((e) => e.key === PERMIT_DEMO_ENTERPRISE_KEY)!;
  for (const [name, slot] of designations) {
    const index = slots.findIndex((s, i) => s === slot && i >= DEMO_ENTERPRISES.length && !taken.has(i));
    taken.add(index);
    const person = PERMIT_DEMO_PEOPLE[name];
    const row = rows[index]!;
    const issuedAt =
      slot === 'REVIEW_OVERDUE'
        ? addYears(addDays(today, -REVIEW_OVERDUE_DAYS), -REVIEW_INTERVAL_YEARS)
        : addDays(today, -800 + taken.size);
    const dates = certificateDates(CertificateCategory.SPECIAL_OPERATION, issuedAt);
    rows[index] = {
      ...row,
      personId: demoId('person', person.key),
      enterpriseId: chem1.id,
      holderName: person.nameZh,
      operationType: person.operationType,
      subType: person.subType,
      issuedAt,
      ...dates,
    };
  }
  // Operation items, from their own stream so the rows above do not shift.
  const items = createRandom('certificate-sub-types');
  for (const row of rows) {
    if (row.subType === null && row.operationType && SUB_TYPES[row.operationType])
      row.subType = items.pick(SUB_TYPES[row.operationType]!);
  }

  // Principals and safety managers of Art. 27 enterprises (安全生产法 第27条): one expired, three expiring.
  const duty = DEMO_ENTERPRISES.filter((e) => industry(e.industryCode).certificateDuty);
  duty.forEach((enterprise, index) => {
    const issuer =
      enterprise.industryCode === 'CONSTRUCTION'
        ? '民勤县住房和城乡建设局（演示）'
        : '民勤县应急管理局（演示）';
    for (const category of [CertificateCategory.PRINCIPAL, CertificateCategory.SAFETY_MANAGER]) {
      const n = index * 2 + (category === CertificateCategory.PRINCIPAL ? 0 : 1);
      const validTo =
        n === 0
          ? addDays(today, -random.int(1, 200))
          : n <= 3
            ? addDays(today, random.int(1, 60))
            : undefined;
      const issuedAt = validTo ? addYears(validTo, -3) : addDays(today, -random.int(1, 1000));
      add(enterprise, category, null, issuer, 'AQ', { issuedAt, validTo });
    }
  });

  // Special-equipment operators (市场监管), one expired.
  const users = DEMO_ENTERPRISES.filter((e) => EQUIPMENT_INDUSTRIES.includes(e.industryCode));
  for (let n = 0; n < SPECIAL_EQUIPMENT_TOTAL; n++) {
    const validTo = n === 0 ? addDays(today, -random.int(1, 200)) : undefined;
    const issuedAt = validTo ? addYears(validTo, -4) : addDays(today, -random.int(1, 1300));
    add(
      users[n % users.length]!,
      CertificateCategory.SPECIAL_EQUIPMENT,
      random.pick(EQUIPMENT_ITEMS),
      '武威市市场监督管理局（演示）',
      'TS',
      { issuedAt, validTo },
    );
  }

  return rows;
}

export async function seed(manager: EntityManager, context: SeedContext): Promise<void> {
  const certificates = demoCertificates(context.today);
  const workforce = demoWorkforce(context.today, certificates);
  await insertInBatches(manager, Person, workforce.persons);
  await insertInBatches(manager, Certificate, certificates);
  await insertInBatches(manager, Employment, workforce.employments);
  await insertInBatches(manager, ThreeLevelEducation, workforce.education);
}
