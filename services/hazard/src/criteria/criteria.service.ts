import { badUserInput, type ConnectionShape, encodeCursor, type SubgraphContext } from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { CombinedJudgementGroup, MajorHazardCriterion, MajorHazardStandard } from './criteria.entity.js';
import type { CriteriaArgs, ProposeHazardGradeArgs } from './criteria.inputs.js';
import { partialCatalogue } from './criteria.persistence.js';
import {
  criterionProblem,
  filterBySearch,
  type GradeProposal,
  proposalReasons,
  proposeGrade,
  toLocalDate,
} from './criteria.rules.js';

/** A grade proposal as GraphQL returns it: the outcome of `proposeGrade` and the reasons for it. */
export interface GradeProposalView {
  kind: GradeProposal['kind'];
  grade: 'GENERAL' | 'MAJOR' | null;
  judgement: 'DIRECT' | 'COMBINED' | null;
  criterionId: string | null;
  groupId: string | null;
  threshold: number | null;
  counted: string[];
  count: number | null;
  problemCode: string | null;
  problemSubject: string | null;
  reasons: string[];
}

/**
 * The persisted criteria catalogue (domain §5.7.1). Reference data: readable by every signed-in user,
 * not scoped (it belongs to no enterprise); the rules of `criteria.rules.ts` decide over the rows.
 */
export class CriteriaService {
  constructor(private readonly context: SubgraphContext) {}

  /**
   * The picker list: industry, day and standard filter in SQL; the search (NFKC, clause hits first) is
   * the pure rule's, over the filtered rows. The catalogue is a few hundred rows of reference data, so
   * one statement loads the filtered set and the cursor is the position in the ordered result.
   */
  async list(args: CriteriaArgs): Promise<ConnectionShape<MajorHazardCriterion>> {
    const query = this.context.db.manager
      .getRepository(MajorHazardCriterion)
      .createQueryBuilder('criterion')
      .orderBy('criterion.position', 'ASC');
    if (args.industryCode)
      query.andWhere(':industry = ANY(criterion.applicable_industries)', { industry: args.industryCode });
    if (args.standardCode) query.andWhere('criterion.standard_code = :code', { code: args.standardCode });
    if (args.at) {
      const day = toLocalDate(args.at);
      query.andWhere('criterion.effective_from <= :day', { day });
      query.andWhere('(criterion.effective_to IS NULL OR criterion.effective_to >= :day)', { day });
    }
    const ordered = filterBySearch(args.search ?? '', await query.getMany());
    let start = 0;
    if (args.after) {
      const id = decodeAfter(args.after);
      const index = ordered.findIndex((c) => c.id === id);
      if (index < 0) throw badUserInput({ after: 'not a cursor returned by this list' });
      start = index + 1;
    }
    const nodes = ordered.slice(start, start + args.first);
    const edges = nodes.map((node, i) => ({ cursor: encodeCursor(start + i, node.id), node }));
    return {
      nodes,
      edges,
      totalCount: ordered.length,
      pageInfo: { hasNextPage: start + args.first < ordered.length, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  byId(id: string): Promise<MajorHazardCriterion | null> {
    return this.context
      .loader<string, MajorHazardCriterion | null>('major-hazard-criterion', async (ids) => {
        const rows = await this.context.db.manager
          .getRepository(MajorHazardCriterion)
          .createQueryBuilder('criterion')
          .where('criterion.id IN (:...ids)', { ids })
          .getMany();
        return ids.map((key) => rows.find((row) => row.id === key) ?? null);
      })
      .load(id);
  }

  standards(): Promise<MajorHazardStandard[]> {
    return this.context.db.manager
      .getRepository(MajorHazardStandard)
      .createQueryBuilder('standard')
      .orderBy('standard.position', 'ASC')
      .getMany();
  }

  standard(code: string): Promise<MajorHazardStandard | null> {
    return this.context
      .loader<string, MajorHazardStandard | null>('major-hazard-standard', async (codes) => {
        const rows = await this.context.db.manager
          .getRepository(MajorHazardStandard)
          .createQueryBuilder('standard')
          .where('standard.code IN (:...codes)', { codes })
          .getMany();
        return codes.map((key) => rows.find((row) => row.code === key) ?? null);
      })
      .load(code);
  }

  /** The combined groups of a standard, batched across the standards of the request. */
  groupsOf(standardCode: string): Promise<CombinedJudgementGroup[]> {
    return this.context
      .loader<string, CombinedJudgementGroup[]>('major-hazard-groups', async (codes) => {
        const rows = await this.context.db.manager
          .getRepository(CombinedJudgementGroup)
          .createQueryBuilder('grp')
          .where('grp.standard_code IN (:...codes)', { codes })
          .orderBy('grp.position', 'ASC')
          .getMany();
        return codes.map((code) => rows.filter((row) => row.standardCode === code));
      })
      .load(standardCode);
  }

  async catalogueVersion(): Promise<string | null> {
    const [row] = await this.context.db.manager.query(
      'SELECT version FROM major_hazard_catalogue ORDER BY loaded_at DESC, version DESC LIMIT 1',
    );
    return row?.version ?? null;
  }

  /** `proposeHazardGrade`: the pure rule over the cited rows of the persisted catalogue. */
  async propose(args: ProposeHazardGradeArgs): Promise<GradeProposalView> {
    const ids = [
      ...new Set([args.criterionId, ...(args.combinedElementIds ?? [])].filter(Boolean)),
    ] as string[];
    const catalogue = await loadPartialCatalogue(this.context.db.manager, ids);
    const proposal = proposeGrade(
      {
        criterionId: args.criterionId ?? null,
        combinedElementIds: args.combinedElementIds ?? null,
        industryCode: args.industryCode,
        foundAt: args.foundAt,
      },
      catalogue,
    );
    const view: GradeProposalView = {
      kind: proposal.kind,
      grade: null,
      judgement: null,
      criterionId: null,
      groupId: null,
      threshold: null,
      counted: [],
      count: null,
      problemCode: null,
      problemSubject: null,
      reasons: proposalReasons(proposal, catalogue),
    };
    if (proposal.kind === 'REFUSED')
      return {
        ...view,
        problemCode: proposal.problem.code,
        problemSubject: proposal.problem.subject ?? null,
      };
    if (proposal.kind === 'NONE') return view;
    if (proposal.judgement === 'DIRECT')
      return { ...view, grade: proposal.grade, judgement: 'DIRECT', criterionId: proposal.criterionId };
    return {
      ...view,
      grade: proposal.grade,
      judgement: 'COMBINED',
      groupId: proposal.groupId,
      threshold: proposal.threshold,
      counted: [...proposal.counted],
      count: proposal.count,
    };
  }
}

function decodeAfter(cursor: string): string {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && typeof values[1] === 'string') return values[1];
  } catch {
    // fall through
  }
  throw badUserInput({ after: 'not a cursor returned by this list' });
}

/** The cited criteria and the groups they count in, from the persisted catalogue (two statements at most). */
export async function loadPartialCatalogue(manager: EntityManager, criterionIds: readonly string[]) {
  if (criterionIds.length === 0) return partialCatalogue([]);
  const criteria = await manager
    .getRepository(MajorHazardCriterion)
    .createQueryBuilder('criterion')
    .where('criterion.id IN (:...ids)', { ids: criterionIds })
    .getMany();
  const groupIds = [...new Set(criteria.map((c) => c.combinedGroup).filter(Boolean))] as string[];
  const groups = groupIds.length
    ? await manager
        .getRepository(CombinedJudgementGroup)
        .createQueryBuilder('grp')
        .where('grp.id IN (:...ids)', { ids: groupIds })
        .getMany()
    : [];
  return partialCatalogue(criteria, groups);
}

/**
 * The check the hazards module runs on a STANDARD_CLAUSE determination (domain §5.7.1, plugged in with
 * `useCriterionCheck`): the cited criterion exists, is in force on the day found, applies to the
 * industry and is DIRECT. A public-area hazard has no enterprise: its recorded industry is used, and
 * without one a criterion cannot be cited (its applicability could not be judged).
 */
export async function checkCriterion(
  criterionId: string,
  industryCode: string | null,
  foundAt: Date,
  manager: EntityManager,
): Promise<string | null> {
  if (!criterionId.trim()) return 'name the criterion of the determination standard';
  if (!industryCode)
    return 'a hazard without an enterprise cites a criterion only with its industry (set industryCode)';
  const catalogue = await loadPartialCatalogue(manager, [criterionId]);
  const problem = criterionProblem(criterionId, industryCode, foundAt, catalogue);
  return problem ? problem.messageEn : null;
}
