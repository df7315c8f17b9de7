import { useQuery } from '@apollo/client/react';
import {
  EmptyState,
  formatShanghaiDateTime,
  StatusTag,
  StatusTimeline,
  type StatusTransition,
  useT,
} from '@safety/ui';
import { Alert, Descriptions, Divider, Drawer, Grid, List, Skeleton, Space, Tag, Typography } from 'antd';
import type { PermitDetailQuery, PermitStatus } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { GAS_TESTED_TYPES, PERMIT_STATUS_VARIANTS } from './labels.js';
import { PermitDetailDocument, PermitPeopleDocument } from './operations.js';
import { PermitActions } from './permit-actions.js';
import { UnlicensedWorkerAction } from './unlicensed-worker.js';

export type PermitDetail = NonNullable<PermitDetailQuery['permit']>;

/** P-5: a sample older than this before the start blocks the start (GB 30871-2022, no 60 min relaxation). */
export const GAS_TEST_MAX_AGE_MINUTES = 30;

/**
 * The status history as far as the permit's timestamps tell it (the service keeps no history list):
 * drafted, gas tested, approved, started, suspended, completed, closed or revoked.
 */
function transitionsOf(
  permit: PermitDetail,
  actorOf: (to: string) => string,
): StatusTransition<PermitStatus>[] {
  const steps: Array<{ to: PermitStatus; at: string | null | undefined; reason?: string | null }> = [
    { to: 'DRAFT', at: permit.createdAt },
    {
      to: 'GAS_TESTED',
      at: GAS_TESTED_TYPES.includes(permit.type)
        ? permit.gasTests.find((test) => test.problems.length === 0)?.at
        : null,
    },
    { to: 'APPROVED', at: permit.approvedAt },
    { to: 'IN_PROGRESS', at: permit.startedAt },
    { to: 'SUSPENDED', at: permit.suspendedAt },
    { to: 'COMPLETED', at: permit.completedAt },
    { to: 'CLOSED', at: permit.closedAt },
    { to: 'REVOKED', at: permit.revocation?.at, reason: permit.revocation?.reason },
  ];
  // In the state machine's order: a sample's time may precede the draft's (it is entered to the minute).
  const reached = steps.filter((step): step is { to: PermitStatus; at: string; reason?: string | null } =>
    Boolean(step.at),
  );
  if (permit.status === 'EXPIRED') reached.push({ to: 'EXPIRED', at: permit.validTo });
  return reached.map((step, index) => ({
    from: index === 0 ? null : reached[index - 1]!.to,
    to: step.to,
    at: step.at,
    // Who takes the step by the state machine; the platform revokes on P-2 and expires.
    actor: actorOf(step.to === 'REVOKED' && !permit.revocation?.byId ? 'SYSTEM' : step.to),
    reason: step.reason ?? null,
  }));
}

/** One permit: what, where, when, who (with names from training), gas tests, the gate, the history. */
export function PermitDrawer({ permitId, onClose }: { permitId: string | null; onClose: () => void }) {
  const t = useT(HAZARD_NAMESPACE);
  const { data, loading, error } = useQuery(PermitDetailDocument, {
    variables: { id: permitId ?? '' },
    skip: !permitId,
    fetchPolicy: 'cache-and-network',
  });
  const permit = data?.permit;
  const people = useQuery(PermitPeopleDocument, {
    variables: { enterpriseId: permit?.enterpriseId ?? '' },
    skip: !permit,
  });
  const nameOf = (id: string | null | undefined) =>
    id ? (people.data?.persons.nodes.find((p) => p.id === id)?.nameZh ?? id.slice(0, 8)) : '—';
  // The guardian and the analyst use it on a phone at the site: full width there.
  const screens = Grid.useBreakpoint();

  return (
    <Drawer
      open={permitId !== null}
      onClose={onClose}
      size={screens.md === false ? '100%' : 'large'}
      title={permit ? `${permit.code} ${t(`permit.types.${permit.type}`)}` : t('permit.detail')}
      destroyOnHidden
      data-testid="permit-drawer"
    >
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      {loading && !permit ? <Skeleton active /> : null}
      {!loading && !error && !permit ? <EmptyState title={t('permit.notFound')} /> : null}
      {permit ? <PermitActions permit={permit} nameOf={nameOf} /> : null}
      {permit ? <UnlicensedWorkerAction permit={permit} nameOf={nameOf} /> : null}
      {permit ? <Divider style={{ margin: '12px 0' }} /> : null}
      {permit?.revocation ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('permit.revokedBecause', { reason: permit.revocation.reason })}
          description={`${formatShanghaiDateTime(permit.revocation.at)}${
            permit.revocation.personId
              ? ` · ${t('permit.revokedWorker', { name: nameOf(permit.revocation.personId) })}`
              : ''
          }${permit.revocation.byId ? '' : ` · ${t('permit.revokedBySystem')}`}`}
        />
      ) : null}
      {permit ? (
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('permit.code')}>{permit.code}</Descriptions.Item>
          <Descriptions.Item label={t('hazard.enterprise')}>{permit.enterprise.name}</Descriptions.Item>
          <Descriptions.Item label={t('hazard.status')}>
            <StatusTag status={permit.status} variants={PERMIT_STATUS_VARIANTS} ns={HAZARD_NAMESPACE} />
          </Descriptions.Item>
          <Descriptions.Item label={t('permit.type')}>
            {t(`permit.types.${permit.type}`)}
            {permit.level ? ` · ${t(`permit.levels.${permit.level}`)}` : ''}
          </Descriptions.Item>
          {permit.hotWorkAssessment ? (
            <Descriptions.Item label={t('permit.levelBasis')}>
              {permit.hotWorkAssessment.reasons
                .map((r) => `${r.messageZh}${r.detail ? `（${r.detail}）` : ''}`)
                .join('；')}
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('permit.purpose')}>
            {t(`permit.purposes.${permit.purpose}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('permit.location')}>{permit.location}</Descriptions.Item>
          <Descriptions.Item label={t('permit.validity')}>
            {`${formatShanghaiDateTime(permit.validFrom)} – ${formatShanghaiDateTime(permit.validTo)}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('permit.measures')}>
            {permit.measures.length ? permit.measures.map((m) => m.text).join('；') : '—'}
          </Descriptions.Item>
          {permit.equipmentChecks.length ? (
            <Descriptions.Item label={t('permit.equipment')}>
              {permit.equipmentChecks
                .map((c) => `${c.equipmentId} ${c.inspectedAt} ${t(`permit.equipmentResults.${c.result}`)}`)
                .join('；')}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : null}
      {permit ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('permit.workers')}
          </Typography.Title>
          <List
            size="small"
            bordered
            data-testid="permit-workers"
            dataSource={permit.workers}
            renderItem={(worker) => {
              const reasons = (permit.lastGate?.reasons ?? []).filter((r) => r.personId === worker.personId);
              return (
                <List.Item>
                  <Space wrap>
                    <Tag>{t(`permit.roles.${worker.role}`)}</Tag>
                    <Typography.Text strong>{nameOf(worker.personId)}</Typography.Text>
                    {worker.workKinds.map((kind) => (
                      <Tag key={kind}>{t(`permit.workKindLabels.${kind}`)}</Tag>
                    ))}
                    <Typography.Text type="secondary">{worker.engagedBy.name}</Typography.Text>
                    {reasons.map((r) => (
                      <Tag color="red" key={`${r.code}-${r.detail}`}>
                        {r.messageZh}
                      </Tag>
                    ))}
                  </Space>
                </List.Item>
              );
            }}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('permit.gasTests')}
          </Typography.Title>
          {GAS_TESTED_TYPES.includes(permit.type) ? (
            <Typography.Paragraph type="secondary">{t('permit.gasAgeRule')}</Typography.Paragraph>
          ) : null}
          {permit.gasTests.length === 0 ? (
            <EmptyState image="simple" title={t('permit.noGasTests')} />
          ) : (
            <List
              size="small"
              bordered
              data-testid="permit-gas-tests"
              dataSource={[...permit.gasTests].reverse()}
              renderItem={(test, index) => {
                const latest = index === 0;
                return (
                  <List.Item>
                    <Space orientation="vertical" size={2}>
                      <Space wrap>
                        <Typography.Text strong>{formatShanghaiDateTime(test.at)}</Typography.Text>
                        <Typography.Text>{test.point}</Typography.Text>
                        {test.problems.length ? (
                          <Tag color="red">{t('permit.gasFailed')}</Tag>
                        ) : (
                          <Tag color="green">{t('permit.gasPassed')}</Tag>
                        )}
                        {latest &&
                        GAS_TESTED_TYPES.includes(permit.type) &&
                        ['DRAFT', 'GAS_TESTED', 'APPROVED', 'SUSPENDED'].includes(permit.status) ? (
                          // P-5: the work starts within 30 min of the sample, by the service's clock.
                          <Tag color="blue">
                            {t('permit.startBy', {
                              time: formatShanghaiDateTime(
                                new Date(Date.parse(test.at) + GAS_TEST_MAX_AGE_MINUTES * 60_000),
                              ),
                            })}
                          </Tag>
                        ) : null}
                      </Space>
                      <Typography.Text type="secondary">
                        {[
                          test.oxygenPctVol ? `O₂ ${test.oxygenPctVol}%vol` : null,
                          ...test.flammables.map(
                            (f) =>
                              `${f.substance ?? t('permit.flammable')} ${f.reading}${
                                f.unit === 'PCT_LEL' ? '%LEL' : '%vol'
                              } (LEL ${f.lelPctVol}%)`,
                          ),
                          ...test.toxics.map((x) => `${x.substance} ${x.mgPerM3} mg/m³`),
                          `${t('permit.analyst')} ${nameOf(test.analystId)}`,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Typography.Text>
                      {test.problems.map((p) => (
                        <Typography.Text type="danger" key={`${p.code}-${p.detail}`}>
                          {p.messageZh}
                          {p.detail ? `（${p.detail}）` : ''}
                        </Typography.Text>
                      ))}
                    </Space>
                  </List.Item>
                );
              }}
            />
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('permit.history')}
          </Typography.Title>
          <StatusTimeline
            transitions={transitionsOf(permit, (to) => t(`permit.actorOf.${to}`))}
            variants={PERMIT_STATUS_VARIANTS}
            ns={HAZARD_NAMESPACE}
          />
        </>
      ) : null}
    </Drawer>
  );
}
