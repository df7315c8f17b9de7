import { describe, expect, it } from 'vitest';
import type { GasTest } from './gas-test.rules.js';
import {
  assessHotWorkLevel,
  type CalendarDayFacts,
  credentialKey,
  decidePermitTransition,
  gateReasons,
  type HotWorkSiteFacts,
  hotWorkTimeFacts,
  overlapsNight,
  PERMIT_TRANSITIONS,
  type PermitContext,
  type PermitDecision,
  type PermitFacts,
  type PermitTransition,
  type PermitWorker,
  permitsToRevoke,
  type QualificationResult,
  qualificationGate,
  requiredCredentials,
  unlicensedWorkerOutcome,
  validityProblems,
} from './permit.rules.js';
import {
  type CredentialRequirement,
  PERMIT_ACTORS,
  PERMIT_QUALIFICATION_RULES,
  PERMIT_STATUSES,
  type PermitQualificationRule,
  type PermitStatus,
  type PermitType,
  type WorkerRole,
  type WorkKind,
} from './permit.tables.js';

/** Local Asia/Shanghai time. */
const at = (local: string) => new Date(`${local}+08:00`);
const SECOND = 1000;
const HOUR = 3_600_000;
const after = (instant: Date, ms: number) => new Date(instant.getTime() + ms);
const codes = (decision: PermitDecision) => (decision.allowed ? [] : decision.reasons.map((r) => r.code));

// --- calendar facts (2025 State Council notice: 10-01..10-08 off, Sunday 09-28 worked) -----------------
const workday = (date: string): CalendarDayFacts => ({ date, isWorkingDay: true, holidayName: null });
const CALENDAR: CalendarDayFacts[] = [
  ...['2025-06-09', '2025-06-10', '2025-06-11', '2025-06-12', '2025-06-13'].map(workday),
  { date: '2025-06-14', isWorkingDay: false, holidayName: null },
  { date: '2025-06-15', isWorkingDay: false, holidayName: null },
  // responsibility names make-up working days too; they stay working days.
  { date: '2025-09-28', isWorkingDay: true, holidayName: '国庆节、中秋节调休上班' },
  { date: '2025-10-01', isWorkingDay: false, holidayName: '国庆节、中秋节' },
];

const site = (facts: Partial<HotWorkSiteFacts> = {}): HotWorkSiteFacts => ({
  fireExplosionHazardArea: false,
  onRunningEquipment: false,
  pressurisedWithoutDisplacement: false,
  insideMajorHazardTankFarmDike: false,
  onPipeRack: false,
  inFixedHotWorkArea: false,
  unitShutDownPurgedIsolated: false,
  shutdownDowngradeApproved: false,
  ...facts,
});
const daytime = hotWorkTimeFacts({
  periods: [{ from: at('2025-06-10T09:00:00'), to: at('2025-06-10T17:00:00') }],
  calendar: CALENDAR,
});

describe('P-4 hot-work level', () => {
  it.each([
    [
      { fireExplosionHazardArea: true, onRunningEquipment: true },
      'SPECIAL',
      'RUNNING_EQUIPMENT_IN_HAZARD_AREA',
    ],
    [
      { fireExplosionHazardArea: true, pressurisedWithoutDisplacement: true },
      'SPECIAL',
      'PRESSURISED_WITHOUT_DISPLACEMENT',
    ],
    [{ insideMajorHazardTankFarmDike: true }, 'SPECIAL', 'MAJOR_HAZARD_TANK_FARM_DIKE'],
    [{ fireExplosionHazardArea: true }, 'LEVEL_1', 'HAZARD_AREA'],
    [{ onPipeRack: true }, 'LEVEL_1', 'PIPE_RACK'],
    [{ onRunningEquipment: true }, 'LEVEL_2', 'ELSEWHERE'], // running equipment outside a hazard area
    [{}, 'LEVEL_2', 'ELSEWHERE'],
    // A shut-down, purged, isolated unit is managed as 二级 only with approval [K?].
    [
      { fireExplosionHazardArea: true, unitShutDownPurgedIsolated: true, shutdownDowngradeApproved: true },
      'LEVEL_2',
      'SHUTDOWN_DOWNGRADE',
    ],
    [{ fireExplosionHazardArea: true, unitShutDownPurgedIsolated: true }, 'LEVEL_1', 'HAZARD_AREA'],
    [
      {
        insideMajorHazardTankFarmDike: true,
        unitShutDownPurgedIsolated: true,
        shutdownDowngradeApproved: true,
      },
      'LEVEL_2',
      'SHUTDOWN_DOWNGRADE',
    ],
    [
      {
        fireExplosionHazardArea: true,
        onRunningEquipment: true,
        unitShutDownPurgedIsolated: true,
        shutdownDowngradeApproved: true,
      },
      'SPECIAL',
      'RUNNING_EQUIPMENT_IN_HAZARD_AREA',
    ],
  ] as const)('site %o on a working day: %s (%s)', (facts, level, code) => {
    const assessed = assessHotWorkLevel(site(facts), daytime);
    expect(assessed.baseLevel).toBe(level);
    expect(assessed.managedLevel).toBe(level);
    expect(assessed.reasons.map((r) => r.code)).toContain(code);
  });

  it('needs no permit inside the fixed hot-work area, unless hazard facts say otherwise', () => {
    expect(assessHotWorkLevel(site({ inFixedHotWorkArea: true }), daytime)).toMatchObject({
      permitRequired: false,
      baseLevel: null,
      managedLevel: null,
    });
    expect(assessHotWorkLevel(site({ inFixedHotWorkArea: true, onPipeRack: true }), daytime).baseLevel).toBe(
      'LEVEL_1',
    );
  });

  const period = (from: string, to: string) => ({
    periods: [{ from: at(from), to: at(to) }],
    calendar: CALENDAR,
  });
  it.each([
    // [from, to, base, managed, upgrade reason]
    ['2025-06-10T08:00:00', '2025-06-10T20:00:00', 'LEVEL_2', 'LEVEL_2', null], // day, exactly the night bounds
    ['2025-06-10T07:59:59', '2025-06-10T12:00:00', 'LEVEL_2', 'LEVEL_1', 'NIGHT'],
    ['2025-06-10T19:00:00', '2025-06-10T20:00:01', 'LEVEL_2', 'LEVEL_1', 'NIGHT'],
    ['2025-06-11T02:00:00', '2025-06-11T03:00:00', 'LEVEL_2', 'LEVEL_1', 'NIGHT'], // night began the day before
    ['2025-06-14T09:00:00', '2025-06-14T12:00:00', 'LEVEL_2', 'LEVEL_1', 'REST_DAY'], // Saturday
    ['2025-10-01T09:00:00', '2025-10-01T12:00:00', 'LEVEL_2', 'LEVEL_1', 'HOLIDAY'],
    ['2025-09-28T09:00:00', '2025-09-28T12:00:00', 'LEVEL_2', 'LEVEL_2', null], // make-up Sunday worked
  ] as const)('%s – %s: %s managed as %s', (from, to, base, managed, upgrade) => {
    const assessed = assessHotWorkLevel(site(), hotWorkTimeFacts(period(from, to)));
    expect(assessed.baseLevel).toBe(base);
    expect(assessed.managedLevel).toBe(managed);
    const upgrades = assessed.reasons
      .map((r) => r.code)
      .filter((c) => ['NIGHT', 'REST_DAY', 'HOLIDAY'].includes(c));
    expect(upgrades).toEqual(upgrade ? [upgrade] : []);
  });

  it('upgrades one level and keeps 特级 at 特级', () => {
    const holiday = hotWorkTimeFacts(period('2025-10-01T09:00:00', '2025-10-01T12:00:00'));
    expect(assessHotWorkLevel(site({ fireExplosionHazardArea: true }), holiday).managedLevel).toBe('SPECIAL');
    expect(assessHotWorkLevel(site({ insideMajorHazardTankFarmDike: true }), holiday).managedLevel).toBe(
      'SPECIAL',
    );
    const special = hotWorkTimeFacts({
      ...period('2025-06-10T09:00:00', '2025-06-10T12:00:00'),
      otherSpecialSituation: '重大活动保障期间',
    });
    expect(assessHotWorkLevel(site(), special)).toMatchObject({ managedLevel: 'LEVEL_1' });
  });

  it('names the holiday, counts a make-up day as rest only when configured, and reports calendar gaps', () => {
    const holiday = hotWorkTimeFacts(period('2025-09-30T20:00:00', '2025-10-01T10:00:00'));
    expect(holiday.holidayNames).toEqual(['国庆节、中秋节']);
    expect(holiday.missingCalendarDays).toEqual(['2025-09-30']);
    const makeUp = { ...period('2025-09-28T09:00:00', '2025-09-28T12:00:00'), makeUpWorkdayIsRestDay: true };
    expect(hotWorkTimeFacts(makeUp).restDays).toEqual(['2025-09-28']);
    // A missing Saturday falls back to the weekend rule.
    expect(
      hotWorkTimeFacts({ ...period('2025-06-21T09:00:00', '2025-06-21T10:00:00'), calendar: [] }),
    ).toMatchObject({
      restDays: ['2025-06-21'],
      missingCalendarDays: ['2025-06-21'],
    });
  });

  it('reads night hours per enterprise, in Asia/Shanghai', () => {
    const evening = { from: at('2025-06-10T20:00:00'), to: at('2025-06-10T22:00:00') };
    expect(overlapsNight(evening)).toBe(true);
    expect(overlapsNight(evening, { from: '22:00', to: '06:00' })).toBe(false);
    expect(
      overlapsNight(
        { from: at('2025-06-11T05:00:00'), to: at('2025-06-11T06:00:00') },
        { from: '22:00', to: '06:00' },
      ),
    ).toBe(true);
    // 12:00 UTC is 20:00 in Shanghai.
    expect(
      overlapsNight({ from: new Date('2025-06-10T11:00:00Z'), to: new Date('2025-06-10T12:00:01Z') }),
    ).toBe(true);
  });
});

describe('validity limits', () => {
  const from = at('2025-06-10T08:00:00');
  it.each([
    ['SPECIAL', 8 * HOUR, []],
    ['SPECIAL', 8 * HOUR + SECOND, ['VALIDITY_TOO_LONG']],
    ['LEVEL_1', 8 * HOUR, []],
    ['LEVEL_1', 8 * HOUR + SECOND, ['VALIDITY_TOO_LONG']],
    ['LEVEL_2', 72 * HOUR, []],
    ['LEVEL_2', 72 * HOUR + SECOND, ['VALIDITY_TOO_LONG']],
    ['LEVEL_2', 0, ['VALIDITY_INVALID']],
    [null, HOUR, ['LEVEL_MISSING']],
  ] as const)('hot work %s for %d ms: %o', (level, span, expected) => {
    expect(validityProblems('HOT_WORK', level, from, after(from, span)).map((r) => r.code)).toEqual(expected);
  });

  it('sets no limit for the other types', () => {
    expect(validityProblems('CONFINED_SPACE', null, from, after(from, 100 * HOUR))).toEqual([]);
  });
});

// --- qualification ------------------------------------------------------------------------------------
const contractor = { enterpriseId: 'ent-contractor', name: '甘肃某安装公司' };
const own = { enterpriseId: 'ent-1', name: '民勤某化工公司' };
const worker = (
  personId: string,
  role: WorkerRole,
  workKinds: WorkKind[] = [],
  engagedBy = own,
): PermitWorker => ({
  personId,
  role,
  engagedBy,
  workKinds,
});
const keys = (
  type: PermitType,
  role: WorkerRole,
  kinds: WorkKind[] = [],
  validFrom = at('2025-06-10T09:00:00'),
) =>
  requiredCredentials({ type, validFrom }, { role, workKinds: kinds }).map((c) =>
    credentialKey(c.requirement),
  );

describe('qualification requirements (domain §5.9 table)', () => {
  const EMPLOYED = 'EMPLOYMENT_AND_THREE_LEVEL';
  it.each([
    ['HOT_WORK', 'EXECUTOR', ['WELDING'], [EMPLOYED, 'CERTIFICATE|SPECIAL_OPERATION|焊接与热切割作业|']],
    [
      'HOT_WORK',
      'EXECUTOR',
      ['THERMAL_CUTTING'],
      [EMPLOYED, 'CERTIFICATE|SPECIAL_OPERATION|焊接与热切割作业|'],
    ],
    ['HOT_WORK', 'EXECUTOR', [], [EMPLOYED]],
    ['HOT_WORK', 'GUARDIAN', [], [EMPLOYED, 'PERMIT_TYPE_TRAINING|HOT_WORK']],
    ['CONFINED_SPACE', 'GUARDIAN', [], [EMPLOYED, 'PERMIT_TYPE_TRAINING|CONFINED_SPACE']],
    ['HOT_WORK', 'ISSUER', ['WELDING'], [EMPLOYED]],
    ['HOT_WORK', 'APPROVER', [], [EMPLOYED]],
    ['TEMP_POWER', 'EXECUTOR', [], [EMPLOYED, 'CERTIFICATE|SPECIAL_OPERATION|电工作业|']],
    [
      'TEMP_POWER',
      'EXECUTOR',
      ['ELECTRICAL_LOW_VOLTAGE'],
      [EMPLOYED, 'CERTIFICATE|SPECIAL_OPERATION|电工作业|低压电工作业'],
    ],
    [
      'TEMP_POWER',
      'EXECUTOR',
      ['ELECTRICAL_HIGH_VOLTAGE'],
      [EMPLOYED, 'CERTIFICATE|SPECIAL_OPERATION|电工作业|高压电工作业'],
    ],
    ['WORK_AT_HEIGHT', 'EXECUTOR', ['SCAFFOLDING'], [EMPLOYED, 'CERTIFICATE|SPECIAL_OPERATION|高处作业|']],
    [
      'WORK_AT_HEIGHT',
      'EXECUTOR',
      ['HEIGHT_INSTALLATION'],
      [EMPLOYED, 'CERTIFICATE|SPECIAL_OPERATION|高处作业|'],
    ],
    ['WORK_AT_HEIGHT', 'EXECUTOR', [], [EMPLOYED]],
    ['LIFTING', 'EXECUTOR', ['CRANE_OPERATION'], [EMPLOYED, 'CERTIFICATE|SPECIAL_EQUIPMENT|Q2 起重机司机|']],
    ['LIFTING', 'EXECUTOR', ['CRANE_SIGNALLING'], [EMPLOYED, 'CERTIFICATE|SPECIAL_EQUIPMENT|Q1 起重机指挥|']],
    [
      'BLIND_PLATE',
      'EXECUTOR',
      ['HAZCHEM_PROCESS_OPERATION'],
      [EMPLOYED, 'CERTIFICATE|SPECIAL_OPERATION|危险化学品安全作业|'],
    ],
    ['EXCAVATION', 'EXECUTOR', ['WELDING'], [EMPLOYED]], // welding certificate is a hot-work row
  ] as const)('%s %s doing %o needs %o', (type, role, kinds, expected) => {
    expect(keys(type, role, [...kinds])).toEqual(expected);
  });

  it('uses the table version in force on the local date of validFrom', () => {
    const extra: PermitQualificationRule = {
      id: 'PQR-2-EXCAVATION',
      version: 'PQR-2',
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
      permitTypes: ['EXCAVATION'],
      roles: ['EXECUTOR'],
      workKinds: 'ANY',
      requirement: { kind: 'PERMIT_TYPE_TRAINING', permitType: 'EXCAVATION' },
      basis: 'test',
    };
    const rules = [...PERMIT_QUALIFICATION_RULES, extra];
    const ask = (validFrom: Date) =>
      requiredCredentials({ type: 'EXCAVATION', validFrom }, { role: 'EXECUTOR' }, rules).map(
        (c) => c.ruleId,
      );
    // 2026-01-01 00:00 in Shanghai is still 2025-12-31 in UTC.
    expect(ask(at('2025-12-31T23:59:59'))).toEqual(['PQR-1-ALL']);
    expect(ask(at('2026-01-01T00:00:00'))).toEqual(['PQR-1-ALL', 'PQR-2-EXCAVATION']);
  });

  it('turns training answers into UI reasons (P-1)', () => {
    const requirement: CredentialRequirement = {
      kind: 'CERTIFICATE',
      certType: 'SPECIAL_OPERATION',
      category: '焊接与热切割作业',
    };
    const results: QualificationResult[] = [
      {
        personId: 'p1',
        requirement,
        at: new Date(),
        ok: false,
        reasons: ['EXPIRED', 'OFF_POST_OVER_6_MONTHS'],
      },
      { personId: 'p2', requirement, at: new Date(), ok: true, reasons: [] },
      { personId: 'p3', requirement, at: new Date(), ok: false, reasons: ['SOMETHING_NEW'] },
    ];
    expect(gateReasons(results)).toEqual([
      {
        code: 'QUALIFICATION_FAILED',
        messageZh: '特种作业操作证（焊接与热切割作业）：证书已过期',
        personId: 'p1',
        detail: 'EXPIRED',
      },
      {
        code: 'QUALIFICATION_FAILED',
        messageZh: '特种作业操作证（焊接与热切割作业）：离开特种作业岗位6个月以上，未重新考核',
        personId: 'p1',
        detail: 'OFF_POST_OVER_6_MONTHS',
      },
      {
        code: 'QUALIFICATION_FAILED',
        messageZh: '特种作业操作证（焊接与热切割作业）：资格校验未通过（SOMETHING_NEW）',
        personId: 'p3',
        detail: 'SOMETHING_NEW',
      },
    ]);
  });
});

// --- state machine --------------------------------------------------------------------------------------
const VALID_FROM = at('2025-06-10T09:00:00');
const VALID_TO = at('2025-06-10T17:00:00');
const NOW = at('2025-06-10T09:10:00');
const passingTest: GasTest = {
  at: at('2025-06-10T08:50:00'),
  point: '动火点',
  oxygenPctVol: '20.9',
  flammables: [{ reading: '8', unit: 'PCT_LEL', lelPctVol: '2.1', substance: '丙烷' }],
  toxics: [{ substance: 'H2S', mgPerM3: '2' }],
  analystId: 'analyst-1',
};
const WORKERS = [
  worker('welder', 'EXECUTOR', ['WELDING'], contractor),
  worker('guardian', 'GUARDIAN'),
  worker('issuer', 'ISSUER'),
  worker('approver', 'APPROVER'),
];

function hotWork(overrides: Partial<PermitFacts> = {}): PermitFacts {
  return {
    type: 'HOT_WORK',
    status: 'GAS_TESTED',
    level: 'LEVEL_2',
    purpose: 'MAINTENANCE',
    validFrom: VALID_FROM,
    validTo: VALID_TO,
    hotWorkSite: site(),
    workers: WORKERS,
    equipmentChecks: [{ equipmentId: 'weld-01', inspectedAt: '2025-06-01', result: 'OK' }],
    gasTests: [passingTest],
    suspendedAt: at('2025-06-10T09:05:00'),
    ...overrides,
  };
}

/** Training says yes to everything the permit needs, for validFrom. */
function allPass(permit: PermitFacts): QualificationResult[] {
  return permit.workers.flatMap((w) =>
    requiredCredentials(permit, w).map((c) => ({
      personId: w.personId,
      requirement: c.requirement,
      at: permit.validFrom,
      ok: true,
      reasons: [],
    })),
  );
}

function context(permit: PermitFacts, overrides: Partial<PermitContext> = {}): PermitContext {
  return {
    now: NOW,
    reasonText: '现场发现泄漏',
    enterpriseStatus: 'OPERATING',
    qualificationResults: allPass(permit),
    calendar: CALENDAR,
    continuousMonitoring: false,
    siteChecked: true,
    ...overrides,
  };
}

/** A permit and context that satisfy the guard of a transition. */
function happy(transition: PermitTransition): { permit: PermitFacts; ctx: PermitContext } {
  const permit =
    transition.from === 'DRAFT' && transition.to === 'APPROVED'
      ? hotWork({
          type: 'WORK_AT_HEIGHT',
          status: 'DRAFT',
          level: 'II',
          hotWorkSite: null,
          gasTests: [],
          workers: [worker('scaffolder', 'EXECUTOR', ['SCAFFOLDING']), worker('guardian', 'GUARDIAN')],
          equipmentChecks: [],
        })
      : hotWork({ status: transition.from });
  const now = transition.to === 'EXPIRED' ? after(VALID_TO, 1) : NOW;
  return { permit, ctx: context(permit, { now }) };
}

const edge = (t: PermitTransition) => `${t.from} → ${t.to}`;

describe('permit state machine (domain §5.9)', () => {
  it('holds exactly the transitions of the spec table', () => {
    const table = PERMIT_TRANSITIONS.map((t) => [t.from, t.to, [...t.actors].sort().join('+'), t.mode]);
    const revokers = 'APPROVER+GUARDIAN+REGULATOR+SYSTEM';
    expect(table).toEqual([
      ['DRAFT', 'GAS_TESTED', 'ANALYST', 'ANY'],
      ['DRAFT', 'APPROVED', 'APPROVER', 'ANY'],
      ['GAS_TESTED', 'APPROVED', 'APPROVER', 'ANY'],
      ['APPROVED', 'IN_PROGRESS', 'GUARDIAN', 'ANY'],
      ['IN_PROGRESS', 'SUSPENDED', 'GUARDIAN', 'ANY'],
      ['SUSPENDED', 'IN_PROGRESS', 'GUARDIAN', 'ANY'],
      ['IN_PROGRESS', 'COMPLETED', 'EXECUTOR+GUARDIAN', 'ALL'],
      ['COMPLETED', 'CLOSED', 'ISSUER', 'ANY'],
      ['APPROVED', 'REVOKED', revokers, 'ANY'],
      ['IN_PROGRESS', 'REVOKED', revokers, 'ANY'],
      ['DRAFT', 'EXPIRED', 'SYSTEM', 'ANY'],
      ['GAS_TESTED', 'EXPIRED', 'SYSTEM', 'ANY'],
      ['APPROVED', 'EXPIRED', 'SYSTEM', 'ANY'],
      ['IN_PROGRESS', 'EXPIRED', 'SYSTEM', 'ANY'],
      ['SUSPENDED', 'EXPIRED', 'SYSTEM', 'ANY'],
    ]);
  });

  describe.each(PERMIT_TRANSITIONS.map((t) => [edge(t), t] as const))('%s', (_, transition) => {
    const { permit, ctx } = happy(transition);

    it(`is allowed for ${transition.actors.join(transition.mode === 'ALL' ? ' + ' : ' / ')}`, () => {
      if (transition.mode === 'ALL') {
        expect(decidePermitTransition(permit, transition.to, transition.actors, ctx)).toMatchObject({
          allowed: true,
        });
      } else {
        for (const actor of transition.actors)
          expect(decidePermitTransition(permit, transition.to, actor, ctx)).toMatchObject({ allowed: true });
      }
    });

    it.each(PERMIT_ACTORS.filter((a) => !transition.actors.includes(a)))('is refused for %s', (actor) => {
      expect(codes(decidePermitTransition(permit, transition.to, actor, ctx))).toEqual([
        'ACTOR_NOT_PERMITTED',
      ]);
    });

    if (transition.mode === 'ALL')
      it.each([...transition.actors])('is refused for %s alone', (actor) => {
        expect(codes(decidePermitTransition(permit, transition.to, actor, ctx))).toEqual([
          'JOINT_CONFIRMATION_REQUIRED',
        ]);
      });
  });

  const legal = new Set(PERMIT_TRANSITIONS.map(edge));
  const illegal = PERMIT_STATUSES.flatMap((from) =>
    PERMIT_STATUSES.map((to) => [from, to] as [PermitStatus, PermitStatus]),
  ).filter(([from, to]) => !legal.has(`${from} → ${to}`));

  it('leaves 66 of the 81 pairs illegal', () => {
    expect(illegal).toHaveLength(81 - PERMIT_TRANSITIONS.length);
  });

  it.each(illegal)('%s → %s is refused for every actor', (from, to) => {
    const permit = hotWork({ status: from });
    expect(
      codes(decidePermitTransition(permit, to, PERMIT_ACTORS, context(permit, { now: after(VALID_TO, 1) }))),
    ).toEqual(['TRANSITION_NOT_ALLOWED']);
  });
});

describe('approval guard', () => {
  const approve = (permit: PermitFacts, overrides: Partial<PermitContext> = {}) =>
    decidePermitTransition(permit, 'APPROVED', 'APPROVER', context(permit, overrides));

  it('approves a complete hot-work permit without side effects', () => {
    expect(approve(hotWork())).toEqual({ allowed: true, effects: [] });
  });

  it('refuses when training fails a worker at validFrom, with the reasons (P-1: no override exists)', () => {
    const permit = hotWork();
    const results = allPass(permit).map((r) =>
      r.personId === 'welder' && r.requirement.kind === 'CERTIFICATE'
        ? { ...r, ok: false, reasons: ['REVIEW_OVERDUE'] }
        : r,
    );
    const overrideAttempt = {
      ...context(permit, { qualificationResults: results }),
      override: true,
      force: true,
    };
    const decision = decidePermitTransition(permit, 'APPROVED', ['APPROVER', 'REGULATOR'], overrideAttempt);
    expect(decision).toEqual({
      allowed: false,
      reasons: [
        {
          code: 'QUALIFICATION_FAILED',
          messageZh: '特种作业操作证（焊接与热切割作业）：证书逾期未复审',
          personId: 'welder',
          detail: 'REVIEW_OVERDUE',
        },
      ],
    });
  });

  it('needs an answer for every worker and credential, made for validFrom', () => {
    const permit = hotWork();
    const results = allPass(permit);
    const withoutGuardianTraining = results.filter((r) => r.requirement.kind !== 'PERMIT_TYPE_TRAINING');
    expect(approve(permit, { qualificationResults: withoutGuardianTraining })).toEqual({
      allowed: false,
      reasons: [
        {
          code: 'QUALIFICATION_NOT_CHECKED',
          messageZh: '未按作业开始时间对该人员进行资格校验',
          personId: 'guardian',
          detail: '动火作业监护培训',
        },
      ],
    });
    const checkedToday = results.map((r) => ({ ...r, at: NOW }));
    // 4 workers in service and three-level education, the welder's certificate, the guardian's training.
    expect(codes(approve(permit, { qualificationResults: checkedToday }))).toHaveLength(6);
    expect(qualificationGate(permit, checkedToday).every((r) => r.code === 'QUALIFICATION_NOT_CHECKED')).toBe(
      true,
    );
    expect(codes(approve(permit, { qualificationResults: undefined }))).toEqual(['FACT_MISSING']);
  });

  it.each([
    ['OPERATING', 'PRODUCTION', null, true, []],
    ['SUSPENDED', 'PRODUCTION', null, false, []],
    ['SUSPENDED', 'CONSTRUCTION', null, false, []],
    ['SUSPENDED', 'MAINTENANCE', null, true, []],
    ['SUSPENDED', 'RECTIFICATION', 'hz-1', true, []],
    ['ORDERED_RECTIFICATION', 'RECTIFICATION', 'hz-1', true, ['COPY_TO_REGULATOR']],
    ['ORDERED_RECTIFICATION', 'MAINTENANCE', null, true, ['COPY_TO_REGULATOR']],
    ['ORDERED_RECTIFICATION', 'PRODUCTION', null, false, []],
  ] as const)('enterprise %s, purpose %s: allowed %s', (status, purpose, hazardId, allowed, effects) => {
    const decision = approve(hotWork({ purpose, hazardId }), { enterpriseStatus: status });
    expect(decision).toEqual(
      allowed
        ? { allowed: true, effects }
        : {
            allowed: false,
            reasons: [expect.objectContaining({ code: 'ENTERPRISE_STOPPED_PURPOSE', detail: status })],
          },
    );
  });

  it('needs a hazard for rectification work, a guardian and sound equipment', () => {
    expect(codes(approve(hotWork({ purpose: 'RECTIFICATION' })))).toEqual(['RECTIFICATION_HAZARD_MISSING']);
    expect(codes(approve(hotWork({ workers: WORKERS.filter((w) => w.role !== 'GUARDIAN') })))).toEqual([
      'GUARDIAN_MISSING',
    ]);
    const defective = hotWork({
      equipmentChecks: [
        { equipmentId: 'weld-01', inspectedAt: '2025-06-01', result: 'OK' },
        { equipmentId: 'weld-02', inspectedAt: '2025-06-01', result: 'OBSOLETE' },
      ],
    });
    expect(codes(approve(defective))).toEqual(['EQUIPMENT_CHECK_FAILED']);
    expect(codes(approve(hotWork({ equipmentChecks: [] })))).toEqual(['EQUIPMENT_CHECK_MISSING']);
  });

  it('needs a passing gas test for hot work and confined spaces, so they cannot skip GAS_TESTED', () => {
    expect(codes(approve(hotWork({ status: 'DRAFT' })))).toEqual(['GAS_TEST_MISSING']);
    const confined = hotWork({ type: 'CONFINED_SPACE', status: 'DRAFT', level: null, equipmentChecks: [] });
    expect(codes(approve(confined))).toEqual(['GAS_TEST_MISSING']);
    expect(approve({ ...confined, status: 'GAS_TESTED' })).toEqual({ allowed: true, effects: [] });
    const failing = hotWork({
      gasTests: [{ ...passingTest, flammables: [{ reading: '0.6', unit: 'PCT_VOL', lelPctVol: '5' }] }],
    });
    expect(codes(approve(failing))).toEqual(['GAS_TEST_FAILED', 'FLAMMABLE_OVER_LIMIT']);
  });

  it('bounds the validity by the managed level: an upgraded 二级 gets 8 h', () => {
    const evening = { validFrom: at('2025-06-10T14:00:00'), validTo: at('2025-06-10T22:00:00') };
    const declaredLevel2 = hotWork({ ...evening, level: 'LEVEL_2' });
    expect(approve(declaredLevel2, { qualificationResults: allPass(declaredLevel2) })).toEqual({
      allowed: false,
      reasons: [expect.objectContaining({ code: 'LEVEL_TOO_LOW', detail: 'LEVEL_1' })],
    });
    const level1 = hotWork({ ...evening, level: 'LEVEL_1' });
    expect(approve(level1, { qualificationResults: allPass(level1) })).toMatchObject({ allowed: true });
    const tooLong = hotWork({ ...evening, validTo: after(evening.validTo, SECOND), level: 'LEVEL_1' });
    expect(codes(approve(tooLong, { qualificationResults: allPass(tooLong) }))).toEqual([
      'VALIDITY_TOO_LONG',
    ]);
    // A stricter declared level is accepted and bounds the validity.
    const special = hotWork({ level: 'SPECIAL', validTo: after(VALID_FROM, 8 * HOUR + SECOND) });
    expect(codes(approve(special, { qualificationResults: allPass(special) }))).toEqual([
      'VALIDITY_TOO_LONG',
    ]);
  });

  it('lets a multi-day 二级 permit run 72 h when the work is planned in day shifts on working days', () => {
    const threeDays = {
      validFrom: at('2025-06-10T08:00:00'),
      validTo: at('2025-06-13T08:00:00'),
      workPeriods: [10, 11, 12].map((d) => ({
        from: at(`2025-06-${d}T08:00:00`),
        to: at(`2025-06-${d}T18:00:00`),
      })),
    };
    const permit = hotWork(threeDays);
    expect(approve(permit, { qualificationResults: allPass(permit) })).toMatchObject({ allowed: true });
    const longer = hotWork({ ...threeDays, validTo: after(threeDays.validTo, SECOND) });
    expect(codes(approve(longer, { qualificationResults: allPass(longer) }))).toEqual(['VALIDITY_TOO_LONG']);
    const roundTheClock = hotWork({ ...threeDays, workPeriods: null });
    expect(codes(approve(roundTheClock, { qualificationResults: allPass(roundTheClock) }))).toEqual([
      'LEVEL_TOO_LOW',
      'VALIDITY_TOO_LONG',
    ]);
  });

  it('upgrades on holidays and refuses when the calendar does not cover the work', () => {
    const holiday = hotWork({ validFrom: at('2025-10-01T09:00:00'), validTo: at('2025-10-01T12:00:00') });
    expect(codes(approve(holiday, { qualificationResults: allPass(holiday) }))).toEqual(['LEVEL_TOO_LOW']);
    const uncovered = hotWork({ validFrom: at('2025-07-01T09:00:00'), validTo: at('2025-07-01T12:00:00') });
    expect(codes(approve(uncovered, { qualificationResults: allPass(uncovered) }))).toEqual([
      'CALENDAR_MISSING',
    ]);
    expect(codes(approve(hotWork(), { calendar: undefined }))).toEqual(['FACT_MISSING']);
  });

  it('lists every failing reason at once', () => {
    const permit = hotWork({
      purpose: 'PRODUCTION',
      workers: WORKERS.filter((w) => w.role !== 'GUARDIAN'),
      equipmentChecks: [],
    });
    expect(codes(approve(permit, { enterpriseStatus: 'SUSPENDED', qualificationResults: [] }))).toEqual([
      'QUALIFICATION_NOT_CHECKED',
      'QUALIFICATION_NOT_CHECKED',
      'QUALIFICATION_NOT_CHECKED',
      'QUALIFICATION_NOT_CHECKED',
      'ENTERPRISE_STOPPED_PURPOSE',
      'GUARDIAN_MISSING',
      'EQUIPMENT_CHECK_MISSING',
    ]);
  });

  it('refuses a malformed night-hours setting instead of ignoring the night', () => {
    expect(() => overlapsNight({ from: NOW, to: VALID_TO }, { from: '8pm', to: '08:00' })).toThrow(
      RangeError,
    );
    const decision = approve(hotWork(), { nightHours: { from: '8pm', to: '08:00' } });
    expect(decision).toEqual({
      allowed: false,
      reasons: [expect.objectContaining({ code: 'FACT_MISSING', detail: expect.stringContaining('8pm') })],
    });
  });

  it('never throws on malformed readings', () => {
    const permit = hotWork({
      gasTests: [{ ...passingTest, flammables: [{ reading: 'abc', unit: 'PCT_VOL', lelPctVol: '5' }] }],
    });
    expect(codes(approve(permit))).toEqual(['FACT_MISSING']);
  });
});

describe('start, resumption and the other guards', () => {
  const start = (permit: PermitFacts, overrides: Partial<PermitContext> = {}) =>
    decidePermitTransition(permit, 'IN_PROGRESS', 'GUARDIAN', context(permit, overrides));

  it('starts only within validity and with a fresh enough gas test', () => {
    const approved = hotWork({ status: 'APPROVED' });
    expect(codes(start(approved, { now: at('2025-06-10T08:59:59') }))).toEqual(['NOT_YET_VALID']);
    expect(codes(start(approved, { now: at('2025-06-10T09:20:01') }))).toEqual(['GAS_TEST_TOO_OLD']);
    expect(start(approved, { now: at('2025-06-10T09:20:00') })).toMatchObject({ allowed: true });
    expect(codes(start(approved, { now: after(VALID_TO, 1) }))).toEqual([
      'VALIDITY_PASSED',
      'GAS_TEST_TOO_OLD',
    ]);
    expect(codes(start(hotWork({ status: 'APPROVED', level: 'SPECIAL' })))).toEqual([
      'CONTINUOUS_MONITORING_REQUIRED',
    ]);
    expect(
      start(hotWork({ status: 'APPROVED', level: 'SPECIAL' }), { continuousMonitoring: true }),
    ).toMatchObject({
      allowed: true,
    });
  });

  it('enters a confined space with a passing test no older than 30 min, under continuous monitoring', () => {
    const confined = hotWork({ type: 'CONFINED_SPACE', status: 'APPROVED', level: null });
    expect(codes(start(confined))).toEqual(['CONTINUOUS_MONITORING_REQUIRED']);
    expect(start(confined, { continuousMonitoring: true })).toMatchObject({ allowed: true });
    // Re-entry after a suspension needs a new test.
    const resumed = decidePermitTransition(
      { ...confined, status: 'SUSPENDED' },
      'IN_PROGRESS',
      'GUARDIAN',
      context(confined, { continuousMonitoring: true }),
    );
    expect(codes(resumed)).toEqual(['GAS_TEST_REANALYSIS_REQUIRED']);
  });

  it.each([
    [60 * 60 * SECOND, true],
    [61 * 60 * SECOND, false],
  ])('二级 resumes after a %d ms break without a new test: %s', (breakMs, allowed) => {
    const now = at('2025-06-10T10:30:00');
    const permit = hotWork({ status: 'SUSPENDED', suspendedAt: new Date(now.getTime() - breakMs) });
    const decision = start(permit, { now });
    expect(decision.allowed).toBe(allowed);
    if (!allowed) expect(codes(decision)).toContain('GAS_TEST_REANALYSIS_REQUIRED');
    expect(codes(start(hotWork({ status: 'SUSPENDED', suspendedAt: null }), { now }))).toEqual([
      'FACT_MISSING',
    ]);
  });

  it('needs a reason to revoke, and notifies the guardian', () => {
    const live = hotWork({ status: 'IN_PROGRESS' });
    expect(
      codes(decidePermitTransition(live, 'REVOKED', 'REGULATOR', context(live, { reasonText: '  ' }))),
    ).toEqual(['REASON_REQUIRED']);
    expect(decidePermitTransition(live, 'REVOKED', 'REGULATOR', context(live))).toEqual({
      allowed: true,
      effects: ['NOTIFY_GUARDIAN'],
    });
  });

  it('closes only after the site check, and expires only once validTo has passed', () => {
    const completed = hotWork({ status: 'COMPLETED' });
    expect(
      codes(
        decidePermitTransition(completed, 'CLOSED', 'ISSUER', context(completed, { siteChecked: false })),
      ),
    ).toEqual(['SITE_NOT_CHECKED']);
    const open = hotWork({ status: 'IN_PROGRESS' });
    expect(
      codes(decidePermitTransition(open, 'EXPIRED', 'SYSTEM', context(open, { now: VALID_TO }))),
    ).toEqual(['NOT_EXPIRED']);
    expect(
      decidePermitTransition(open, 'EXPIRED', 'SYSTEM', context(open, { now: after(VALID_TO, 1) })),
    ).toMatchObject({
      allowed: true,
    });
    expect(
      codes(
        decidePermitTransition(
          completed,
          'EXPIRED',
          'SYSTEM',
          context(completed, { now: after(VALID_TO, 1) }),
        ),
      ),
    ).toEqual(['TRANSITION_NOT_ALLOWED']);
  });
});

describe('P-2 certificate invalidated', () => {
  const permits = [
    { permitId: 'approved', status: 'APPROVED' as const, workers: WORKERS },
    { permitId: 'running', status: 'IN_PROGRESS' as const, workers: WORKERS },
    { permitId: 'done', status: 'COMPLETED' as const, workers: WORKERS },
    { permitId: 'draft', status: 'DRAFT' as const, workers: WORKERS },
    {
      permitId: 'others',
      status: 'IN_PROGRESS' as const,
      workers: [worker('someone', 'EXECUTOR'), worker('g2', 'GUARDIAN')],
    },
  ];

  it.each([
    ['EXPIRED', ['approved', 'running']],
    ['REVIEW_OVERDUE', ['approved', 'running']],
    ['REVIEW_FAILED', ['approved', 'running']],
    ['SUSPENDED', ['approved', 'running']],
    ['REVOKED', ['approved', 'running']],
    ['VALID', []],
    ['REVIEW_WINDOW', []],
  ])('a certificate turning %s revokes %o', (newStatus, expected) => {
    const revocations = permitsToRevoke({ certificateId: 'c-1', personId: 'welder', newStatus }, permits);
    expect(revocations.map((r) => r.permitId)).toEqual(expected);
    for (const revocation of revocations) {
      expect(revocation.notifyPersonIds).toEqual(['guardian']);
      expect(revocation.reason).toMatchObject({
        code: 'CERTIFICATE_INVALIDATED',
        personId: 'welder',
        detail: newStatus,
      });
    }
  });

  it('follows the qualification snapshot when the permit kept one', () => {
    const snapshot = (ids: string[]) => [{ ...WORKERS[0]!, certificateIds: ids }, WORKERS[1]!];
    const kept = [
      { permitId: 'relied', status: 'APPROVED' as const, workers: snapshot(['c-1']) },
      { permitId: 'unrelated', status: 'APPROVED' as const, workers: snapshot(['c-forklift']) },
    ];
    const revocations = permitsToRevoke(
      { certificateId: 'c-1', personId: 'welder', newStatus: 'EXPIRED' },
      kept,
    );
    expect(revocations.map((r) => r.permitId)).toEqual(['relied']);
  });
});

describe('P-3 unlicensed worker on a live operation', () => {
  const finding = {
    enterpriseId: 'ent-1',
    personId: 'welder',
    engagedBy: contractor,
    permitId: 'permit-7',
    operation: '焊接',
    foundAt: at('2025-06-10T10:00:00'),
    foundBy: 'enforcer-1',
    failures: ['NO_CERTIFICATE'],
  };

  it.each([
    ['INDUSTRY_TRADE', 'MAJOR', '应急管理部令第10号', '3(2)'],
    ['METALLURGY', 'MAJOR', '应急管理部令第10号', '3(2)'],
    ['HAZCHEM_PRODUCTION', 'MAJOR', '安监总管三〔2017〕121号（化工和危险化学品）', '2'],
    ['HAZCHEM_STORAGE_TRADE', 'MAJOR', '安监总管三〔2017〕121号（化工和危险化学品）', '2'],
    ['CONSTRUCTION', 'GENERAL', null, null],
  ])('%s: a %s hazard under %s %s', (industryCode, grade, standardCode, clauseNo) => {
    const outcome = unlicensedWorkerOutcome({ ...finding, industryCode });
    expect(outcome.hazard).toMatchObject({
      enterpriseId: 'ent-1',
      grade,
      determination: standardCode ? 'STANDARD_CLAUSE' : null,
      source: 'GOV_INSPECTION',
      initialStatus: 'CONFIRMED',
    });
    expect(outcome.hazard.criterion?.standardCode ?? null).toBe(standardCode);
    expect(outcome.hazard.criterion?.clauseNo ?? null).toBe(clauseNo);
    expect(outcome.hazard.description).toBe('作业人员无有效证书从事焊接（无所需证书），由甘肃某安装公司招用');
  });

  it('proposes the accountability case against the unit that hired the worker', () => {
    expect(
      unlicensedWorkerOutcome({ ...finding, industryCode: 'INDUSTRY_TRADE' }).accountabilityCase,
    ).toEqual({
      trigger: 'UNLICENSED_WORKER_HIRED',
      subject: contractor,
      enterpriseId: 'ent-1',
      personId: 'welder',
      permitId: 'permit-7',
      basisZh: '谁招请无证人员，谁负责任',
    });
  });
});
