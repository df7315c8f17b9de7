import type { CompositionErrorShape, SubgraphSource } from '../supergraphs/composition.js';

export type Criticality = 'BREAKING' | 'DANGEROUS' | 'SAFE';

/** One change of the public API, classified; `path` is a schema coordinate (`Hazard.title`, `Query.hazards(status:)`). */
export interface SchemaChange {
  criticality: Criticality;
  /** @graphql-inspector/core's ChangeType, e.g. FIELD_REMOVED. */
  type: string;
  message: string;
  path?: string;
  reason?: string;
  downgradedByUsage?: boolean;
  affectedOperations?: AffectedOperation[];
}

export interface AffectedOperation {
  kind: 'USAGE' | 'TRUSTED_DOCUMENT';
  operationName: string | null;
  operationHash: string;
  clientName: string;
  clientVersion?: string | null;
  count?: number;
  lastSeen?: string | null;
}

export interface UsageOracle {
  /**
   * Usage of these schema coordinates since `since`: per coordinate, the operations/clients that
   * used it. Asked for field (`Type.field`, also input fields), argument (`Type.field(arg:)`) and
   * enum value (`Enum.VALUE`) coordinates; a coordinate missing from the map counts as unused.
   */
  usage(coordinates: string[], since: Date): Promise<Map<string, AffectedOperation[]>>;
}

export interface TrustedDocument {
  clientName: string;
  hash: string;
  operationName: string | null;
  body: string;
}

export interface CheckInput {
  /** The subgraphs of the live supergraph. */
  live: SubgraphSource[];
  /** Replaces the live subgraph of the same name, or adds one. */
  proposed: SubgraphSource;
  /**
   * The live supergraph to diff against when it is not simply the composition of `live` (e.g. a
   * pinned rollback); by default `live` is composed.
   */
  liveSupergraphSdl?: string;
  usage?: UsageOracle;
  /** Default 30. */
  usageWindowDays?: number;
  documents?: TrustedDocument[];
  now?: Date;
}

/** A composition error; `subgraph` names the subgraph it is in when the library says so. */
export interface CheckCompositionError extends CompositionErrorShape {
  subgraph?: string;
}

export interface CheckResult {
  composes: boolean;
  /** With locations in the proposed SDL when the error is there. */
  errors: CheckCompositionError[];
  supergraphSdl: string | null;
  /** The public API diff (no join__/link elements), classified and usage-aware. */
  changes: SchemaChange[];
  /** Any BREAKING change left after the usage downgrade. */
  breaking: boolean;
  /** Registered documents that validated against the live API and do not against the new one. */
  brokenDocuments: TrustedDocument[];
}
