/** Fine-grained permissions granted on top of roles (domain §2.3). */
export enum Permission {
  /** May see whistleblower identities in the accepting department. */
  REPORT_HANDLER = 'REPORT_HANDLER',
  /** 法制审核 */
  LEGAL_REVIEW = 'LEGAL_REVIEW',
  /** 应急值守 */
  DUTY_OFFICER = 'DUTY_OFFICER',
  /** 挂牌/摘牌 */
  LISTING_APPROVER = 'LISTING_APPROVER',
  CLASSIFICATION_APPROVER = 'CLASSIFICATION_APPROVER',
  /** 双随机 draw witness */
  DRAW_WITNESS = 'DRAW_WITNESS',
  /** Manage user and machine accounts. */
  ACCOUNT_ADMIN = 'ACCOUNT_ADMIN',
}
