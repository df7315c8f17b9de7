import { HoldReason, SubgraphVersionStatus } from './subgraph-version.entity.js';

/** What a checked publish becomes (issue 5 item 3, and the pin of item 5). */
export type PublishDecision =
  | { status: SubgraphVersionStatus.REJECTED }
  | { status: SubgraphVersionStatus.HELD; holdReason: HoldReason }
  | { status: SubgraphVersionStatus.ACCEPTED; autoApproved: boolean };

export function decidePublication(input: {
  composes: boolean;
  /** A BREAKING change left after the usage downgrade, or a registered document that breaks. */
  breaking: boolean;
  pinned: boolean;
  autoApprove: boolean;
}): PublishDecision {
  if (!input.composes) return { status: SubgraphVersionStatus.REJECTED };
  // A pin is an admin's explicit hold: even the embedded start's auto-approval respects it.
  if (input.pinned) return { status: SubgraphVersionStatus.HELD, holdReason: HoldReason.PINNED };
  if (!input.breaking) return { status: SubgraphVersionStatus.ACCEPTED, autoApproved: false };
  if (input.autoApprove) return { status: SubgraphVersionStatus.ACCEPTED, autoApproved: true };
  return { status: SubgraphVersionStatus.HELD, holdReason: HoldReason.BREAKING_CHANGES };
}

/** Why a version cannot be approved or declined now, or null when it can. */
export function decisionBlocker(version: {
  status: SubgraphVersionStatus;
  /** A later version of the same subgraph was accepted. */
  superseded: boolean;
}): string | null {
  if (version.status !== SubgraphVersionStatus.HELD)
    return `only a HELD version can be approved or declined; this one is ${version.status}`;
  if (version.superseded) return 'a later version of this subgraph has been accepted since';
  return null;
}

export const AUTO_APPROVAL_REASON = 'auto-approved (embedded start)';
export const SYSTEM_ACTOR = 'system';
/** A decision's reason is a line for the console and the audit, not an essay. */
export const MAX_REASON_LENGTH = 500;
