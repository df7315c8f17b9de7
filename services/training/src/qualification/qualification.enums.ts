import { registerEnumType } from 'type-graphql';

/** Why a qualification check fails (domain §7.6 `QualificationFailure`), in the order of the spec. */
export enum QualificationFailure {
  NO_CERTIFICATE = 'NO_CERTIFICATE',
  WRONG_CATEGORY = 'WRONG_CATEGORY',
  EXPIRED = 'EXPIRED',
  REVIEW_OVERDUE = 'REVIEW_OVERDUE',
  REVIEW_FAILED = 'REVIEW_FAILED',
  SUSPENDED_OR_REVOKED = 'SUSPENDED_OR_REVOKED',
  OFF_POST_OVER_6_MONTHS = 'OFF_POST_OVER_6_MONTHS',
  THREE_LEVEL_NOT_PASSED = 'THREE_LEVEL_NOT_PASSED',
  NOT_EMPLOYED_OR_CONTRACTED = 'NOT_EMPLOYED_OR_CONTRACTED',
  UNDER_18 = 'UNDER_18',
  /** A permit guardian has no passed training record for the special-work type (domain §5.9) [D]. */
  NO_SPECIAL_WORK_TRAINING = 'NO_SPECIAL_WORK_TRAINING',
  /** The guardian's last such training is more than a year old [D]. */
  SPECIAL_WORK_TRAINING_EXPIRED = 'SPECIAL_WORK_TRAINING_EXPIRED',
}

registerEnumType(QualificationFailure, {
  name: 'QualificationFailure',
  description: '资格核验不通过原因 (domain §7.6)',
  valuesConfig: {
    NO_CERTIFICATE: { description: '无所需证书' },
    WRONG_CATEGORY: { description: '证书作业类别不符' },
    EXPIRED: { description: '证书已过期' },
    REVIEW_OVERDUE: { description: '证书逾期未复审' },
    REVIEW_FAILED: { description: '证书复审不合格' },
    SUSPENDED_OR_REVOKED: { description: '证书被暂扣或撤销' },
    OFF_POST_OVER_6_MONTHS: { description: '离开特种作业岗位6个月以上，须重新进行实际操作考试' },
    THREE_LEVEL_NOT_PASSED: { description: '三级安全教育未合格或年度再培训逾期' },
    NOT_EMPLOYED_OR_CONTRACTED: { description: '不是本单位（或登记的承包单位）在岗人员' },
    UNDER_18: { description: '未满18周岁（或出生日期不明）' },
    NO_SPECIAL_WORK_TRAINING: { description: '无本类特殊作业的培训记录（监护人）' },
    SPECIAL_WORK_TRAINING_EXPIRED: { description: '本类特殊作业培训已超过一年，须重新培训（监护人）' },
  },
});
