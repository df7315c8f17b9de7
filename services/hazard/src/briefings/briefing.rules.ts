import { Role, type ScopedPrincipal, seesWholeCounty } from '@safety/auth';
import { addDays, calendarEntries, keyPeriods } from '@safety/reference';

/** 风险研判 levels (domain §5.12). */
export type BriefingLevelValue = 'SACO_WEEKLY' | 'DEPT_WEEKLY' | 'TOWN_MONTHLY' | 'CROSS_DEPT';
export type BriefingStatusValue = 'DRAFT' | 'HELD' | 'ISSUED';
export type BriefingOperation = 'holdRiskBriefing' | 'issueRiskBriefing';

/** DRAFT → HELD → ISSUED (domain §5.12); ISSUED emits `RiskBriefingIssued`. */
export const BRIEFING_TRANSITIONS: Record<
  BriefingOperation,
  { from: BriefingStatusValue; to: BriefingStatusValue }
> = {
  holdRiskBriefing: { from: 'DRAFT', to: 'HELD' },
  issueRiskBriefing: { from: 'HELD', to: 'ISSUED' },
};

/** Who holds which briefing [D]: the SAC office the county ones, departments and towns their own. */
export const BRIEFING_ROLES: Record<BriefingLevelValue, readonly Role[]> = {
  SACO_WEEKLY: [Role.SAC_OFFICE, Role.COUNTY_LEADER],
  CROSS_DEPT: [Role.SAC_OFFICE, Role.COUNTY_LEADER],
  DEPT_WEEKLY: [Role.SAC_OFFICE, Role.EMB_STAFF, Role.INDUSTRY_REGULATOR],
  TOWN_MONTHLY: [Role.SAC_OFFICE, Role.TOWNSHIP_OFFICER],
};
export const BRIEFING_WRITER_ROLES: Role[] = [...new Set(Object.values(BRIEFING_ROLES).flat())];
/** Government readers (county-level briefings are shared with every regulator). */
export const BRIEFING_READER_ROLES: Role[] = [
  ...BRIEFING_WRITER_ROLES,
  Role.EMB_ENFORCER,
  Role.STATIONED_SUPERVISOR,
  Role.DISCIPLINE_VIEWER,
];
/** County-level briefings every government reader sees. */
export const COUNTY_LEVELS: BriefingLevelValue[] = ['SACO_WEEKLY', 'CROSS_DEPT'];

export type Problems = Record<string, string>;

/** Monday of the ISO week of a local day. */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  return addDays(date, -((day.getUTCDay() + 6) % 7));
}

/** The period a briefing of `level` must cover: a Monday–Sunday week, or a calendar month for towns. */
export function periodProblems(level: BriefingLevelValue, from: string, to: string): Problems {
  if (to < from) return { periodTo: 'the period ends before it starts' };
  if (level === 'TOWN_MONTHLY') {
    const lastDay = addDays(`${nextMonth(from.slice(0, 7))}-01`, -1);
    if (!from.endsWith('-01') || to !== lastDay)
      return { periodFrom: 'a town briefing covers one calendar month (1st to last day)' };
    return {};
  }
  if (level === 'CROSS_DEPT') return {};
  if (mondayOf(from) !== from || to !== addDays(from, 6))
    return { periodFrom: 'a weekly briefing covers one week, Monday to Sunday' };
  return {};
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** May the caller hold a briefing of `level` for `orgId`? Their own organisation, or the SAC office for any. */
export function mayHold(principal: ScopedPrincipal, level: BriefingLevelValue, orgId: string): boolean {
  if (!principal.roles.some((role) => BRIEFING_ROLES[level].includes(role))) return false;
  return seesWholeCounty(principal) || principal.scope.orgUnitId === orgId;
}

/** The facts of a hazard the digest needs. */
export interface DigestHazardFacts {
  id: string;
  code: string;
  title: string;
  grade: 'GENERAL' | 'MAJOR';
  status: string;
  enterpriseId: string | null;
  /** Local day it was found. */
  foundOn: string;
  deadline: string | null;
  listingId: string | null;
  /** Local day it was accepted (or closed); null while not yet. */
  settledOn: string | null;
}

export interface DigestKeyPeriod {
  kind: string;
  name: string;
  from: string;
  to: string;
}

export interface Digest {
  periodFrom: string;
  periodTo: string;
  newHazards: number;
  newMajorHazards: number;
  overdueHazards: number;
  openMajorHazards: number;
  openListings: number;
  highlights: Array<{
    hazardId: string;
    code: string;
    title: string;
    grade: string;
    enterpriseId: string | null;
    deadline: string | null;
    reason: 'NEW_MAJOR' | 'OVERDUE' | 'OPEN_MAJOR';
  }>;
  keyPeriods: DigestKeyPeriod[];
  monitoringAlerts: string[];
  accidents: string[];
  warnings: string[];
  classDEnterpriseIds: string[];
}

/** Open on `asOf`: found by then, neither a draft nor rejected, not yet accepted by then. */
export function openOn(h: DigestHazardFacts, asOf: string): boolean {
  return (
    h.status !== 'DRAFT' &&
    h.status !== 'REJECTED' &&
    h.foundOn <= asOf &&
    (h.settledOn === null || h.settledOn > asOf)
  );
}

/** How far ahead the digest looks for key periods [D]: two weeks after a week, a month after a month. */
export function keyPeriodHorizon(level: BriefingLevelValue, periodTo: string): string {
  return addDays(periodTo, level === 'TOWN_MONTHLY' ? 31 : 14);
}

const keyPeriodCache = new Map<string, DigestKeyPeriod[]>();

/** The key periods (domain §2.7, §4.5) overlapping [from, to] (pure, so remembered). */
export function keyPeriodsBetween(from: string, to: string): DigestKeyPeriod[] {
  const key = `${from}:${to}`;
  const known = keyPeriodCache.get(key);
  if (known) return known.map((p) => ({ ...p }));
  const result = computeKeyPeriods(from, to);
  keyPeriodCache.set(key, result);
  return result.map((p) => ({ ...p }));
}

function computeKeyPeriods(from: string, to: string): DigestKeyPeriod[] {
  const years = new Set([Number(from.slice(0, 4)), Number(to.slice(0, 4))]);
  const all = [...years].flatMap((year) =>
    keyPeriods(year, calendarEntries(`${year - 1}-12-15`, `${year}-12-31`)),
  );
  const seen = new Set<string>();
  return all
    .filter((p) => p.from <= to && p.to >= from)
    .filter((p) => !seen.has(`${p.kind}:${p.from}`) && seen.add(`${p.kind}:${p.from}`))
    .map((p) => ({ kind: p.kind, name: p.name, from: p.from, to: p.to }))
    .sort((a, b) => a.from.localeCompare(b.from));
}

/**
 * The auto digest of domain §5.12 from the hazards of the briefing's area (as at the end of the
 * period, judged on `asOf`): new hazards of the period, overdue and open major hazards, open
 * listings, with the most pressing few named (compact: at most `highlightLimit`).
 */
export function buildDigest(
  hazards: readonly DigestHazardFacts[],
  period: { level: BriefingLevelValue; from: string; to: string },
  asOf: string,
  external: Pick<Digest, 'monitoringAlerts' | 'accidents' | 'warnings' | 'classDEnterpriseIds'>,
  highlightLimit = 10,
): Digest {
  const open = (h: DigestHazardFacts) => openOn(h, asOf);
  const fresh = hazards.filter(
    (h) => h.foundOn >= period.from && h.foundOn <= period.to && h.status !== 'DRAFT',
  );
  const overdue = hazards.filter((h) => open(h) && h.deadline !== null && h.deadline < asOf);
  const openMajor = hazards.filter((h) => open(h) && h.grade === 'MAJOR');
  const listings = new Set(hazards.filter((h) => open(h) && h.listingId).map((h) => h.listingId));
  const byCode = (a: DigestHazardFacts, b: DigestHazardFacts) => a.code.localeCompare(b.code);
  const picked = new Map<string, Digest['highlights'][number]>();
  const add = (list: DigestHazardFacts[], reason: Digest['highlights'][number]['reason']) => {
    for (const h of [...list].sort(byCode)) {
      if (picked.size >= highlightLimit || picked.has(h.id)) continue;
      picked.set(h.id, {
        hazardId: h.id,
        code: h.code,
        title: h.title,
        grade: h.grade,
        enterpriseId: h.enterpriseId,
        deadline: h.deadline,
        reason,
      });
    }
  };
  add(
    fresh.filter((h) => h.grade === 'MAJOR'),
    'NEW_MAJOR',
  );
  add(overdue, 'OVERDUE');
  add(openMajor, 'OPEN_MAJOR');
  return {
    periodFrom: period.from,
    periodTo: period.to,
    newHazards: fresh.length,
    newMajorHazards: fresh.filter((h) => h.grade === 'MAJOR').length,
    overdueHazards: overdue.length,
    openMajorHazards: openMajor.length,
    openListings: listings.size,
    highlights: [...picked.values()],
    keyPeriods: keyPeriodsBetween(period.from, keyPeriodHorizon(period.level, period.to)),
    ...external,
  };
}

/**
 * Weekly (or monthly) periods in [from, to] that ended before `today` and that no held or issued
 * briefing covers: the missed briefings of a cadence (domain §5.12 with §4.5).
 */
export function missedPeriods(
  level: BriefingLevelValue,
  from: string,
  to: string,
  today: string,
  held: ReadonlyArray<{ periodFrom: string; periodTo: string }>,
): Array<{ periodFrom: string; periodTo: string }> {
  const periods: Array<{ periodFrom: string; periodTo: string }> = [];
  // A period's briefing is due the day after it ends; it is missed from the day after that.
  if (level === 'TOWN_MONTHLY') {
    for (let month = from.slice(0, 7); `${month}-01` <= to; month = nextMonth(month)) {
      const last = addDays(`${nextMonth(month)}-01`, -1);
      if (`${month}-01` >= from && addDays(last, 1) < today)
        periods.push({ periodFrom: `${month}-01`, periodTo: last });
    }
  } else {
    for (
      let monday = mondayOf(from) < from ? addDays(mondayOf(from), 7) : from;
      monday <= to;
      monday = addDays(monday, 7)
    ) {
      const sunday = addDays(monday, 6);
      if (addDays(sunday, 1) < today) periods.push({ periodFrom: monday, periodTo: sunday });
    }
  }
  return periods.filter((p) => !held.some((h) => h.periodFrom <= p.periodFrom && h.periodTo >= p.periodTo));
}
