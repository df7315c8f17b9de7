import {
  createRandom,
  DEMO_ENTERPRISES,
  type DemoEnterprise,
  demoId,
  demoPersonName,
} from '@safety/reference';
import { addDays, localDate } from '@safety/subgraph-kit';
import type { Certificate } from '../certificates/certificate.entity.js';
import { CertificateCategory } from '../certificates/certificate.enums.js';
import { idCheckCharacter, maskIdNumber } from '../certificates/certificate.rules.js';
import type { Employment } from '../persons/employment.entity.js';
import type { Person } from '../persons/person.entity.js';
import { Education, Gender } from '../persons/person.enums.js';
import { idNumberHash } from '../persons/person.rules.js';
import { idHashKey } from '../persons/person.service.js';
import { addMonths } from '../qualification/qualification.rules.js';
import type { ThreeLevelEducation, ThreeLevelLevel } from '../three-level/three-level.entity.js';
import { ThreeLevelStatus } from '../three-level/three-level.enums.js';
import { LEVELS, requiredLevelHours, requiredNewHireHours } from '../three-level/three-level.rules.js';
import { OFF_POST_MONTHS_AGO, PERMIT_DEMO_PEOPLE } from './permit-demo.js';

/** Domain §11.5: about 3,000 persons, the certificate holders among them. */
export const PERSON_TOTAL = 3000;
/** Minqin County's division code: the first six digits of locally issued citizen ID numbers. */
const COUNTY_CODE = '620621';

type PersonRow = Omit<Person, 'version' | 'createdAt' | 'updatedAt'>;
type EmploymentRow = Omit<Employment, 'version' | 'createdAt' | 'updatedAt'>;
type EducationRow = Omit<ThreeLevelEducation, 'version' | 'createdAt' | 'updatedAt'>;
type CertificateRow = Pick<
  Certificate,
  'personId' | 'enterpriseId' | 'holderName' | 'idNumberMasked' | 'category' | 'operationType' | 'issuedAt'
>;

const POSTS_BY_OPERATION: Record<string, string> = {
  电工作业: '电工',
  焊接与热切割作业: '焊工',
  高处作业: '架子工',
  制冷与空调作业: '制冷工',
  煤矿安全作业: '井下作业工',
  金属非金属矿山安全作业: '采掘工',
  '冶金（有色）生产安全作业': '冶炼工',
  危险化学品安全作业: '化工操作工',
  烟花爆竹安全作业: '烟花爆竹作业工',
  有限空间作业: '有限空间作业工',
};
const ORDINARY_POSTS = ['操作工', '装卸工', '维修工', '巡检工', '仓管员', '保洁员', '司机', '销售员'];
const EDUCATIONS = [
  Education.JUNIOR_HIGH,
  Education.JUNIOR_HIGH,
  Education.SENIOR_HIGH,
  Education.SENIOR_HIGH,
  Education.VOCATIONAL,
  Education.COLLEGE,
  Education.BACHELOR,
];
const CONTRACTOR = '民勤县宏达建筑安装工程有限公司（演示）';
const WORKER_WEIGHT: Record<string, number> = { COAL_MINE: 10, HAZCHEM_PRODUCTION: 5, CONSTRUCTION: 4 };

/**
 * A citizen ID number for a demo person whose masked form must end in `tail` (`sssC`): the birth
 * day is moved forward until the check character agrees, so the lookup hash belongs to a valid
 * number. The number itself is never stored, only its mask and its keyed hash (domain §2.8).
 */
function idNumberEndingIn(
  tail: string,
  birthFrom: string,
  used: Set<string>,
): { idNumber: string; birthDate: string } | null {
  for (let day = 0; day < 1000; day++) {
    const birthDate = addDays(birthFrom, day);
    const body = `${COUNTY_CODE}${birthDate.replaceAll('-', '')}${tail.slice(0, 3)}`;
    const idNumber = body + tail[3];
    if (idCheckCharacter(body) === tail[3] && !used.has(idNumber)) {
      used.add(idNumber);
      return { idNumber, birthDate };
    }
  }
  return null;
}

/**
 * Demo persons, employments and three-level education (domain §11.5), deterministic for a demo day:
 * one person per certificate (named and masked as on it), more workers up to about 3,000, one active
 * employment each (a few with an earlier one elsewhere), and education mostly PASSED.
 */
export function demoWorkforce(
  demoToday: Date,
  certificates: readonly CertificateRow[],
): { persons: PersonRow[]; employments: EmploymentRow[]; education: EducationRow[] } {
  const random = createRandom('workforce');
  const today = localDate(demoToday);
  const key = idHashKey();
  const byId = new Map(DEMO_ENTERPRISES.map((e) => [e.id, e]));
  const designated = new Map<string, (typeof PERMIT_DEMO_PEOPLE)[keyof typeof PERMIT_DEMO_PEOPLE]>(
    Object.values(PERMIT_DEMO_PEOPLE).map((p) => [demoId('person', p.key), p]),
  );
  const usedNumbers = new Set<string>();
  const persons: PersonRow[] = [];
  const employments: EmploymentRow[] = [];
  const education: EducationRow[] = [];

  const addPerson = (id: string, nameZh: string, tail: string, ageFrom: number, ageTo: number) => {
    const birthFrom = addDays(today, -Math.round(365.25 * random.int(ageFrom, ageTo)) - random.int(0, 300));
    const number = idNumberEndingIn(tail, birthFrom, usedNumbers);
    persons.push({
      id,
      nameZh,
      idNumberMasked: number
        ? maskIdNumber(number.idNumber)
        : `${COUNTY_CODE.slice(0, 4)}${'*'.repeat(10)}${tail}`,
      idNumberHash: number ? idNumberHash(number.idNumber, key) : null,
      gender: Number(tail[2]) % 2 === 1 ? Gender.MALE : Gender.FEMALE,
      birthDate: number?.birthDate ?? null,
      education: random.pick(EDUCATIONS),
    });
  };

  const educate = (employment: EmploymentRow, industryCode: string, forceCurrent: boolean) => {
    const requiredHours = requiredNewHireHours(industryCode);
    const perLevel = requiredLevelHours(requiredHours);
    const level = (index: number): ThreeLevelLevel => ({
      level: LEVELS[index]!,
      hours: perLevel,
      content: [
        '厂级安全教育：法规、制度、事故案例',
        '车间级安全教育：工艺、风险、应急',
        '班组级安全教育：岗位规程、实操',
      ][index]!,
      trainerId: null,
      examScore: random.int(75, 98),
      passed: true,
      completedAt: addDays(employment.hireDate, 1 + index * 2),
    });
    const sinceHire = Date.parse(today) - Date.parse(employment.hireDate);
    const draw = random.int(0, 99);
    let status = ThreeLevelStatus.PASSED;
    if (!forceCurrent && employment.leaveDate === null) {
      if (sinceHire < 3 * 86_400_000) status = ThreeLevelStatus.NOT_STARTED;
      else if (sinceHire < 6 * 86_400_000 || draw < 2) status = ThreeLevelStatus.IN_PROGRESS;
      else if (draw < 4) status = ThreeLevelStatus.REDO_REQUIRED;
    }
    const levels =
      status === ThreeLevelStatus.NOT_STARTED
        ? []
        : status === ThreeLevelStatus.PASSED
          ? [level(0), level(1), level(2)]
          : [level(0)];
    const passedAt =
      status === ThreeLevelStatus.NOT_STARTED || status === ThreeLevelStatus.IN_PROGRESS
        ? null
        : addDays(employment.hireDate, 5);
    let lastRefresherAt: string | null = null;
    if (passedAt && addDays(passedAt, 365) <= today) {
      // About 3% let the annual refresher lapse beyond the 30-day grace.
      const lapsed = !forceCurrent && random.int(0, 99) < 3;
      lastRefresherAt = lapsed ? addDays(today, -random.int(400, 600)) : addDays(today, -random.int(10, 330));
      if (lastRefresherAt < passedAt) lastRefresherAt = passedAt;
    }
    education.push({
      id: demoId('three-level-education', employment.id),
      personId: employment.personId,
      enterpriseId: employment.enterpriseId,
      employmentId: employment.id,
      status,
      requiredHours,
      levels,
      passedAt,
      lastRefresherAt,
    });
  };

  const employ = (
    personId: string,
    enterprise: DemoEnterprise,
    post: string,
    isHazardousPost: boolean,
    hireDate: string,
    extra: Partial<EmploymentRow> = {},
  ) => {
    const contracted =
      ['CONSTRUCTION', 'HAZCHEM_PRODUCTION'].includes(enterprise.industryCode) && random.chance(0.06);
    const employment: EmploymentRow = {
      id: demoId('employment', `${personId}:${enterprise.key}:${hireDate}`),
      personId,
      enterpriseId: enterprise.id,
      post,
      isHazardousPost,
      hireDate,
      leaveDate: null,
      engagedBy: contracted ? CONTRACTOR : enterprise.name,
      engagedByEnterpriseId: null,
      isNewHire: addDays(hireDate, 365) > today,
      lastWorkedAt: null,
      ...extra,
    };
    employments.push(employment);
    return employment;
  };

  // Earlier employments elsewhere for some: ended before the current one started.
  const history = (
    personId: string,
    current: DemoEnterprise,
    hireDate: string,
    post: string,
    hazardous: boolean,
  ) => {
    if (!random.chance(0.05)) return;
    const previous = random.pick(DEMO_ENTERPRISES.filter((e) => e.id !== current.id));
    const leaveDate = addDays(hireDate, -random.int(20, 400));
    const started = addDays(leaveDate, -random.int(200, 1500));
    const ended = employ(personId, previous, post, hazardous, started, { leaveDate, isNewHire: false });
    educate(ended, previous.industryCode, true);
  };

  for (const certificate of certificates) {
    const enterprise = byId.get(certificate.enterpriseId)!;
    const demo = designated.get(certificate.personId);
    addPerson(certificate.personId, certificate.holderName, certificate.idNumberMasked.slice(-4), 25, 58);
    const post =
      demo?.post ??
      (certificate.category === CertificateCategory.PRINCIPAL
        ? '主要负责人'
        : certificate.category === CertificateCategory.SAFETY_MANAGER
          ? '安全生产管理人员'
          : certificate.category === CertificateCategory.SPECIAL_EQUIPMENT
            ? (certificate.operationType ?? '特种设备作业人员').replace(/^[A-Z0-9]+ /, '')
            : (POSTS_BY_OPERATION[certificate.operationType ?? ''] ?? '特种作业人员'));
    const hazardous =
      certificate.category === CertificateCategory.SPECIAL_OPERATION ||
      certificate.category === CertificateCategory.SPECIAL_EQUIPMENT;
    const hireDate = demo ? addDays(today, -2000) : addDays(today, -random.int(60, 4000));
    if (!demo) history(certificate.personId, enterprise, hireDate, post, hazardous);
    const employment = employ(certificate.personId, enterprise, post, hazardous, hireDate, {
      engagedBy: enterprise.name,
      lastWorkedAt:
        demo?.hotWork === 'OFF_POST_OVER_6_MONTHS' ? addMonths(today, -OFF_POST_MONTHS_AGO) : null,
    });
    educate(employment, enterprise.industryCode, demo !== undefined);
  }

  // Workers without certificates, weighted towards the large employers.
  const weighted = DEMO_ENTERPRISES.flatMap((e) =>
    Array<DemoEnterprise>(WORKER_WEIGHT[e.industryCode] ?? 1).fill(e),
  );
  for (let n = persons.length; n < PERSON_TOTAL; n++) {
    const id = demoId('person', `worker:${n}`);
    const enterprise = random.pick(weighted);
    addPerson(
      id,
      demoPersonName(random),
      `${random.int(100, 999)}${random.pick([...'0123456789X'])}`,
      19,
      60,
    );
    const post = random.pick(ORDINARY_POSTS);
    const hireDate = addDays(today, -random.int(0, 4000));
    history(id, enterprise, hireDate, post, false);
    educate(employ(id, enterprise, post, false, hireDate), enterprise.industryCode, false);
  }
  return { persons, employments, education };
}
