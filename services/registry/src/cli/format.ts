import type { AffectedOperation, CheckResult, SchemaChange } from '../checks/index.js';
import { type Approval, approvalFor, type Verdict } from './cli.rules.js';

export interface Paint {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const code = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

/** ANSI colours on a terminal only (and never with NO_COLOR), so CI logs stay plain text. */
export function paint(tty: boolean): Paint {
  if (!tty) return { red: plain, yellow: plain, green: plain, dim: plain, bold: plain };
  return {
    red: code(31, 39),
    yellow: code(33, 39),
    green: code(32, 39),
    dim: code(2, 22),
    bold: code(1, 22),
  };
}

/** The classified diff of one check, one line per change, breaking first. */
export function formatCheck(
  service: string,
  result: CheckResult,
  verdict: Verdict,
  approvals: Approval[],
  p: Paint,
  verbose = false,
): string {
  const lines: string[] = [];
  if (!result.composes) {
    lines.push(p.red(`✗ ${service}: does not compose`));
    for (const error of result.errors) {
      const where = error.locations?.[0]
        ? `${error.subgraph ?? service}/schema.graphql:${error.locations[0].line}:${error.locations[0].column} `
        : '';
      lines.push(
        `  ${p.red('error')} ${where}${error.message}${error.code ? p.dim(` [${error.code}]`) : ''}`,
      );
    }
    return lines.join('\n');
  }
  // Safe additions can run to hundreds of lines: counted, unless asked for or cleared by usage.
  const folded = verbose
    ? []
    : result.changes.filter((c) => c.criticality === 'SAFE' && !c.downgradedByUsage);
  for (const change of result.changes)
    if (!folded.includes(change)) lines.push(...formatChange(change, approvalFor(change, approvals), p));
  if (folded.length)
    lines.push(
      `  ${p.green('SAFE      ')} ${p.dim(`${folded.length} safe change${folded.length === 1 ? '' : 's'} not listed (--verbose lists them)`)}`,
    );
  for (const document of result.brokenDocuments)
    lines.push(
      `  ${p.red('✗ breaks')}   registered document ${document.operationName ?? '(anonymous)'} of ${document.clientName} ${p.dim(document.hash)}`,
    );
  const count = (c: SchemaChange['criticality']) => result.changes.filter((x) => x.criticality === c).length;
  const tally = `${count('BREAKING')} breaking, ${count('DANGEROUS')} dangerous, ${count('SAFE')} safe`;
  if (!result.changes.length) lines.push(p.green(`✓ ${service}: no changes`));
  else if (verdict.exitCode === 0) lines.push(p.green(`✓ ${service}: ${tally}`));
  else {
    const why = [
      verdict.unapproved.length ? `${verdict.unapproved.length} breaking without approval` : '',
      verdict.unapprovedDocuments.length
        ? `${verdict.unapprovedDocuments.length} registered documents broken`
        : '',
    ].filter(Boolean);
    lines.push(p.red(`✗ ${service}: ${tally} (${why.join(', ')})`));
  }
  return lines.join('\n');
}

function formatChange(change: SchemaChange, approval: Approval | undefined, p: Paint): string[] {
  const label =
    change.criticality === 'BREAKING'
      ? approval
        ? p.yellow('BREAKING ✓')
        : p.red('BREAKING  ')
      : change.criticality === 'DANGEROUS'
        ? p.yellow('DANGEROUS ')
        : p.green('SAFE      ');
  const lines = [`  ${label} ${p.bold(change.path ?? '')} ${change.message} ${p.dim(`[${change.type}]`)}`];
  if (change.reason && (change.criticality !== 'SAFE' || change.downgradedByUsage))
    lines.push(`             ${p.dim(change.reason)}`);
  for (const op of change.affectedOperations ?? []) lines.push(`             ${formatOperation(op)}`);
  if (approval)
    lines.push(`             approved by ${approval.approvedBy} on ${approval.date}: ${approval.reason}`);
  return lines;
}

function formatOperation(op: AffectedOperation): string {
  const who = op.clientVersion ? `${op.clientName} ${op.clientVersion}` : op.clientName;
  const name = op.operationName ?? '(anonymous)';
  if (op.kind === 'TRUSTED_DOCUMENT') return `↳ registered document ${name} of ${who}`;
  const seen = [op.count != null ? `${op.count}×` : '', op.lastSeen ? `last ${op.lastSeen}` : '']
    .filter(Boolean)
    .join(', ');
  return `↳ ${name} by ${who}${seen ? ` (${seen})` : ''}`;
}
