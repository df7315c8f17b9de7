import { Permission, ROLE_LABELS_ZH, Role } from '@safety/auth';
import { registerEnumType } from 'type-graphql';

/** Who holds the account: a person, a platform service, or an external system (architecture §6a). */
export enum AccountKind {
  USER = 'USER',
  SERVICE = 'SERVICE',
  INTEGRATOR = 'INTEGRATOR',
}

/** What an issued token is for. */
export enum TokenKind {
  /** A user's short-lived access token (1 hour). */
  ACCESS = 'ACCESS',
  /** A user's opaque refresh token (7 days, rotated on use). */
  REFRESH = 'REFRESH',
  /** A machine account's long-lived token. */
  MACHINE = 'MACHINE',
}

registerEnumType(AccountKind, {
  name: 'AccountKind',
  valuesConfig: {
    USER: { description: '用户' },
    SERVICE: { description: '服务间调用账号' },
    INTEGRATOR: { description: '系统对接账号' },
  },
});
registerEnumType(TokenKind, { name: 'TokenKind' });
registerEnumType(Role, {
  name: 'Role',
  description: '角色 (domain §2.3)',
  valuesConfig: Object.fromEntries(
    Object.entries(ROLE_LABELS_ZH).map(([role, zh]) => [role, { description: zh }]),
  ),
});
registerEnumType(Permission, {
  name: 'Permission',
  description: '细粒度权限 (domain §2.3)',
  valuesConfig: {
    REPORT_HANDLER: { description: '举报受理（可见举报人身份）' },
    LEGAL_REVIEW: { description: '法制审核' },
    DUTY_OFFICER: { description: '应急值守' },
    LISTING_APPROVER: { description: '挂牌/摘牌审批' },
    CLASSIFICATION_APPROVER: { description: '分类分级审批' },
    DRAW_WITNESS: { description: '双随机抽取见证' },
    ACCOUNT_ADMIN: { description: '账号管理' },
  },
});

export { Permission, Role };
