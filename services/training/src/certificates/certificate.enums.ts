import { registerEnumType } from 'type-graphql';

/** What a certificate attests (domain §7.5 `type`, first subset). */
export enum CertificateCategory {
  SPECIAL_OPERATION = 'SPECIAL_OPERATION',
  PRINCIPAL = 'PRINCIPAL',
  SAFETY_MANAGER = 'SAFETY_MANAGER',
  SPECIAL_EQUIPMENT = 'SPECIAL_EQUIPMENT',
}

/**
 * Certificate status (domain §7.5), derived from the dates and the clock, except REVOKED
 * (an issuer decision). REVIEW_FAILED and SUSPENDED are appended for the status machine and the
 * qualification gate; no stored certificate has them until review records and suspensions exist.
 */
export enum CertificateStatus {
  VALID = 'VALID',
  REVIEW_WINDOW = 'REVIEW_WINDOW',
  REVIEW_OVERDUE = 'REVIEW_OVERDUE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
  REVIEW_FAILED = 'REVIEW_FAILED',
  SUSPENDED = 'SUSPENDED',
}

/** The statuses this service derives from stored certificates today (counts and filters list these). */
export const DERIVED_CERTIFICATE_STATUSES = [
  CertificateStatus.VALID,
  CertificateStatus.REVIEW_WINDOW,
  CertificateStatus.REVIEW_OVERDUE,
  CertificateStatus.EXPIRED,
  CertificateStatus.REVOKED,
] as const;

registerEnumType(CertificateCategory, {
  name: 'CertificateCategory',
  description: '证书类别',
  valuesConfig: {
    SPECIAL_OPERATION: { description: '特种作业操作证' },
    PRINCIPAL: { description: '主要负责人安全生产知识和管理能力考核合格证' },
    SAFETY_MANAGER: { description: '安全生产管理人员考核合格证' },
    SPECIAL_EQUIPMENT: { description: '特种设备安全管理和作业人员证' },
  },
});
registerEnumType(CertificateStatus, {
  name: 'CertificateStatus',
  description: '证书状态 (domain §7.5)',
  valuesConfig: {
    VALID: { description: '有效' },
    REVIEW_WINDOW: { description: '复审期内（应申请复审）' },
    REVIEW_OVERDUE: { description: '逾期未复审' },
    EXPIRED: { description: '已过期' },
    REVOKED: { description: '已撤销' },
    REVIEW_FAILED: { description: '复审不合格（尚无存储记录）' },
    SUSPENDED: { description: '暂扣（尚无存储记录）' },
  },
});
