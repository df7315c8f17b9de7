import { Field, ID, ObjectType } from 'type-graphql';
import { UserAccount } from './user-account.entity.js';

/** Data scope of an account (domain §2.4). */
@ObjectType({ description: '数据范围' })
export class AccountScope {
  @Field(() => ID, { nullable: true }) orgUnitId: string | null;
  @Field(() => [String], { description: 'Town division codes' }) townshipCodes: string[];
  @Field(() => [String], { description: 'Industry codes (domain §3.3)' }) industryCodes: string[];
  @Field(() => [ID]) enterpriseIds: string[];
}

@ObjectType({ description: '登录结果' })
export class LoginResult {
  @Field({ description: 'JWT for `Authorization: Bearer`, valid one hour' }) accessToken: string;
  @Field({ description: 'When the access token expires' }) expiresAt: Date;
  @Field({ description: 'Opaque; exchange it with refreshSession before it expires (7 days); single use' })
  refreshToken: string;
  @Field() refreshExpiresAt: Date;
  @Field(() => UserAccount) account: UserAccount;
}

@ObjectType({ description: '机器令牌：只显示一次' })
export class MachineToken {
  @Field({ description: 'Shown once: store it now' }) token: string;
  @Field(() => ID) jti: string;
  @Field() expiresAt: Date;
}
