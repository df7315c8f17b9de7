import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An operation the gateway has seen, by the hash of its normalized document. */
@Entity('usage_operation')
export class UsageOperation {
  @PrimaryColumn('text')
  hash: string;

  @Column('text', { nullable: true })
  name: string | null;

  /** query, mutation or subscription. */
  @Column('text', { nullable: true })
  type: string | null;

  /** The normalized document, as the gateway hashed it. */
  @Column('text', { nullable: true })
  body: string | null;

  @Column('timestamptz', { name: 'first_seen', default: () => 'now()' })
  firstSeen: Date;

  @Column('timestamptz', { name: 'last_seen', default: () => 'now()' })
  lastSeen: Date;
}

/** Requests of one operation by one client (and machine token) in one hour. */
@Entity('usage_operation_hour')
export class UsageOperationHour {
  @PrimaryColumn('timestamptz')
  hour: Date;

  @PrimaryColumn('text', { name: 'operation_hash' })
  operationHash: string;

  @PrimaryColumn('text', { name: 'client_name' })
  clientName: string;

  /** '' when the client sent no version. */
  @PrimaryColumn('text', { name: 'client_version', default: '' })
  clientVersion: string;

  /** The jti of an integrator or service token; '' for people and anonymous callers. */
  @PrimaryColumn('text', { name: 'token_id', default: '' })
  tokenId: string;

  @Column('bigint')
  count: string;

  @Column('bigint', { default: 0 })
  errors: string;

  @Column('timestamptz', { name: 'last_seen' })
  lastSeen: Date;
}

/** Uses of one schema coordinate (`Type.field`, `Type.field(arg:)`, `Enum.VALUE`) by one operation and client in one hour. */
@Entity('usage_coordinate_hour')
export class UsageCoordinateHour {
  @PrimaryColumn('text')
  coordinate: string;

  @PrimaryColumn('timestamptz')
  hour: Date;

  @PrimaryColumn('text', { name: 'operation_hash' })
  operationHash: string;

  @PrimaryColumn('text', { name: 'client_name' })
  clientName: string;

  @PrimaryColumn('text', { name: 'client_version', default: '' })
  clientVersion: string;

  @Column('bigint')
  count: string;

  @Column('timestamptz', { name: 'last_seen' })
  lastSeen: Date;
}
