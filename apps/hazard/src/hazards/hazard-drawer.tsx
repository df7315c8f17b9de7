import { useQuery } from '@apollo/client/react';
import { useFileTransport } from '@safety/client';
import {
  DeadlineBadge,
  EmptyState,
  FileUpload,
  formatShanghaiDateTime,
  StatusTag,
  StatusTimeline,
  useT,
} from '@safety/ui';
import { Alert, Descriptions, Divider, Drawer, Skeleton, Space, Typography } from 'antd';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { ListingCard } from '../listings/listing-card.js';
import { HazardActions } from './hazard-actions.js';
import { GRADE_VARIANTS, isFinished, STATUS_VARIANTS } from './labels.js';
import { HazardDetailDocument } from './operations.js';

export interface HazardDrawerProps {
  hazardId: string | null;
  onClose: () => void;
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
        </Descriptions>
      ) : null}
      {hazard?.listingId ? <ListingCard listingId={hazard.listingId} /> : null}
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
            transitions={hazard.history.map((step) => ({
              from: step.from ?? null,
              to: step.to,
              at: step.at,
              actor: step.actorUsername ?? t('hazard.system'),
              reason: step.reason,
            }))}
            variants={STATUS_VARIANTS}
            ns={HAZARD_NAMESPACE}
          />
        </>
      ) : null}
    </Drawer>
  );
}
