import { demoEnterprise } from '@safety/reference';
import {
  describeScopeHarness,
  errorCodes,
  gql,
  rootField,
  sqlStatements,
  startTestSubgraph,
  type TestSubgraph,
} from '@safety/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hazardSubgraph } from '../src/subgraph.js';

const TODAY = '2025-06-30';
process.env.DEMO_TODAY = TODAY;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(hazardSubgraph);
});
afterAll(() => subgraph?.stop());

const token = (username: string) => subgraph.authority.tokenFor(username);
const call = async (username: string, query: string, input: Record<string, unknown>) =>
  gql(subgraph.url, query, { input }, await token(username));
const ok = async (username: string, query: string, input: Record<string, unknown>) => {
  const response = await call(username, query, input);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return rootField(response);
};
const FIELDS = `id code status decision mandatory conditions decisionReason version enterpriseId industryCode
  expertOpinions { expertName } threeSimultaneity { preEvaluationAt safetyDesignReviewedAt completionAcceptanceAt }`;
const M = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { ${FIELDS} } }`;
const SUBMIT = M('submitProjectReview', 'SubmitProjectReviewInput');
const ASSESS = M('startProjectAssessment', 'StartProjectAssessmentInput');
const EXPERTS = M('requestExpertReview', 'RequestExpertReviewInput');
const OPINION = M('addExpertOpinion', 'AddExpertOpinionInput');
const DECIDE = M('reviewProject', 'DecideProjectInput');
const BUILD = M('startProjectConstruction', 'StartProjectConstructionInput');
const ACCEPT = M('acceptProject', 'AcceptProjectInput');
const FILE = 'ef'.repeat(32);

async function toExpertReview(enterpriseKey: string, opinions: number) {
  let review = await ok('saco.demo', SUBMIT, {
    projectName: '测试项目（测试）',
    ownerEntity: demoEnterprise(enterpriseKey).name,
    enterpriseId: demoEnterprise(enterpriseKey).id,
    stage: 'PROJECT_APPROVAL',
    preEvaluationAt: '2025-05-01',
  });
  const noReport = await call('saco.demo', ASSESS, { reviewId: review.id, expectedVersion: review.version });
  expect(noReport.errors?.[0]?.extensions?.fields).toHaveProperty('riskAssessmentFileId');
  review = await ok('saco.demo', ASSESS, {
    reviewId: review.id,
    expectedVersion: review.version,
    riskAssessmentFileId: FILE,
  });
  review = await ok('saco.demo', EXPERTS, { reviewId: review.id, expectedVersion: review.version });
  for (let i = 0; i < opinions; i++)
    review = await ok('saco.demo', OPINION, {
      reviewId: review.id,
      expectedVersion: review.version,
      expertName: `专家${i}（测试）`,
      opinion: '同意（测试）',
    });
  return review;
}

describe('project safety reviews (domain §5.10)', () => {
  it('seeds reviews in every state with one veto', async () => {
    const response = await gql(
      subgraph.url,
      `{ projectReviews(first: 50) { totalCount nodes { ${FIELDS} } } }`,
      {},
      await token('saco.demo'),
    );
    const nodes = response.data.projectReviews.nodes;
    expect(nodes.map((n: any) => n.status).sort()).toEqual(
      ['ACCEPTED', 'ASSESSING', 'CONSTRUCTION', 'DECIDED', 'EXPERT_REVIEW', 'SUBMITTED'].sort(),
    );
    expect(nodes.filter((n: any) => n.decision === 'VETO')).toHaveLength(1);
    for (const n of nodes) expect(n.code).toMatch(/^XM-20\d\d-\d{3}$/);
  });

  it('runs a mandatory-scope project to acceptance with 三同时, conditions and expert opinions', async () => {
    let review = await toExpertReview('chem2', 2);
    expect(review.mandatory).toBe(true);
    const tooFew = await call('saco.demo', DECIDE, {
      reviewId: review.id,
      expectedVersion: review.version,
      decision: 'APPROVE',
    });
    expect(tooFew.errors?.[0]?.extensions?.fields).toHaveProperty('expertOpinions');
    review = await ok('saco.demo', OPINION, {
      reviewId: review.id,
      expectedVersion: review.version,
      expertName: '专家2（测试）',
      opinion: '同意（测试）',
    });
    const noConditions = await call('saco.demo', DECIDE, {
      reviewId: review.id,
      expectedVersion: review.version,
      decision: 'APPROVE_WITH_CONDITIONS',
    });
    expect(noConditions.errors?.[0]?.extensions?.fields).toHaveProperty('conditions');
    const enterprise = await call('ent.chem1.manager.demo', DECIDE, {
      reviewId: review.id,
      expectedVersion: review.version,
      decision: 'APPROVE',
    });
    expect(errorCodes(enterprise)).toEqual(['FORBIDDEN']);
    review = await ok('saco.demo', DECIDE, {
      reviewId: review.id,
      expectedVersion: review.version,
      decision: 'APPROVE_WITH_CONDITIONS',
      conditions: ['设置紧急切断装置'],
    });
    expect(review).toMatchObject({ status: 'DECIDED', decision: 'APPROVE_WITH_CONDITIONS' });
    const noDesign = await call('saco.demo', BUILD, { reviewId: review.id, expectedVersion: review.version });
    expect(noDesign.errors?.[0]?.extensions?.fields).toHaveProperty('safetyDesignReviewedAt');
    review = await ok('saco.demo', BUILD, {
      reviewId: review.id,
      expectedVersion: review.version,
      safetyDesignReviewedAt: '2025-06-10',
    });
    expect(review.status).toBe('CONSTRUCTION');
    const early = await call('saco.demo', ACCEPT, {
      reviewId: review.id,
      expectedVersion: review.version,
      completionAcceptanceAt: '2025-06-01',
    });
    expect(early.errors?.[0]?.extensions?.fields).toHaveProperty('completionAcceptanceAt');
    review = await ok('saco.demo', ACCEPT, {
      reviewId: review.id,
      expectedVersion: review.version,
      completionAcceptanceAt: '2025-06-28',
    });
    expect(review).toMatchObject({
      status: 'ACCEPTED',
      threeSimultaneity: {
        preEvaluationAt: '2025-05-01',
        safetyDesignReviewedAt: '2025-06-10',
        completionAcceptanceAt: '2025-06-28',
      },
    });
  });

  it('one-vote veto: emits ProjectVetoed and the project is never built', async () => {
    let review = await toExpertReview('it1', 1);
    expect(review.mandatory).toBe(false);
    const noReason = await call('saco.demo', DECIDE, {
      reviewId: review.id,
      expectedVersion: review.version,
      decision: 'VETO',
    });
    expect(noReason.errors?.[0]?.extensions?.fields).toHaveProperty('reason');
    review = await ok('saco.demo', DECIDE, {
      reviewId: review.id,
      expectedVersion: review.version,
      decision: 'VETO',
      reason: '选址位于人员密集区，重大安全风险（测试）',
    });
    expect(review).toMatchObject({ status: 'DECIDED', decision: 'VETO' });
    const events = await subgraph.runtime.dataSource.query(
      `SELECT type, payload FROM event_log WHERE payload->>'reviewId' = $1`,
      [review.id],
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'ProjectVetoed',
      payload: { vetoKind: 'PROJECT_RISK_VETO', enterpriseId: demoEnterprise('it1').id },
    });
    const build = await call('saco.demo', BUILD, {
      reviewId: review.id,
      expectedVersion: review.version,
      safetyDesignReviewedAt: '2025-06-10',
    });
    expect(errorCodes(build)).toEqual(['CONFLICT']);
    const stale = await call('saco.demo', EXPERTS, { reviewId: review.id, expectedVersion: 1 });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const unknown = await call('saco.demo', EXPERTS, {
      reviewId: '00000000-0000-4000-8000-000000000000',
      expectedVersion: 1,
    });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
  });

  it('lists reviews in a constant number of statements for 5 or 50 rows', async () => {
    for (let i = 0; i < 44; i++)
      await ok('saco.demo', SUBMIT, {
        projectName: `批量项目${i}（测试）`,
        ownerEntity: '测试',
        enterpriseId: demoEnterprise(i % 2 ? 'it2' : 'cons1').id,
        stage: 'PLANNING',
      });
    const saco = await token('saco.demo');
    const measure = async (first: number) => {
      let response: any;
      const statements = await sqlStatements(subgraph.runtime.dataSource, async () => {
        response = await gql(
          subgraph.url,
          `query($f: Int) { projectReviews(first: $f) { nodes { ${FIELDS} } } }`,
          { f: first },
          saco,
        );
      });
      expect(response.data.projectReviews.nodes).toHaveLength(first);
      return statements.length;
    };
    const five = await measure(5);
    const fifty = await measure(50);
    console.info(`projectReviews: ${five} statements for 5, ${fifty} for 50`);
    expect(fifty).toBe(five);
  });

  describeScopeHarness({
    subgraph: () => subgraph,
    connections: [{ field: 'projectReviews', typename: 'ProjectSafetyReview', byIdField: 'projectReview' }],
  });
});
