import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A GraphQL document an app was built with (codegen's persisted documents); registered once, never changed. */
@Entity('trusted_document')
@ObjectType({ description: 'A document an app client may run (trusted documents)' })
export class TrustedDocumentEntity {
  @Field({ description: 'The app, as it sends graphql-client-name (e.g. app-hazard)' })
  @PrimaryColumn('text', { name: 'client_name' })
  clientName: string;

  @Field({ description: 'sha256:<hex> of the body, the persisted document id' })
  @PrimaryColumn('text')
  hash: string;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'operation_name', nullable: true })
  operationName: string | null;

  @Field({ description: 'The normalized document (codegen printExecutableGraphQLDocument)' })
  @Column('text')
  body: string;

  @Field(() => String, { nullable: true, description: 'The app version that registered it first' })
  @Column('text', { name: 'app_version', nullable: true })
  appVersion: string | null;

  @Field()
  @Column('timestamptz', { name: 'registered_at', default: () => 'clock_timestamp()' })
  registeredAt: Date;
}
