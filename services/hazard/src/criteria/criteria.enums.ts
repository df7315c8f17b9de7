import { registerEnumType } from 'type-graphql';

/** How a criterion decides (domain §5.7.1): alone, or counted with the other elements of its group. */
export enum CriterionJudgement {
  DIRECT = 'DIRECT',
  COMBINED = 'COMBINED',
}

/** What the platform proposes for a hazard reported against the catalogue (domain §5.7.1). */
export enum GradeProposalKind {
  NONE = 'NONE',
  PROPOSED = 'PROPOSED',
  REFUSED = 'REFUSED',
}

registerEnumType(CriterionJudgement, {
  name: 'CriterionJudgement',
  description: '判定方式',
  valuesConfig: {
    DIRECT: { description: '直接判定：任一要素即构成重大事故隐患' },
    COMBINED: { description: '综合判定：同组要素达到规定数量方构成重大事故隐患' },
  },
});

registerEnumType(GradeProposalKind, {
  name: 'GradeProposalKind',
  description: '隐患等级建议结果',
  valuesConfig: {
    NONE: { description: '未引用判定标准条款，由确认人判定' },
    PROPOSED: { description: '依判定标准给出等级建议' },
    REFUSED: { description: '所引条款不能作为判定依据' },
  },
});
