import { useQuery } from '@apollo/client/react';
import { EmptyState, formatShanghaiDateTime, useT } from '@safety/ui';
import { Alert, Descriptions, Drawer, Skeleton, Space, Tag } from 'antd';
import { SUPERVISION_NAMESPACE } from '../i18n/resources.js';
import { OperatingStatusTag, SupervisionClassTag } from './labels.js';
import { EnterpriseDetailDocument } from './operations.js';

export interface EnterpriseDrawerProps {
  enterpriseId: string | null;
  onClose: () => void;
}

/** One enterprise's registry fields and its regulators (resolved by responsibility through federation). */
export function EnterpriseDrawer({ enterpriseId, onClose }: EnterpriseDrawerProps) {
  const t = useT(SUPERVISION_NAMESPACE);
  const { data, loading, error } = useQuery(EnterpriseDetailDocument, {
    variables: { id: enterpriseId ?? '' },
    skip: !enterpriseId,
  });
  const enterprise = data?.enterprise;
  return (
    <Drawer
      open={enterpriseId !== null}
      onClose={onClose}
      size="large"
      title={enterprise?.name ?? t('enterprise.detail')}
      destroyOnHidden
      data-testid="enterprise-drawer"
    >
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      {loading && !enterprise ? <Skeleton active /> : null}
      {!loading && !error && !enterprise ? <EmptyState title={t('enterprise.notFound')} /> : null}
      {enterprise ? (
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('enterprise.name')}>{enterprise.name}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.shortName')}>{enterprise.shortName}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.uscc')}>{enterprise.uscc}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.township')}>{enterprise.townshipName}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.industry')}>
            {t(`industry.${enterprise.industryCode}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.supervisionClass')}>
            <SupervisionClassTag
              value={enterprise.supervisionClass}
              label={t(`class.${enterprise.supervisionClass}`)}
            />
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.operatingStatus')}>
            <OperatingStatusTag
              value={enterprise.operatingStatus}
              label={t(`status.${enterprise.operatingStatus}`)}
            />
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.regulators')}>
            {enterprise.regulators?.length ? (
              <Space size={[4, 4]} wrap data-testid="enterprise-regulators">
                {enterprise.regulators.map((org) => (
                  <Tag key={org.id}>{org.name}</Tag>
                ))}
              </Space>
            ) : (
              t('enterprise.none')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.scale')}>
            {t(`scale.${enterprise.scale}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.employeeCount')}>
            {enterprise.employeeCount}
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.legalRepresentative')}>
            {enterprise.legalRepresentative}
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.address')}>{enterprise.address}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.constructionProject')}>
            {enterprise.isConstructionProject ? t('enterprise.yes') : t('enterprise.no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.updatedAt')}>
            {formatShanghaiDateTime(enterprise.updatedAt)}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </Drawer>
  );
}
