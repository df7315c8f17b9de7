import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { TokenKind } from './account.enums.js';

/** A token this service issued: its id and lifetime only, never the token itself (revocation, architecture §6a). */
@Entity('issued_token')
@ObjectType({ description: '已签发令牌（只记录元数据，不保存令牌本身）' })
export class IssuedToken {
  @Field(() => ID, { description: 'The token id (JWT jti)' })
  @PrimaryColumn('uuid')
  jti: string;

  @Field(() => ID)
  @Index()
  @Column('uuid', { name: 'account_id' })
  accountId: string;

  @Field(() => TokenKind)
  @Column('text')
  kind: TokenKind;

  /** Tokens of one sign-in share a session: logout and refresh-token reuse revoke them together. */
  @Index()
  @Column('uuid', { name: 'session_id', nullable: true })
  sessionId: string | null;

  /** SHA-256 of a refresh token's secret part; null for JWTs. */
  @Column('text', { name: 'secret_hash', nullable: true })
  secretHash: string | null;

  @Field()
  @CreateDateColumn({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Field()
  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Username of whoever revoked it, or "system"' })
  @Column('text', { name: 'revoked_by', nullable: true })
  revokedBy: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  reason: string | null;
}
