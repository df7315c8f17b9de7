import type { AffectedOperation, Criticality, SchemaChange } from './check.types.js';

/** @graphql-inspector/core's CriticalityLevel values, mapped onto ours. */
const LEVELS: Record<string, Criticality> = {
  BREAKING: 'BREAKING',
  DANGEROUS: 'DANGEROUS',
  NON_BREAKING: 'SAFE',
};

/**
 * Where we disagree with the inspector: it calls an added optional argument or input field
 * dangerous (a resolver might behave differently), but no existing operation can fail on it.
 */
const SAFE_WHEN_NOT_BREAKING: Record<string, string> = {
  FIELD_ARGUMENT_ADDED: 'An optional argument: existing operations keep working unchanged.',
  INPUT_FIELD_ADDED: 'An optional input field: existing operations keep working unchanged.',
};

export function classify(
  level: string,
  type: string,
  inspectorReason?: string,
): { criticality: Criticality; reason?: string } {
  const criticality = LEVELS[level] ?? 'BREAKING';
  const override = SAFE_WHEN_NOT_BREAKING[type];
  if (override && criticality !== 'BREAKING') return { criticality: 'SAFE', reason: override };
  return inspectorReason ? { criticality, reason: inspectorReason } : { criticality };
}

/**
 * The inspector's dotted path as a schema coordinate: `Type.field.arg` → `Type.field(arg:)`,
 * `@dir.arg` → `@dir(arg:)`; a directive used on an element yields the element's coordinate.
 */
export function coordinateFromPath(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const parts = path.split('.');
  const usage = parts.findIndex((part, i) => i > 0 && part.startsWith('@'));
  const own = usage > 0 ? parts.slice(0, usage) : parts;
  if (own[0].startsWith('@')) return own.length > 1 ? `${own[0]}(${own[1]}:)` : own[0];
  if (own.length >= 3) return `${own[0]}.${own[1]}(${own[2]}:)`;
  return own.join('.');
}

/**
 * The coordinate whose use an operation must make for this change to break it, for the change
 * types usage can clear (field, argument, input field, enum value); undefined for the others
 * (types, unions, interfaces, directives), which stay breaking whatever the usage says.
 */
const USAGE_COORDINATE: Record<string, 'self' | 'field'> = {
  FIELD_REMOVED: 'self',
  FIELD_TYPE_CHANGED: 'self',
  FIELD_ARGUMENT_REMOVED: 'self',
  FIELD_ARGUMENT_TYPE_CHANGED: 'self',
  // A new required argument breaks every operation that selects the field.
  FIELD_ARGUMENT_ADDED: 'field',
  ENUM_VALUE_REMOVED: 'self',
  INPUT_FIELD_REMOVED: 'self',
  INPUT_FIELD_TYPE_CHANGED: 'self',
};

export function usageCoordinate(type: string, coordinate: string | undefined): string | undefined {
  const which = USAGE_COORDINATE[type];
  if (!which || !coordinate) return undefined;
  return which === 'field' ? coordinate.replace(/\(\w+:\)$/, '') : coordinate;
}

export interface ChangeEvidence {
  /** Whether a usage oracle was asked at all (without one nothing is downgraded). */
  usageAsked: boolean;
  usage: AffectedOperation[];
  /** Registered documents the change breaks. */
  documents: AffectedOperation[];
  windowDays: number;
}

/**
 * The usage-aware verdict on one classified change: a breaking change nobody used in the window
 * becomes safe; one that an operation used or a registered document needs stays breaking and
 * names them.
 */
export function weighUsage(change: SchemaChange, evidence: ChangeEvidence): SchemaChange {
  const affected = [...evidence.documents, ...evidence.usage];
  const withAffected = affected.length ? { ...change, affectedOperations: affected } : change;
  if (change.criticality !== 'BREAKING') return withAffected;
  const days = `${evidence.windowDays} day${evidence.windowDays === 1 ? '' : 's'}`;
  if (affected.length) {
    const clients = [...new Set(affected.map((op) => op.clientName))].sort();
    const parts = [];
    if (evidence.documents.length)
      parts.push(`breaks ${plural(evidence.documents.length, 'registered document')}`);
    if (evidence.usage.length)
      parts.push(`used by ${plural(evidence.usage.length, 'operation')} in the last ${days}`);
    return { ...withAffected, reason: `${capitalize(parts.join('; '))} (clients: ${clients.join(', ')}).` };
  }
  if (evidence.usageAsked && change.path && usageCoordinate(change.type, change.path))
    return {
      ...change,
      criticality: 'SAFE',
      downgradedByUsage: true,
      reason: `No client used ${usageCoordinate(change.type, change.path)} in the last ${days}.`,
    };
  return change;
}

const ORDER: Record<Criticality, number> = { BREAKING: 0, DANGEROUS: 1, SAFE: 2 };

/** Breaking first, then dangerous, then safe; the inspector's order within each. */
export function byCriticality(changes: SchemaChange[]): SchemaChange[] {
  return changes
    .map((change, i) => ({ change, i }))
    .sort((a, b) => ORDER[a.change.criticality] - ORDER[b.change.criticality] || a.i - b.i)
    .map(({ change }) => change);
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
