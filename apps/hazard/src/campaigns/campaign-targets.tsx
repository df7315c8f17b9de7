import { useMutation, useQuery } from '@apollo/client/react';
import { useSession } from '@safety/client';
import { applyServerErrors, EmptyState, formatShanghaiDateTime, useT } from '@safety/ui';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Progress,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { CampaignStatus, CampaignTargetsQuery } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { CampaignTargetsDocument, RecordCampaignCheckDocument } from './operations.js';

type Target = CampaignTargetsQuery['campaignTargets']['nodes'][number];

/** The service's CAMPAIGN_CHECKER_ROLES: the managers plus enforcers and stationed supervisors. */
const CHECKER_ROLES = [
  'COUNTY_LEADER',
  'SAC_OFFICE',
  'EMB_STAFF',
  'INDUSTRY_REGULATOR',
  'TOWNSHIP_OFFICER',
  'EMB_ENFORCER',
  'STATIONED_SUPERVISOR',
];

/**
 * The campaign's target enterprises, checked or not (domain §5.11 coverage); a checker records the
 * check of one while the campaign is ACTIVE, and the coverage above moves with it.
 */
export function CampaignTargetList({ campaignId, status }: { campaignId: string; status: CampaignStatus }) {
  const t = useT(HAZARD_NAMESPACE);
  const session = useSession();
  const canCheck =
    status === 'ACTIVE' && (session?.account.roles ?? []).some((role) => CHECKER_ROLES.includes(role));
  const { data, loading, error } = useQuery(CampaignTargetsDocument, { variables: { campaignId } });
  const [filter, setFilter] = useState<'all' | 'open' | 'checked'>('all');
  const [checking, setChecking] = useState<Target | null>(null);
  const all = data?.campaignTargets.nodes ?? [];
  const checked = all.filter((target) => target.checkedAt).length;
  const rows = all.filter((target) =>
    filter === 'all' ? true : filter === 'checked' ? Boolean(target.checkedAt) : !target.checkedAt,
  );

  return (
    <Card
      size="small"
      title={t('campaign.checks.title')}
      data-testid="campaign-targets"
      extra={
        <Segmented
          size="small"
          value={filter}
          onChange={(value) => setFilter(value as typeof filter)}
          options={(['all', 'open', 'checked'] as const).map((value) => ({
            value,
            label: t(`campaign.checks.filter.${value}`),
          }))}
        />
      }
    >
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 8 }} /> : null}
      {all.length ? (
        <Space style={{ width: '100%', marginBottom: 8 }} wrap>
          <Typography.Text data-testid="campaign-checked-count">
            {t('campaign.checks.progress', { checked, total: all.length })}
          </Typography.Text>
          <Progress percent={Math.round((checked / all.length) * 100)} size="small" style={{ width: 160 }} />
        </Space>
      ) : null}
      <Table<Target>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyState image="simple" title={t('campaign.noTargets')} /> }}
        columns={[
          {
            key: 'enterprise',
            title: t('hazard.enterprise'),
            render: (_: unknown, row) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text>{row.enterprise.name}</Typography.Text>
                <Typography.Text type="secondary">{row.enterprise.townshipName}</Typography.Text>
              </Space>
            ),
          },
          {
            key: 'checked',
            title: t('campaign.checks.state'),
            render: (_: unknown, row) =>
              row.checkedAt ? (
                <Space orientation="vertical" size={0}>
                  <Tag color="success">{t('campaign.checks.checked')}</Tag>
                  <Typography.Text type="secondary">{formatShanghaiDateTime(row.checkedAt)}</Typography.Text>
                  {row.checkNote ? <Typography.Text type="secondary">{row.checkNote}</Typography.Text> : null}
                </Space>
              ) : (
                <Tag>{t('campaign.checks.notChecked')}</Tag>
              ),
          },
          ...(canCheck
            ? [
                {
                  key: 'action',
                  title: t('listing.actions'),
                  render: (_: unknown, row: Target) => (
                    <Button
                      size="small"
                      type={row.checkedAt ? 'default' : 'primary'}
                      onClick={() => setChecking(row)}
                      aria-label={`${t('campaign.checks.record')} ${row.enterprise.name}`}
                    >
                      {t(row.checkedAt ? 'campaign.checks.recordAgain' : 'campaign.checks.record')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {checking ? (
        <RecordCheckModal campaignId={campaignId} target={checking} onClose={() => setChecking(null)} />
      ) : null}
    </Card>
  );
}

function RecordCheckModal({
  campaignId,
  target,
  onClose,
}: {
  campaignId: string;
  target: Target;
  onClose: () => void;
}) {
  const t = useT(HAZARD_NAMESPACE);
  const [form] = Form.useForm<{ note?: string }>();
  const [banner, setBanner] = useState<string[]>([]);
  // Progress (coverage) is counted by the service: refetch it with the list.
  const [record, { loading }] = useMutation(RecordCampaignCheckDocument, {
    refetchQueries: ['CampaignTargets', 'CampaignDetail', 'CampaignList'],
    awaitRefetchQueries: true,
  });
  const submit = async () => {
    setBanner([]);
    const values = await form.validateFields();
    try {
      // checkedAt is left to the service: its clock says when (it refuses a future time).
      await record({
        variables: {
          input: { campaignId, enterpriseId: target.enterpriseId, note: values.note?.trim() || undefined },
        },
      });
      onClose();
    } catch (error) {
      const unplaced = applyServerErrors(form, error, { prefix: [] });
      if (unplaced.length) setBanner(unplaced);
    }
  };
  return (
    <Modal
      open
      title={`${t('campaign.checks.record')} · ${target.enterprise.name}`}
      okText={t('action.ok')}
      cancelText={t('action.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={loading}
      destroyOnHidden
    >
      {banner.length ? (
        <Alert type="error" showIcon title={banner.join('；')} style={{ marginBottom: 12 }} />
      ) : null}
      <Typography.Paragraph type="secondary">{t('campaign.checks.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={t('campaign.checks.note')}>
          <Input.TextArea rows={3} maxLength={1000} aria-label={t('campaign.checks.note')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
