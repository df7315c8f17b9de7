import { useQuery } from '@apollo/client/react';
import { DeadlineBadge, EmptyState, formatShanghaiDateTime, StatusTag, useT } from '@safety/ui';
import { Alert, Descriptions, Drawer, Skeleton, Space } from 'antd';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
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
        </Descriptions>
      ) : null}
    </Drawer>
  );
}
