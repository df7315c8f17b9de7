import { describe, expect, it } from 'vitest';
import type { CheckResult, SchemaChange } from '../checks/index.js';
import { type Approval, parseArgs, publishVerdict, readApprovals, verdict } from './cli.rules.js';

describe('parseArgs', () => {
  it('checks offline without a registry, online with one, unless --offline', () => {
    const offline = parseArgs(['check', 'hazard'], {});
    expect(offline).toMatchObject({
      ok: true,
      options: { services: ['hazard'], offline: true, base: 'HEAD~1' },
    });
    const online = parseArgs(['check', '--all'], {
      REGISTRY_URL: 'http://r:4001/',
      SCHEMA_BASE_REF: 'origin/main',
    });
    expect(online).toMatchObject({
      ok: true,
      options: { services: 'all', offline: false, registryUrl: 'http://r:4001', base: 'origin/main' },
    });
    expect(parseArgs(['check', 'hazard', '--offline'], { REGISTRY_URL: 'http://r' })).toMatchObject({
      options: { offline: true },
    });
    expect(parseArgs(['check', 'a', '--', '--base', 'main', '--json'], {})).toMatchObject({
      options: { services: ['a'], base: 'main', json: true },
    });
  });

  it.each([
    [[], /unknown command/],
    [['deploy', 'hazard'], /unknown command/],
    [['check'], /which service/],
    [['check', 'a', '--all'], /not both/],
    [['check', 'a', '--base'], /--base needs a value/],
    [['check', 'a', '--frobnicate'], /unknown option/],
    [['check', '../etc'], /invalid service name/],
    [['publish', 'a', 'b'], /exactly one/],
    [['publish', 'a'], /needs REGISTRY_URL/],
  ])('%j is a usage error', (argv, error) => {
    const parsed = parseArgs(argv, {});
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });
});

const approval: Approval = {
  coordinate: 'Hazard.title',
  changeType: 'FIELD_REMOVED',
  reason: 'moved',
  approvedBy: 'admin',
  date: '2026-03-01',
};

describe('readApprovals', () => {
  it.each([
    [{ approvals: [] }, true],
    [{ approvals: [approval] }, true],
    [[approval], false],
    [{ approvals: [{ ...approval, reason: ' ' }] }, false],
    [{ approvals: [{ ...approval, date: undefined }] }, false],
    [null, false],
  ])('%j → ok %s', (json, ok) => {
    expect(readApprovals(json).ok).toBe(ok);
  });
});

describe('verdict', () => {
  const removed: SchemaChange = {
    criticality: 'BREAKING',
    type: 'FIELD_REMOVED',
    message: 'removed',
    path: 'Hazard.title',
    affectedOperations: [
      { kind: 'TRUSTED_DOCUMENT', operationName: 'Q', operationHash: 'h1', clientName: 'app-hazard' },
    ],
  };
  const document = { clientName: 'app-hazard', hash: 'h1', operationName: 'Q', body: '{ a }' };
  const result = (over: Partial<CheckResult>): CheckResult => ({
    composes: true,
    errors: [],
    supergraphSdl: '',
    changes: [],
    breaking: false,
    brokenDocuments: [],
    ...over,
  });

  it.each<[string, Partial<CheckResult>, Approval[], number]>([
    ['no changes', {}, [], 0],
    ['dangerous and safe only', { changes: [{ ...removed, criticality: 'DANGEROUS' }] }, [], 0],
    ['does not compose', { composes: false, errors: [{ message: 'x' }] }, [], 1],
    ['breaking, unapproved', { changes: [removed], breaking: true }, [], 1],
    ['breaking, approved', { changes: [removed], breaking: true }, [approval], 0],
    [
      'approval of another change type',
      { changes: [removed] },
      [{ ...approval, changeType: 'FIELD_TYPE_CHANGED' }],
      1,
    ],
    [
      'broken document, its change approved',
      { changes: [removed], brokenDocuments: [document] },
      [approval],
      0,
    ],
    ['broken document no change accounts for', { brokenDocuments: [document] }, [approval], 1],
  ])('%s → %i', (_name, over, approvals, exitCode) => {
    expect(verdict(result(over), approvals).exitCode).toBe(exitCode);
  });
});

describe('publishVerdict', () => {
  it.each([
    [200, { status: 'ACCEPTED', changed: true }, 'live', 0],
    [200, { version: 1, supergraphVersion: 1, changed: true }, 'live', 0],
    [200, { status: 'ACCEPTED', changed: false }, 'unchanged', 0],
    [202, { status: 'HELD', held: true }, 'held', 1],
    [422, { status: 'REJECTED', errors: [] }, 'rejected', 1],
    [422, { errors: [] }, 'rejected', 1],
    [422, { status: 'DECLINED', errors: [] }, 'declined', 1],
    [400, { error: 'url must be an http(s) URL' }, 'error', 2],
    [503, { error: 'registry is not ready' }, 'error', 2],
  ])('%i %j → %s', (status, body, kind, exitCode) => {
    expect(publishVerdict(status, body)).toMatchObject({ kind, exitCode });
  });
});
