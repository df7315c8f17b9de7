import { describe, expect, it } from 'vitest';
import { CertificateCategory as C, CertificateStatus as S } from '../certificates/certificate.enums.js';
import { ThreeLevelStatus as T } from '../three-level/three-level.enums.js';
import { SpecialWorkType } from '../training-records/training-record.enums.js';
import { QualificationFailure as F } from './qualification.enums.js';
import {
  addMonths,
  decideQualification,
  type GateCertificate,
  type GateEmployment,
  type GateThreeLevel,
  gateStatus,
  isOffPostOver6Months,
  lastDayOnPost,
  type QualificationFacts,
} from './qualification.rules.js';

const AT = '2025-09-15';
const ENT = 'ent-a';
const OTHER = 'ent-b';
const HOT_WORK = { certType: C.SPECIAL_OPERATION, category: '焊接与热切割作业' };

const employment = (overrides: Partial<GateEmployment> = {}): GateEmployment => ({
  id: 'emp-1',
  enterpriseId: ENT,
  isHazardousPost: true,
  hireDate: '2020-01-01',
  leaveDate: null,
  lastWorkedAt: null,
  ...overrides,
});
const education = (overrides: Partial<GateThreeLevel> = {}): GateThreeLevel => ({
  employmentId: 'emp-1',
  enterpriseId: ENT,
  status: T.PASSED,
  passedAt: '2020-01-20',
  lastRefresherAt: '2025-03-01',
  ...overrides,
});
/** A welder's certificate issued 2023-01-10: review due 2026-01-10, valid to 2029-01-10. */
const welding = (overrides: Partial<GateCertificate> = {}): GateCertificate => ({
  id: 'cert-1',
  category: C.SPECIAL_OPERATION,
  operationType: '焊接与热切割作业',
  subType: '熔化焊接与热切割作业',
  number: 'T620620230001',
  issuedAt: '2023-01-10',
  validTo: '2029-01-10',
  nextReviewDue: '2026-01-10',
  revokedAt: null,
  ...overrides,
});
const facts = (overrides: Partial<QualificationFacts> = {}): QualificationFacts => ({
  at: AT,
  enterpriseId: ENT,
  requirement: HOT_WORK,
  person: { birthDate: '1990-05-01' },
  employments: [employment()],
  threeLevel: [education()],
  certificates: [welding()],
  ...overrides,
});

describe('qualification gate (domain §7.6)', () => {
  it('passes a qualified welder and names the certificate it rests on', () => {
    const decision = decideQualification(facts());
    expect(decision).toMatchObject({ ok: true, reasons: [] });
    expect(decision.evidence).toMatchObject({ id: 'cert-1', number: 'T620620230001', status: S.VALID });
  });

  it.each<[string, Partial<QualificationFacts>, F[]]>([
    // Certificates: only VALID and REVIEW_WINDOW count (§7.5), status evaluated on `at`.
    ['no certificate at all', { certificates: [] }, [F.NO_CERTIFICATE]],
    [
      'only a certificate of another type',
      { certificates: [welding({ category: C.SPECIAL_EQUIPMENT, operationType: 'N1 叉车司机' })] },
      [F.NO_CERTIFICATE],
    ],
    [
      'a certificate issued after the work day is not held yet',
      { certificates: [welding({ issuedAt: '2025-09-16' })] },
      [F.NO_CERTIFICATE],
    ],
    [
      'electrician instead of welder (wrong category for hot work)',
      { certificates: [welding({ operationType: '电工作业', subType: '低压电工作业' })] },
      [F.WRONG_CATEGORY],
    ],
    [
      'the right category but another item when an item is required',
      {
        requirement: { ...HOT_WORK, subType: '压力焊作业' },
      },
      [F.WRONG_CATEGORY],
    ],
    [
      'expired the day before (any → EXPIRED)',
      { certificates: [welding({ validTo: '2025-09-14', nextReviewDue: '2025-09-14' })] },
      [F.EXPIRED],
    ],
    [
      'review overdue on `at` although it was VALID when stored',
      { certificates: [welding({ issuedAt: '2022-09-10', nextReviewDue: '2025-09-14' })] },
      [F.REVIEW_OVERDUE],
    ],
    [
      'review refused (issuer decision)',
      { certificates: [welding({ decision: S.REVIEW_FAILED })] },
      [F.REVIEW_FAILED],
    ],
    [
      'suspended (issuer decision)',
      { certificates: [welding({ decision: S.SUSPENDED })] },
      [F.SUSPENDED_OR_REVOKED],
    ],
    [
      'revoked',
      { certificates: [welding({ revokedAt: new Date('2025-05-01T02:00:00Z') })] },
      [F.SUSPENDED_OR_REVOKED],
    ],
    // Employment and three-level education: every role (§5.9).
    [
      'no employment anywhere',
      { employments: [], threeLevel: [] },
      [F.THREE_LEVEL_NOT_PASSED, F.NOT_EMPLOYED_OR_CONTRACTED],
    ],
    [
      'employed at another enterprise only',
      {
        employments: [employment({ enterpriseId: OTHER })],
        threeLevel: [education({ enterpriseId: OTHER })],
      },
      [F.THREE_LEVEL_NOT_PASSED, F.NOT_EMPLOYED_OR_CONTRACTED],
    ],
    [
      'left the enterprise the day before',
      { employments: [employment({ leaveDate: '2025-09-14' })] },
      [F.THREE_LEVEL_NOT_PASSED, F.NOT_EMPLOYED_OR_CONTRACTED],
    ],
    [
      'hired the day after',
      { employments: [employment({ hireDate: '2025-09-16' })] },
      [F.THREE_LEVEL_NOT_PASSED, F.NOT_EMPLOYED_OR_CONTRACTED],
    ],
    [
      'three-level education still in progress',
      { threeLevel: [education({ status: T.IN_PROGRESS })] },
      [F.THREE_LEVEL_NOT_PASSED],
    ],
    [
      'three-level education must be redone',
      { threeLevel: [education({ status: T.REDO_REQUIRED })] },
      [F.THREE_LEVEL_NOT_PASSED],
    ],
    [
      'three-level education of another employment does not count',
      { threeLevel: [education({ employmentId: 'emp-old' })] },
      [F.THREE_LEVEL_NOT_PASSED],
    ],
    [
      'annual refresher 31 days overdue',
      { threeLevel: [education({ lastRefresherAt: '2024-08-15' })] },
      [F.THREE_LEVEL_NOT_PASSED],
    ],
    // Age: special operations require adults [K].
    ['17 years old, birthday tomorrow', { person: { birthDate: '2007-09-16' } }, [F.UNDER_18]],
    ['birth date unknown: cannot prove adulthood', { person: { birthDate: null } }, [F.UNDER_18]],
    // Off post (§7.5): last on post 15 Mar, work on 15 Sep.
    [
      'off the welding post since 15 Mar',
      { employments: [employment({ lastWorkedAt: '2025-03-15' })] },
      [F.OFF_POST_OVER_6_MONTHS],
    ],
    // Several at once, in the order of §7.6.
    [
      'an unemployed minor holding only an expired electrician certificate',
      {
        person: { birthDate: '2008-01-01' },
        employments: [],
        threeLevel: [],
        certificates: [welding({ operationType: '电工作业', validTo: '2025-01-01' })],
      },
      [F.WRONG_CATEGORY, F.THREE_LEVEL_NOT_PASSED, F.NOT_EMPLOYED_OR_CONTRACTED, F.UNDER_18],
    ],
  ])('%s → %o', (_, overrides, reasons) => {
    const decision = decideQualification(facts(overrides));
    expect(decision.reasons).toEqual(reasons);
    expect(decision.ok).toBe(false);
  });

  it.each<[string, Partial<QualificationFacts>]>([
    ['in the review window (counts as valid)', { certificates: [welding({ nextReviewDue: '2025-10-01' })] }],
    ['on the review day itself', { certificates: [welding({ issuedAt: '2022-09-15', nextReviewDue: AT })] }],
    ['on the last valid day', { certificates: [welding({ validTo: AT, nextReviewDue: AT })] }],
    ['issued on the work day', { certificates: [welding({ issuedAt: AT })] }],
    ['18 today', { person: { birthDate: '2007-09-15' } }],
    ['hired on the work day', { employments: [employment({ hireDate: AT })] }],
    ['leaves on the work day (last day worked)', { employments: [employment({ leaveDate: AT })] }],
    ['refresher exactly 30 days overdue', { threeLevel: [education({ lastRefresherAt: '2024-08-16' })] }],
    [
      'no refresher yet, passed within the year',
      { threeLevel: [education({ passedAt: '2025-01-01', lastRefresherAt: null })] },
    ],
    [
      'off post since 16 Mar: 6 months not yet reached',
      { employments: [employment({ lastWorkedAt: '2025-03-16' })] },
    ],
    [
      'a past employment elsewhere beside the active one',
      {
        employments: [
          employment({ id: 'emp-0', enterpriseId: OTHER, leaveDate: '2019-12-31' }),
          employment(),
        ],
      },
    ],
    [
      'an old expired certificate beside a valid new one',
      {
        certificates: [
          welding({ id: 'old', issuedAt: '2015-01-01', validTo: '2021-01-01', nextReviewDue: '2021-01-01' }),
          welding(),
        ],
      },
    ],
    [
      'an electrician certificate beside the welding one',
      { certificates: [welding({ id: 'elec', operationType: '电工作业' }), welding()] },
    ],
    ['the required item matches', { requirement: { ...HOT_WORK, subType: '熔化焊接与热切割作业' } }],
    ['any category of the type when none is required', { requirement: { certType: C.SPECIAL_OPERATION } }],
  ])('passes: %s', (_, overrides) => {
    expect(decideQualification(facts(overrides))).toMatchObject({ ok: true, reasons: [] });
  });

  it('without a requirement checks only employment and three-level education', () => {
    const bare = { requirement: null, certificates: [], person: { birthDate: '2010-01-01' } };
    expect(decideQualification(facts(bare))).toEqual({ ok: true, reasons: [], evidence: null });
    expect(decideQualification(facts({ ...bare, employments: [] })).reasons).toEqual([
      F.THREE_LEVEL_NOT_PASSED,
      F.NOT_EMPLOYED_OR_CONTRACTED,
    ]);
    // Off post matters only for special operations.
    const offPost = { employments: [employment({ lastWorkedAt: '2024-01-01' })] };
    expect(decideQualification(facts({ ...bare, ...offPost })).ok).toBe(true);
    expect(
      decideQualification(
        facts({
          ...offPost,
          requirement: { certType: C.SPECIAL_EQUIPMENT, category: 'N1 叉车司机' },
          certificates: [
            welding({
              category: C.SPECIAL_EQUIPMENT,
              operationType: 'N1 叉车司机',
              subType: null,
              nextReviewDue: null,
            }),
          ],
        }),
      ).reasons,
    ).toEqual([]);
  });

  it('answers an unknown person (or one outside the caller scope) as not employed, without evidence', () => {
    expect(decideQualification(facts({ person: null }))).toEqual({
      ok: false,
      reasons: [F.NOT_EMPLOYED_OR_CONTRACTED],
      evidence: null,
    });
  });

  it('rests on the valid certificate lasting longest, else on the latest issued, with its status on `at`', () => {
    const older = welding({
      id: 'older',
      issuedAt: '2020-01-01',
      validTo: '2026-01-01',
      nextReviewDue: '2026-01-01',
    });
    const newer = welding({
      id: 'newer',
      issuedAt: '2024-01-01',
      validTo: '2030-01-01',
      nextReviewDue: '2027-01-01',
    });
    expect(decideQualification(facts({ certificates: [older, newer] })).evidence?.id).toBe('newer');
    const revokedNew = { ...newer, revokedAt: new Date('2025-06-01T00:00:00Z') };
    const expiredOld = { ...older, validTo: '2025-01-01', nextReviewDue: '2025-01-01' };
    const decision = decideQualification(facts({ certificates: [expiredOld, revokedNew] }));
    expect(decision.evidence).toMatchObject({ id: 'newer', status: S.REVOKED });
    expect(decision.reasons).toEqual([F.SUSPENDED_OR_REVOKED]);
    // A wrong category still shows what is held.
    const electrician = welding({ id: 'elec', operationType: '电工作业' });
    expect(decideQualification(facts({ certificates: [electrician] })).evidence?.id).toBe('elec');
  });
});

describe('issuer decisions on the status (domain §7.5)', () => {
  it.each([
    [null, '2025-09-15', S.VALID],
    [S.SUSPENDED, '2025-09-15', S.SUSPENDED],
    [S.REVIEW_FAILED, '2025-09-15', S.REVIEW_FAILED],
    [S.REVIEW_FAILED, '2029-01-11', S.EXPIRED],
  ] as const)('decision %s on %s → %s', (decision, day, status) => {
    expect(gateStatus(welding({ decision }), day)).toBe(status);
  });
  it('revocation wins over any decision', () => {
    expect(gateStatus(welding({ decision: S.SUSPENDED, revokedAt: new Date() }), AT)).toBe(S.REVOKED);
  });
});

describe('off post for 6 months or more (domain §7.5, 令第30号)', () => {
  it.each([
    // The spec's own example: leaving 15 Mar, returning 15 Sep triggers; 14 Sep does not.
    ['2025-03-15', '2025-09-15', true],
    ['2025-03-15', '2025-09-14', false],
    // Month ends (民法典 第202条): 31 Aug + 6 months is 28/29 Feb.
    ['2024-08-31', '2025-02-28', true],
    ['2024-08-31', '2025-02-27', false],
    ['2023-08-31', '2024-02-29', true],
    ['2023-08-31', '2024-02-28', false],
  ])('last on post %s, work on %s → %s', (lastWorkedAt, day, off) => {
    expect(isOffPostOver6Months([employment({ lastWorkedAt })], day)).toBe(off);
  });

  it.each<[string, GateEmployment[], string | null]>([
    ['still on post', [employment()], AT],
    ['left a hazardous post on 15 Mar', [employment({ leaveDate: '2025-03-15' })], '2025-03-15'],
    [
      'left, with the last permit earlier',
      [employment({ leaveDate: '2025-03-15', lastWorkedAt: '2025-02-01' })],
      '2025-02-01',
    ],
    [
      'non-hazardous posts do not count',
      [employment({ isHazardousPost: false, lastWorkedAt: '2024-01-01' })],
      null,
    ],
    [
      'the latest across enterprises counts',
      [
        employment({ lastWorkedAt: '2024-01-01' }),
        employment({ id: 'emp-2', enterpriseId: OTHER, leaveDate: '2025-06-30' }),
      ],
      '2025-06-30',
    ],
    ['an employment starting later is ignored', [employment({ hireDate: '2025-10-01' })], null],
  ])('%s → last day on post %s', (_, employments, last) => {
    expect(lastDayOnPost(employments, AT)).toBe(last);
  });

  it.each([
    ['2025-03-15', 6, '2025-09-15'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2025-12-31', 2, '2026-02-28'],
    ['2025-01-31', -2, '2024-11-30'],
  ] as const)('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  describe('a permit guardian’s special-work training (domain §5.9) [D]', () => {
    const guardian = (overrides: Partial<QualificationFacts> = {}) =>
      facts({
        requirement: null,
        certificates: [],
        specialWorkTraining: SpecialWorkType.HOT_WORK,
        ...overrides,
      });
    const trained = {
      id: 'tr-1',
      specialWorkType: SpecialWorkType.HOT_WORK,
      passed: true,
      completedOn: '2025-03-01',
    };

    it('passes with a passed record of the type within the year and names it', () => {
      const decision = decideQualification(guardian({ trainingRecords: [trained] }));
      expect(decision).toMatchObject({
        ok: true,
        reasons: [],
        evidence: null,
        trainingEvidence: { id: 'tr-1' },
      });
    });

    it('fails without one, or when it is older than a year, besides employment and education', () => {
      expect(decideQualification(guardian({ trainingRecords: [] })).reasons).toEqual([
        F.NO_SPECIAL_WORK_TRAINING,
      ]);
      expect(
        decideQualification(guardian({ trainingRecords: [{ ...trained, completedOn: '2024-09-14' }] }))
          .reasons,
      ).toEqual([F.SPECIAL_WORK_TRAINING_EXPIRED]);
      expect(
        decideQualification(guardian({ employments: [], trainingRecords: [{ ...trained, passed: false }] }))
          .reasons,
      ).toEqual([F.THREE_LEVEL_NOT_PASSED, F.NOT_EMPLOYED_OR_CONTRACTED, F.NO_SPECIAL_WORK_TRAINING]);
    });
  });
});
