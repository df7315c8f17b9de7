import { useQuery } from '@apollo/client/react';
import { useFileTransport } from '@safety/client';
import {
  DeadlineBadge,
  EmptyState,
  FileUpload,
  formatShanghaiDateTime,
  StatusTag,
  StatusTimeline,
  type StatusTransition,
  type TranslateFn,
  useT,
} from '@safety/ui';
import { Alert, Button, Descriptions, Divider, Drawer, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { HazardDetailFieldsFragment, HazardStatus } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { ListingCard } from '../listings/listing-card.js';
import {
  DecideNotToListModal,
  inListingQueue,
  NotListedDecision,
  useMayDecideNotToList,
} from '../listings/not-listed.js';
import { HazardActions, PlanSummary } from './hazard-actions.js';
import { HazardTasksSection } from './hazard-tasks.js';
import { GRADE_VARIANTS, isFinished, STATUS_VARIANTS } from './labels.js';
import { LessonsLearnedAction } from './lessons-learned.js';
import { HazardDetailDocument, SupervisingOrgDocument } from './operations.js';

export interface HazardDrawerProps {
  hazardId: string | null;
  onClose: () => void;
}

type Hazard = HazardDetailFieldsFragment;
type Step = StatusTransition<HazardStatus>;

/** The status history; the service records the plan's submission and approval in it too (§5.6 row 5). */
function historySteps(hazard: Hazard, t: TranslateFn): Step[] {
  return hazard.history.map((step) => ({
    from: step.from ?? null,
    to: step.to,
    at: step.at,
    actor: step.actorUsername ?? t('hazard.system'),
    reason: step.reason,
  }));
}

/** H-2: a confirmed hazard found by government, or any confirmed MAJOR hazard, has its two legs issued. */
const GOVERNMENT_SOURCES = ['GOV_INSPECTION', 'SPECIAL_CAMPAIGN', 'LEADER_INSPECTION'];
const expectsTasks = (hazard: Hazard) =>
  Boolean(hazard.confirmedAt) && (hazard.grade === 'MAJOR' || GOVERNMENT_SOURCES.includes(hazard.source));

/** The supervising department (domain §5.5, e.g. 市场监管 for special equipment): its name, else its id. */
function SupervisingOrg({ orgId }: { orgId: string }) {
  const t = useT(HAZARD_NAMESPACE);
  const { data, loading } = useQuery(SupervisingOrgDocument, {
    variables: { id: orgId },
    errorPolicy: 'all',
  });
  if (loading && !data) return <Skeleton.Input size="small" active />;
  return (
    <span data-testid="hazard-supervising-org">
      {data?.orgUnit?.name ?? t('supervision.unknownDepartment', { id: orgId.slice(0, 8) })}
    </span>
  );
}

/** 不予挂牌 from the drawer of a queued major hazard, for the SAC office (domain §5.7.2). */
function NotListedAction({ hazard }: { hazard: Hazard }) {
  const t = useT(HAZARD_NAMESPACE);
  const mayDecide = useMayDecideNotToList();
  const [open, setOpen] = useState(false);
  if (!mayDecide || !inListingQueue(hazard)) return null;
  return (
    <>
      <Button danger onClick={() => setOpen(true)} style={{ marginTop: 8 }}>
        {t('listing.notListed')}
      </Button>
      {open ? <DecideNotToListModal hazard={hazard} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/** One hazard: what, where (the enterprise, via federation), its grade, status and deadline. */
export function HazardDrawer({ hazardId, onClose }: HazardDrawerProps) {
  const t = useT(HAZARD_NAMESPACE);
  const { data, loading, error } = useQuery(HazardDetailDocument, {
    variables: { id: hazardId ?? '' },
    skip: !hazardId,
  });
  const hazard = data?.hazard;
  const transport = useFileTransport();
  return (
    <Drawer
      open={hazardId !== null}
      onClose={onClose}
      size="large"
      title={hazard ? `${hazard.code} ${hazard.title}` : t('hazard.detail')}
      destroyOnHidden
      data-testid="hazard-drawer"
    >
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      {loading && !hazard ? <Skeleton active /> : null}
      {!loading && !error && !hazard ? <EmptyState title={t('hazard.notFound')} /> : null}
      {hazard ? <HazardActions hazard={hazard} /> : null}
      {hazard ? <NotListedAction hazard={hazard} /> : null}
      {hazard ? <LessonsLearnedAction hazard={hazard} /> : null}
      {hazard ? <Divider style={{ margin: '12px 0' }} /> : null}
      {hazard ? (
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('hazard.code')}>{hazard.code}</Descriptions.Item>
          <Descriptions.Item label={t('hazard.title')}>{hazard.title}</Descriptions.Item>
          <Descriptions.Item label={t('hazard.enterprise')}>
            {hazard.enterprise?.name ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('hazard.township')}>
            {hazard.enterprise?.townshipName ?? '—'}
          </Descriptions.Item>
          {hazard.supervisingOrgId ? (
            <Descriptions.Item label={t('supervision.department')}>
              <SupervisingOrg orgId={hazard.supervisingOrgId} />
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('hazard.grade')}>
            <StatusTag status={hazard.grade} variants={GRADE_VARIANTS} ns={HAZARD_NAMESPACE} />
          </Descriptions.Item>
          <Descriptions.Item label={t('hazard.status')}>
            <StatusTag status={hazard.status} variants={STATUS_VARIANTS} ns={HAZARD_NAMESPACE} />
          </Descriptions.Item>
          <Descriptions.Item label={t('hazard.source')}>{t(`source.${hazard.source}`)}</Descriptions.Item>
          <Descriptions.Item label={t('hazard.foundAt')}>
            {formatShanghaiDateTime(hazard.foundAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('hazard.deadline')}>
            {hazard.deadline ? (
              <Space>
                {hazard.deadline}
                <DeadlineBadge deadline={hazard.deadline} closed={isFinished(hazard.status)} />
              </Space>
            ) : (
              t('hazard.noDeadline')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('hazard.closedAt')}>
            {hazard.closedAt ? formatShanghaiDateTime(hazard.closedAt) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('hazard.description')}>{hazard.description}</Descriptions.Item>
          <Descriptions.Item label={t('hazard.location')}>{hazard.location ?? '—'}</Descriptions.Item>
          {hazard.criterion ? (
            <Descriptions.Item label={t('hazard.criterion')}>
              {`${hazard.criterion.standardTitle} ${hazard.criterion.clauseNo}：${hazard.criterion.textParaphrase}`}
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('hazard.acceptanceTier')}>
            {t(`tier.${hazard.acceptanceTier}`)}
          </Descriptions.Item>
          {hazard.treatAsAccident || hazard.repeatOf ? (
            <Descriptions.Item label={t('hazard.flags')}>
              <Space wrap>
                {/* H-5 当作事故对待; H-6 repeat of a closed hazard. */}
                {hazard.treatAsAccident ? <Tag color="red">{t('hazard.treatAsAccident')}</Tag> : null}
                {hazard.repeatOf ? (
                  <Tag color="orange">{t('hazard.repeatOf', { code: hazard.repeatOf.code })}</Tag>
                ) : null}
              </Space>
            </Descriptions.Item>
          ) : null}
          {hazard.interimMeasures.length ? (
            <Descriptions.Item label={t('plan.interimMeasures')}>
              <Space orientation="vertical" size={2} data-testid="interim-measures">
                {hazard.interimMeasures.map((m, index) => (
                  <span key={`${m.kind}-${index}`}>
                    <Tag color={m.kind.endsWith('SUSPENSION') ? 'red' : 'default'}>
                      {t(`plan.interim.${m.kind}`)}
                    </Tag>
                    {m.text}
                  </span>
                ))}
              </Space>
            </Descriptions.Item>
          ) : null}
          {hazard.listingDecision ? (
            <Descriptions.Item label={t('listing.notListedDecision')}>
              <Space wrap size={4}>
                <Tag color="default">{t('listing.notListed')}</Tag>
                <NotListedDecision decision={hazard.listingDecision} />
              </Space>
            </Descriptions.Item>
          ) : null}
          {hazard.resumptionReviewDue ? (
            <Descriptions.Item label={t('hazard.resumptionReviewDue')}>
              <Space>
                {hazard.resumptionReviewDue}
                <DeadlineBadge deadline={hazard.resumptionReviewDue} closed={isFinished(hazard.status)} />
              </Space>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : null}
      {hazard && (hazard.plan || hazard.grade === 'MAJOR') ? (
        <div data-testid="hazard-plan" style={{ marginTop: 16 }}>
          <Space style={{ marginBottom: 8 }} wrap>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('plan.title')}
            </Typography.Title>
            {hazard.plan ? (
              hazard.plan.approvedAt ? (
                <Tag color="success">
                  {t('plan.approvedOn', { at: formatShanghaiDateTime(hazard.plan.approvedAt) })}
                </Tag>
              ) : (
                <Tag color="warning">{t('plan.awaitingApproval')}</Tag>
              )
            ) : (
              <Tag color="error">{t('plan.missing')}</Tag>
            )}
          </Space>
          {hazard.plan ? (
            <>
              <PlanSummary plan={hazard.plan} />
              {hazard.plan.planFileId ? (
                <FileUpload transport={transport} readOnly value={[{ id: hazard.plan.planFileId }]} />
              ) : null}
            </>
          ) : (
            <Typography.Text type="secondary">{t('plan.missingHint')}</Typography.Text>
          )}
        </div>
      ) : null}
      {hazard?.listingId ? <ListingCard listingId={hazard.listingId} /> : null}
      {hazard ? (
        <HazardTasksSection
          hazardId={hazard.id}
          enterpriseName={hazard.enterprise?.name}
          expected={expectsTasks(hazard)}
        />
      ) : null}
      {hazard ? (
        <>
          {(['BEFORE', 'AFTER'] as const).map((kind) => {
            const files = hazard.evidence.filter((item) => item.kind === kind);
            return (
              <div key={kind} data-testid={`evidence-${kind}`}>
                <Typography.Title level={5}>{t(`evidence.${kind}`)}</Typography.Title>
                {kind === 'BEFORE' && hazard.noPhotoReason && files.length === 0 ? (
                  <Typography.Text type="secondary">{hazard.noPhotoReason}</Typography.Text>
                ) : (
                  <FileUpload
                    transport={transport}
                    readOnly
                    value={files.map((item) => ({ id: item.fileId, name: item.caption ?? undefined }))}
                  />
                )}
              </div>
            );
          })}
          <Typography.Title level={5}>{t('hazard.history')}</Typography.Title>
          <StatusTimeline
            transitions={historySteps(hazard, t)}
            variants={STATUS_VARIANTS}
            ns={HAZARD_NAMESPACE}
          />
        </>
      ) : null}
    </Drawer>
  );
}
