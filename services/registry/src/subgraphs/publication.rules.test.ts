import { describe, expect, it } from 'vitest';
import { decidePublication, decisionBlocker } from './publication.rules.js';
import { HoldReason, SubgraphVersionStatus } from './subgraph-version.entity.js';

const { ACCEPTED, HELD, REJECTED, DECLINED } = SubgraphVersionStatus;

describe('decidePublication', () => {
  it.each([
    // composes, breaking, pinned, autoApprove → decision
    [false, false, false, false, { status: REJECTED }],
    [false, true, true, true, { status: REJECTED }],
    [true, false, false, false, { status: ACCEPTED, autoApproved: false }],
    [true, true, false, false, { status: HELD, holdReason: HoldReason.BREAKING_CHANGES }],
    [true, true, false, true, { status: ACCEPTED, autoApproved: true }],
    [true, false, true, false, { status: HELD, holdReason: HoldReason.PINNED }],
    [true, true, true, true, { status: HELD, holdReason: HoldReason.PINNED }],
    [true, false, true, true, { status: HELD, holdReason: HoldReason.PINNED }],
  ])(
    'composes=%s breaking=%s pinned=%s autoApprove=%s',
    (composes, breaking, pinned, autoApprove, expected) => {
      expect(decidePublication({ composes, breaking, pinned, autoApprove })).toEqual(expected);
    },
  );
});

describe('decisionBlocker', () => {
  it.each([
    [HELD, false, null],
    [HELD, true, /later version/],
    [ACCEPTED, false, /only a HELD/],
    [REJECTED, false, /only a HELD/],
    [DECLINED, false, /only a HELD/],
  ])('%s superseded=%s', (status, superseded, expected) => {
    const blocker = decisionBlocker({ status, superseded });
    if (expected === null) expect(blocker).toBeNull();
    else expect(blocker).toMatch(expected);
  });
});
