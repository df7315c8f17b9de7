import { useQuery } from '@apollo/client/react';
import { EmptyState, useT } from '@safety/ui';
import { Alert, Drawer, Skeleton, Table, Tag } from 'antd';
import type { OrgUnitOfficialsQuery } from '../gql/graphql.js';
import { RESPONSIBILITY_NAMESPACE } from '../i18n/resources.js';
import { OrgUnitOfficialsDocument } from './operations.js';

type OfficialRow = NonNullable<OrgUnitOfficialsQuery['orgUnit']>['officials'][number];

export interface OfficialsDrawerProps {
  orgUnit: { id: string; name: string } | null;
  onClose: () => void;
}

/** The officials of one org unit, principals first (党政同责、一岗双责). */
export function OfficialsDrawer({ orgUnit, onClose }: OfficialsDrawerProps) {
  const t = useT(RESPONSIBILITY_NAMESPACE);
  const { data, loading, error } = useQuery(OrgUnitOfficialsDocument, {
    variables: { id: orgUnit?.id ?? '' },
    skip: !orgUnit,
  });
  const officials = data?.orgUnit?.officials ?? [];
  return (
    <Drawer
      open={orgUnit !== null}
      onClose={onClose}
      size="large"
      title={orgUnit ? `${orgUnit.name} · ${t('orgUnit.officials')}` : t('orgUnit.officials')}
      destroyOnHidden
      data-testid="officials-drawer"
    >
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      {loading && !data ? <Skeleton active /> : null}
      {data && officials.length === 0 ? <EmptyState title={t('orgUnit.noOfficials')} /> : null}
      {officials.length > 0 ? (
        <Table<OfficialRow>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={officials}
          columns={[
            {
              key: 'name',
              title: t('orgUnit.name'),
              render: (_: unknown, row: OfficialRow) => (
                <>
                  {row.name} {row.isPrincipal ? <Tag color="red">{t('orgUnit.principal')}</Tag> : null}
                </>
              ),
            },
            { key: 'position', dataIndex: 'position', title: t('orgUnit.position') },
            {
              key: 'portfolio',
              title: t('orgUnit.portfolio'),
              render: (_: unknown, row: OfficialRow) => row.portfolio.join('、') || '—',
            },
          ]}
        />
      ) : null}
    </Drawer>
  );
}
