import { localDate } from '@safety/subgraph-kit';
import {
  COMBINED_GROUPS,
  type CombinedGroup,
  type LocalDate,
  MAJOR_HAZARD_CRITERIA,
  type MajorHazardCriterion,
  STANDARDS,
  type Standard,
} from './criteria.catalogue.js';

/**
 * Pure rules over the major-hazard criteria catalogue (domain §5.7.1). Every function takes the catalogue
 * as its last argument, defaulting to the seed, so the service can pass the persisted catalogue instead.
 */
export interface CriteriaCatalogue {
  readonly standards: readonly Standard[];
  readonly groups: readonly CombinedGroup[];
  readonly criteria: readonly MajorHazardCriterion[];
}

export const SEED_CATALOGUE: CriteriaCatalogue = {
  standards: STANDARDS,
  groups: COMBINED_GROUPS,
  criteria: MAJOR_HAZARD_CRITERIA,
};

interface CatalogueIndex {
  criteria: ReadonlyMap<string, MajorHazardCriterion>;
  groups: ReadonlyMap<string, CombinedGroup>;
  standards: ReadonlyMap<string, Standard>;
}

const indexes = new WeakMap<CriteriaCatalogue, CatalogueIndex>();

function indexOf(catalogue: CriteriaCatalogue): CatalogueIndex {
  let index = indexes.get(catalogue);
  if (!index) {
    index = {
      criteria: new Map(catalogue.criteria.map((c) => [c.id, c])),
      groups: new Map(catalogue.groups.map((g) => [g.id, g])),
      standards: new Map(catalogue.standards.map((s) => [s.code, s])),
    };
    indexes.set(catalogue, index);
  }
  return index;
}

export function criterionById(
  id: string,
  catalogue: CriteriaCatalogue = SEED_CATALOGUE,
): MajorHazardCriterion | undefined {
  return indexOf(catalogue).criteria.get(id);
}

export function combinedGroupById(
  id: string,
  catalogue: CriteriaCatalogue = SEED_CATALOGUE,
): CombinedGroup | undefined {
  return indexOf(catalogue).groups.get(id);
}

export function standardByCode(
  code: string,
  catalogue: CriteriaCatalogue = SEED_CATALOGUE,
): Standard | undefined {
  return indexOf(catalogue).standards.get(code);
}

/** An instant or a calendar day, always judged as the Asia/Shanghai calendar day (domain §0.3). */
export type DateInput = Date | LocalDate;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The Asia/Shanghai day of `at`; a `YYYY-MM-DD` string is taken as that day already. */
export function toLocalDate(at: DateInput): LocalDate {
  if (typeof at === 'string') {
    if (!LOCAL_DATE.test(at) || new Date(`${at}T00:00:00Z`).toISOString().slice(0, 10) !== at)
      throw new RangeError(`not a calendar day: ${at}`);
    return at;
  }
  if (Number.isNaN(at.getTime())) throw new RangeError('invalid date');
  return localDate(at);
}

/** In force on `day`: effectiveFrom ≤ day < effectiveTo + 1 day, i.e. the last day counts in full. */
function inForceOn(entry: { effectiveFrom: LocalDate; effectiveTo?: LocalDate }, day: LocalDate): boolean {
  return entry.effectiveFrom <= day && (entry.effectiveTo === undefined || day <= entry.effectiveTo);
}

export function isInForce(
  entry: { effectiveFrom: LocalDate; effectiveTo?: LocalDate },
  at: DateInput,
): boolean {
  return inForceOn(entry, toLocalDate(at));
}

/** Criteria in force on `at` that apply to the industry, DIRECT and COMBINED alike, in catalogue order. */
export function activeCriteria(
  industryCode: string,
  at: DateInput,
  catalogue: CriteriaCatalogue = SEED_CATALOGUE,
): MajorHazardCriterion[] {
  const day = toLocalDate(at);
  return catalogue.criteria.filter(
    (c) => inForceOn(c, day) && (c.applicableIndustries as readonly string[]).includes(industryCode),
  );
}

export type CriterionProblemCode =
  | 'UNKNOWN_CRITERION'
  | 'NOT_YET_IN_FORCE'
  | 'NO_LONGER_IN_FORCE'
  | 'NOT_APPLICABLE_TO_INDUSTRY'
  | 'COMBINED_CITED_ALONE'
  | 'UNKNOWN_GROUP'
  | 'NOT_A_COMBINED_ELEMENT'
  | 'ELEMENT_OF_OTHER_GROUP'
  | 'DIRECT_AND_COMBINED';

export interface CriterionProblem {
  readonly code: CriterionProblemCode;
  /** The criterion (or group) the problem is about, when there is one. */
  readonly subject?: string;
  readonly messageZh: string;
  readonly messageEn: string;
}

const problem = (
  code: CriterionProblemCode,
  subject: string | undefined,
  messageZh: string,
  messageEn: string,
): CriterionProblem => ({ code, ...(subject === undefined ? {} : { subject }), messageZh, messageEn });

/** Existence aside, what keeps a criterion from being cited for this industry on this day. */
function citationProblem(
  c: MajorHazardCriterion,
  industryCode: string,
  day: LocalDate,
): CriterionProblem | null {
  if (day < c.effectiveFrom)
    return problem(
      'NOT_YET_IN_FORCE',
      c.id,
      `判定标准条款 ${c.id} 自 ${c.effectiveFrom} 起施行，隐患发现日 ${day} 尚未施行。`,
      `criterion ${c.id} takes effect on ${c.effectiveFrom} and was not yet in force on ${day}`,
    );
  if (c.effectiveTo !== undefined && day > c.effectiveTo)
    return problem(
      'NO_LONGER_IN_FORCE',
      c.id,
      `判定标准条款 ${c.id} 已于 ${c.effectiveTo} 后失效，隐患发现日 ${day} 应引用现行版本。`,
      `criterion ${c.id} ceased to apply after ${c.effectiveTo}; cite the version in force on ${day}`,
    );
  if (!(c.applicableIndustries as readonly string[]).includes(industryCode))
    return problem(
      'NOT_APPLICABLE_TO_INDUSTRY',
      c.id,
      `判定标准条款 ${c.id}（${c.standardTitle}）不适用于行业 ${industryCode}。`,
      `criterion ${c.id} (${c.standardCode}) does not apply to industry ${industryCode}`,
    );
  return null;
}

const unknownCriterion = (id: string): CriterionProblem =>
  problem('UNKNOWN_CRITERION', id, `判定标准条款 ${id} 不存在。`, `there is no major-hazard criterion ${id}`);

/**
 * Why a hazard graded MAJOR via STANDARD_CLAUSE may not cite `criterionId` (domain §5.7.1), or null when it
 * may: the criterion exists, is in force on the day the hazard was found, applies to the industry, and is
 * DIRECT (a COMBINED element is only ever counted with the others of its group, see `decideCombined`).
 */
export function criterionProblem(
  criterionId: string,
  industryCode: string,
  foundAt: DateInput,
  catalogue: CriteriaCatalogue = SEED_CATALOGUE,
): CriterionProblem | null {
  const c = criterionById(criterionId, catalogue);
  if (!c) return unknownCriterion(criterionId);
  const cited = citationProblem(c, industryCode, toLocalDate(foundAt));
  if (cited) return cited;
  if (c.judgement === 'COMBINED')
    return problem(
      'COMBINED_CITED_ALONE',
      c.id,
      `${c.id} 是综合判定要素，不能单独作为重大事故隐患的依据，须与同组其他要素一并计数判定。`,
      `${c.id} is a combined-judgement element and cannot be cited alone; report all elements found so the count decides`,
    );
  return null;
}

const notCombined = (id: string): CriterionProblem =>
  problem(
    'NOT_A_COMBINED_ELEMENT',
    id,
    `${id} 是直接判定条款，不参与综合判定计数。`,
    `${id} is a direct-judgement criterion and is not counted in a combined judgement`,
  );

export type ProposedGrade = 'GENERAL' | 'MAJOR';

export type CombinedDecision =
  | {
      readonly ok: true;
      readonly groupId: string;
      readonly threshold: number;
      /** Distinct elements counted, in the order given. */
      readonly counted: readonly string[];
      readonly count: number;
      readonly grade: ProposedGrade;
    }
  | { readonly ok: false; readonly problem: CriterionProblem };

/**
 * COMBINED judgement (domain §5.7.1 F): the hazard is MAJOR when the number of distinct elements of the
 * group reaches its threshold ("N条以上（含本数）"). Elements of other groups or other editions are refused;
 * an element reported twice counts once.
 */
export function decideCombined(
  groupId: string,
  elementIdsFound: readonly string[],
  catalogue: CriteriaCatalogue = SEED_CATALOGUE,
): CombinedDecision {
  const group = combinedGroupById(groupId, catalogue);
  if (!group)
    return {
      ok: false,
      problem: problem(
        'UNKNOWN_GROUP',
        groupId,
        `综合判定分组 ${groupId} 不存在。`,
        `there is no combined-judgement group ${groupId}`,
      ),
    };
  const counted = [...new Set(elementIdsFound)];
  for (const id of counted) {
    const c = criterionById(id, catalogue);
    if (!c) return { ok: false, problem: unknownCriterion(id) };
    if (c.judgement !== 'COMBINED') return { ok: false, problem: notCombined(id) };
    if (c.combinedGroup !== group.id)
      return {
        ok: false,
        problem: problem(
          'ELEMENT_OF_OTHER_GROUP',
          id,
          `${id} 属于综合判定分组 ${c.combinedGroup}，不能计入 ${group.id}。`,
          `${id} belongs to group ${c.combinedGroup} and cannot be counted in ${group.id}`,
        ),
      };
  }
  return {
    ok: true,
    groupId: group.id,
    threshold: group.threshold,
    counted,
    count: counted.length,
    grade: counted.length >= group.threshold ? 'MAJOR' : 'GENERAL',
  };
}

export interface GradeProposalInput {
  readonly criterionId?: string | null;
  readonly combinedElementIds?: readonly string[] | null;
  readonly industryCode: string;
  readonly foundAt: DateInput;
}

export type GradeProposal =
  | { readonly kind: 'NONE' }
  | {
      readonly kind: 'PROPOSED';
      readonly grade: 'MAJOR';
      readonly judgement: 'DIRECT';
      readonly criterionId: string;
    }
  | {
      readonly kind: 'PROPOSED';
      readonly grade: ProposedGrade;
      readonly judgement: 'COMBINED';
      readonly groupId: string;
      readonly threshold: number;
      readonly counted: readonly string[];
      readonly count: number;
    }
  | { readonly kind: 'REFUSED'; readonly problem: CriterionProblem };

/**
 * The grade the platform proposes when a hazard is reported against the catalogue: a DIRECT criterion
 * proposes MAJOR; COMBINED elements propose MAJOR at their group's threshold and GENERAL below it; without
 * a criterion there is no proposal (the confirmer grades by judgement). One basis at a time.
 */
export function proposeGrade(
  input: GradeProposalInput,
  catalogue: CriteriaCatalogue = SEED_CATALOGUE,
): GradeProposal {
  const directId = input.criterionId ?? '';
  const elementIds = input.combinedElementIds ?? [];
  if (directId !== '' && elementIds.length > 0)
    return {
      kind: 'REFUSED',
      problem: problem(
        'DIRECT_AND_COMBINED',
        directId,
        '直接判定条款与综合判定要素不能同时作为同一隐患的依据。',
        'cite either one direct criterion or the combined elements found, not both',
      ),
    };
  if (directId !== '') {
    const cited = criterionProblem(directId, input.industryCode, input.foundAt, catalogue);
    return cited
      ? { kind: 'REFUSED', problem: cited }
      : { kind: 'PROPOSED', grade: 'MAJOR', judgement: 'DIRECT', criterionId: directId };
  }
  const [firstId] = elementIds;
  if (firstId === undefined) return { kind: 'NONE' };

  // The group is the first element's; decideCombined then refuses elements of any other group.
  const first = criterionById(firstId, catalogue);
  if (!first) return { kind: 'REFUSED', problem: unknownCriterion(firstId) };
  if (!first.combinedGroup) return { kind: 'REFUSED', problem: notCombined(firstId) };
  const decision = decideCombined(first.combinedGroup, elementIds, catalogue);
  if (!decision.ok) return { kind: 'REFUSED', problem: decision.problem };
  const day = toLocalDate(input.foundAt);
  for (const id of decision.counted) {
    const cited = citationProblem(criterionById(id, catalogue)!, input.industryCode, day);
    if (cited) return { kind: 'REFUSED', problem: cited };
  }
  return {
    kind: 'PROPOSED',
    grade: decision.grade,
    judgement: 'COMBINED',
    groupId: decision.groupId,
    threshold: decision.threshold,
    counted: decision.counted,
    count: decision.count,
  };
}

// NFKC folds full-width brackets and digits (（一） vs (一), ３ vs 3) so either spelling matches.
const normalise = (text: string): string => text.normalize('NFKC').toLowerCase();

/**
 * Picker search over the criteria active for the industry on `at`: every whitespace-separated term must
 * occur in the clause number, the paraphrase or the sector. Clause-number hits come first; an empty query
 * lists all active criteria.
 */
export function searchCriteria(
  query: string,
  industryCode: string,
  at: DateInput,
  catalogue: CriteriaCatalogue = SEED_CATALOGUE,
): MajorHazardCriterion[] {
  return filterBySearch(query, activeCriteria(industryCode, at, catalogue));
}

/**
 * The search of `searchCriteria` over any list of criteria (the service filters by industry, day and
 * standard in SQL first): every term must match; clause-number hits first, the given order kept otherwise.
 */
export function filterBySearch<
  C extends Pick<MajorHazardCriterion, 'clauseNo' | 'textParaphrase'> & {
    readonly sector?: string | null;
  },
>(query: string, criteria: readonly C[]): C[] {
  const terms = normalise(query).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [...criteria];
  const matches = criteria.filter((c) => {
    const haystack = normalise(`${c.clauseNo} ${c.textParaphrase} ${c.sector ?? ''}`);
    return terms.every((term) => haystack.includes(term));
  });
  const inClause = (c: C) => terms.some((term) => normalise(c.clauseNo).includes(term));
  return [...matches.filter(inClause), ...matches.filter((c) => !inClause(c))];
}

/** Why the platform proposes what it proposes (or refuses), for the person grading the hazard. */
export function proposalReasons(
  proposal: GradeProposal,
  catalogue: CriteriaCatalogue = SEED_CATALOGUE,
): string[] {
  switch (proposal.kind) {
    case 'NONE':
      return ['未引用判定标准条款：由确认人依据专家意见或外部因素判定等级。'];
    case 'REFUSED':
      return [proposal.problem.messageZh];
    case 'PROPOSED': {
      if (proposal.judgement === 'DIRECT') {
        const c = criterionById(proposal.criterionId, catalogue);
        return [
          `${proposal.criterionId}${c ? `（${c.standardTitle} ${c.clauseNo}）` : ''} 为直接判定条款：任一情形即构成重大事故隐患。`,
        ];
      }
      const group = combinedGroupById(proposal.groupId, catalogue);
      const label = group ? `${proposal.groupId}（${group.labelZh}）` : proposal.groupId;
      return [
        `综合判定分组 ${label}：发现 ${proposal.count} 项要素，达到 ${proposal.threshold} 项（含本数）即构成重大火灾隐患。`,
        proposal.grade === 'MAJOR'
          ? `${proposal.count} ≥ ${proposal.threshold}：建议定为重大事故隐患。`
          : `${proposal.count} < ${proposal.threshold}：未达门槛，建议定为一般事故隐患。`,
      ];
    }
  }
}
