import { describe, expect, it } from 'vitest';
import {
  acceptanceProblems,
  constructionProblems,
  decisionProblems,
  expertOpinionsRequired,
  inMandatoryScope,
  PROJECT_TRANSITIONS,
  projectReviewCode,
} from './project-review.rules.js';

describe('project safety review rules (domain §5.10)', () => {
  it('runs SUBMITTED → ASSESSING → EXPERT_REVIEW → DECIDED → CONSTRUCTION → ACCEPTED', () => {
    const chain = Object.values(PROJECT_TRANSITIONS).map((t) => t.from);
    expect([...chain, 'ACCEPTED']).toEqual([
      'SUBMITTED',
      'ASSESSING',
      'EXPERT_REVIEW',
      'DECIDED',
      'CONSTRUCTION',
      'ACCEPTED',
    ]);
    expect(projectReviewCode(2025, 3)).toBe('XM-2025-003');
  });

  it('puts hazchem, mines, fireworks, construction and crowded places in the mandatory scope', () => {
    for (const code of [
      'HAZCHEM_PRODUCTION',
      'FUEL_STATION',
      'COAL_MINE',
      'NON_COAL_MINE',
      'FIREWORKS',
      'CONSTRUCTION',
      'CROWDED_PLACE',
    ])
      expect(inMandatoryScope(code), code).toBe(true);
    for (const code of ['INDUSTRY_TRADE', 'LOGISTICS', 'AGRI_MACHINERY'])
      expect(inMandatoryScope(code), code).toBe(false);
    expect(expertOpinionsRequired(true)).toBe(3);
    expect(expertOpinionsRequired(false)).toBe(1);
  });

  it('guards the decision: opinions, conditions, the veto reason', () => {
    const base = {
      mandatory: true,
      expertOpinionCount: 3,
      decision: 'APPROVE' as const,
      conditions: [],
      reason: null,
    };
    expect(decisionProblems(base)).toEqual({});
    expect(decisionProblems({ ...base, expertOpinionCount: 2 })).toHaveProperty('expertOpinions');
    expect(decisionProblems({ ...base, mandatory: false, expertOpinionCount: 1 })).toEqual({});
    expect(decisionProblems({ ...base, decision: 'APPROVE_WITH_CONDITIONS' })).toHaveProperty('conditions');
    expect(decisionProblems({ ...base, conditions: ['x'] })).toHaveProperty('conditions');
    expect(decisionProblems({ ...base, decision: 'VETO' })).toHaveProperty('reason');
    expect(decisionProblems({ ...base, decision: 'VETO', reason: '距居民区不足安全距离' })).toEqual({});
  });

  it('三同时: design review before construction, acceptance at completion', () => {
    const ok = {
      decision: 'APPROVE' as const,
      preEvaluationAt: '2025-01-10',
      safetyDesignReviewedAt: '2025-02-01',
    };
    expect(constructionProblems(ok)).toEqual({});
    expect(constructionProblems({ ...ok, decision: 'VETO' })).toHaveProperty('decision');
    expect(constructionProblems({ ...ok, safetyDesignReviewedAt: null })).toHaveProperty(
      'safetyDesignReviewedAt',
    );
    expect(constructionProblems({ ...ok, safetyDesignReviewedAt: '2025-01-01' })).toHaveProperty(
      'safetyDesignReviewedAt',
    );
    expect(
      acceptanceProblems({ safetyDesignReviewedAt: '2025-02-01', completionAcceptanceAt: null }),
    ).toHaveProperty('completionAcceptanceAt');
    expect(
      acceptanceProblems({ safetyDesignReviewedAt: '2025-02-01', completionAcceptanceAt: '2025-09-01' }),
    ).toEqual({});
  });
});
