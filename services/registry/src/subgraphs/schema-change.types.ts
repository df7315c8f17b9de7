import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type {
  AffectedOperation as AffectedOperationShape,
  SchemaChange as SchemaChangeShape,
} from '../checks/check.types.js';

@ObjectType()
export class SourceLocation {
  @Field(() => Int) line: number;
  @Field(() => Int) column: number;
}

/** One composition error as stored and as the PUT route answers it. */
@ObjectType({ description: 'Why a subgraph version did not compose' })
export class CompositionError {
  @Field() message: string;
  @Field(() => [SourceLocation], { nullable: true }) locations?: SourceLocation[];
  @Field(() => String, { nullable: true, description: 'The composition rule, e.g. FIELD_TYPE_MISMATCH' })
  code?: string;
  @Field(() => String, { nullable: true, description: 'The subgraph the error is in, when known' })
  subgraph?: string;
}

export enum ChangeCriticality {
  BREAKING = 'BREAKING',
  DANGEROUS = 'DANGEROUS',
  SAFE = 'SAFE',
}
registerEnumType(ChangeCriticality, {
  name: 'ChangeCriticality',
  description: 'BREAKING fails clients; DANGEROUS may change their behaviour; SAFE does neither',
});

export enum AffectedOperationKind {
  USAGE = 'USAGE',
  TRUSTED_DOCUMENT = 'TRUSTED_DOCUMENT',
}
registerEnumType(AffectedOperationKind, {
  name: 'AffectedOperationKind',
  description: 'Seen in the usage reports, or a registered document of an app',
});

@ObjectType({ description: 'An operation a change would break: from usage reports or a registered document' })
export class AffectedOperation implements AffectedOperationShape {
  @Field(() => AffectedOperationKind) kind: AffectedOperationShape['kind'];
  @Field(() => String, { nullable: true }) operationName: string | null;
  @Field() operationHash: string;
  @Field() clientName: string;
  @Field(() => String, { nullable: true }) clientVersion?: string | null;
  @Field(() => Int, { nullable: true, description: 'Requests within the usage window' }) count?: number;
  @Field(() => String, { nullable: true, description: 'ISO time of the last use' }) lastSeen?: string | null;
}

@ObjectType({ description: 'One change of the public API, classified' })
export class SchemaChange implements SchemaChangeShape {
  @Field(() => ChangeCriticality) criticality: SchemaChangeShape['criticality'];
  @Field({ description: "@graphql-inspector/core's change type, e.g. FIELD_REMOVED" }) type: string;
  @Field() message: string;
  @Field(() => String, { nullable: true, description: 'Schema coordinate, e.g. Hazard.title' })
  path?: string;
  @Field(() => String, { nullable: true }) reason?: string;
  @Field(() => Boolean, { nullable: true, description: 'Breaking, but no client used it in the window' })
  downgradedByUsage?: boolean;
  @Field(() => [AffectedOperation], { nullable: true }) affectedOperations?: AffectedOperation[];
}

@ObjectType({ description: 'A registered app document that a change no longer lets validate' })
export class BrokenDocument {
  @Field() clientName: string;
  @Field() hash: string;
  @Field(() => String, { nullable: true }) operationName: string | null;
}

@ObjectType({ description: 'What publishing an SDL would do, without publishing it' })
export class SubgraphCheck {
  @Field() composes: boolean;
  @Field(() => [CompositionError], { description: 'With locations in the proposed SDL where possible' })
  errors: CompositionError[];
  @Field(() => [SchemaChange], { description: 'Public API diff against the live supergraph' })
  changes: SchemaChange[];
  @Field({ description: 'A BREAKING change is left after the usage downgrade, or a document breaks' })
  breaking: boolean;
  @Field(() => [BrokenDocument]) brokenDocuments: BrokenDocument[];
  @Field({ description: 'Whether the live supergraph is pinned (a publish would be held)' })
  pinned: boolean;
  @Field(() => Int, { nullable: true, description: 'The live supergraph the check ran against' })
  liveSupergraphVersion: number | null;
  @Field(() => String, { nullable: true, description: 'The supergraph it would compose to' })
  supergraphSdl: string | null;
}
