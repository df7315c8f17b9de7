import { PlusOutlined } from '@ant-design/icons';
import { useApolloClient } from '@apollo/client/react';
import { type FilterArgs, PagedTable, usePagedConnection, useSession } from '@safety/client';
import {
  EmptyState,
  formatShanghaiDateTime,
  type ServerTableColumn,
  type ServerTableFilter,
  StatusTag,
  useT,
} from '@safety/ui';
import { Alert, Button, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Route, Routes, useNavigate } from 'react-router';
import type { PermitGateQuery, PermitListQuery } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { PERMIT_AUTHOR_ROLES, PERMIT_STATUS_VARIANTS } from './labels.js';
import { PermitGateDocument, PermitListDocument } from './operations.js';
import { PermitApplyPage } from './permit-apply-page.js';
import { PermitDrawer } from './permit-drawer.js';

type PermitRow = PermitListQuery['permits']['nodes'][number];
type Gate = PermitGateQuery['permitGate'];

const FILTER_ARGS: FilterArgs = { type: 'type', status: 'status' };
const TYPES = [
  'HOT_WORK',
  'CONFINED_SPACE',
  'BLIND_PLATE',
  'WORK_AT_HEIGHT',
  'LIFTING',
  'TEMP_POWER',
  'EXCAVATION',
  'ROAD_BREAK',
] as const;
const STATUSES = [
  'DRAFT',
  'GAS_TESTED',
  'APPROVED',
  'IN_PROGRESS',
  'SUSPENDED',
  'COMPLETED',
  'CLOSED',
  'REVOKED',
  'EXPIRED',
] as const;

/** 危险作业票 (domain §5.9): the list, and 申请作业票 at `permits/apply`. */
export function PermitListPage() {
  return (
    <Routes>
      <Route path="apply" element={<PermitApplyPage />} />
      <Route path="*" element={<PermitTable />} />
    </Routes>
  );
}

/**
 * 危险作业票 (domain §5.9): permits in scope; 资格校验 asks the qualification gate now (training's
 * certificates and three-level education at the permit's start) and shows every failing reason (P-1).
 */
function PermitTable() {
  const t = useT(HAZARD_NAMESPACE);
  const client = useApolloClient();
  const navigate = useNavigate();
  const session = useSession();
  const canApply = (session?.account.roles ?? []).some((role) => PERMIT_AUTHOR_ROLES.includes(role));
  // The open permit is in the URL (?permit=<id>), so the form's redirect and links open it.
  const [openId, setOpenIdState] = useState(() => new URLSearchParams(window.location.search).get('permit'));
  const setOpenId = (id: string | null) => {
    const url = new URL(window.location.href);
    if (id) url.searchParams.set('permit', id);
    else url.searchParams.delete('permit');
    window.history.replaceState(window.history.state, '', url);
    setOpenIdState(id);
  };
  const list = usePagedConnection(PermitListDocument, {
    connection: (data) => data.permits,
    filterArgs: FILTER_ARGS,
  });
  const [gate, setGate] = useState<{ permit: PermitRow; result?: Gate; error?: string } | null>(null);

  const checkGate = async (permit: PermitRow) => {
    setGate({ permit });
    try {
      const { data } = await client.query({
        query: PermitGateDocument,
        variables: { permitId: permit.id },
        fetchPolicy: 'network-only',
      });
      setGate({ permit, result: data?.permitGate });
    } catch (error) {
      setGate({ permit, error: error instanceof Error ? error.message : String(error) });
    }
  };

  const columns: ServerTableColumn<PermitRow>[] = [
    { key: 'code', title: t('permit.code'), render: (_: unknown, row) => row.code },
    { key: 'enterprise', title: t('hazard.enterprise'), render: (_: unknown, row) => row.enterprise.name },
    {
      key: 'type',
      title: t('permit.type'),
      render: (_: unknown, row) => `${t(`permit.types.${row.type}`)}${row.level ? ` · ${row.level}` : ''}`,
    },
    { key: 'location', title: t('hazard.location'), render: (_: unknown, row) => row.location },
    {
      key: 'validity',
      title: t('permit.validity'),
      render: (_: unknown, row) =>
        `${formatShanghaiDateTime(row.validFrom)} – ${formatShanghaiDateTime(row.validTo)}`,
    },
    {
      key: 'status',
      title: t('hazard.status'),
      render: (_: unknown, row) => (
        <StatusTag status={row.status} variants={PERMIT_STATUS_VARIANTS} ns={HAZARD_NAMESPACE} />
      ),
    },
    {
      key: 'gate',
      title: t('permit.gate'),
      render: (_: unknown, row) =>
        row.lastGate ? (
          <Tag color={row.lastGate.ok ? 'green' : 'red'}>
            {row.lastGate.ok ? t('permit.gateOk') : t('permit.gateFailed')}
          </Tag>
        ) : (
          '—'
        ),
    },
    {
      key: 'actions',
      title: t('listing.actions'),
      hideable: false,
      render: (_: unknown, row) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setOpenId(row.id)}>
            {t('permit.open')}
          </Button>
          <Button size="small" onClick={() => void checkGate(row)}>
            {t('permit.checkGate')}
          </Button>
        </Space>
      ),
    },
  ];
  const filters: ServerTableFilter[] = [
    {
      key: 'type',
      label: t('permit.type'),
      type: 'select',
      options: TYPES.map((value) => ({ value, label: t(`permit.types.${value}`) })),
    },
    {
      key: 'status',
      label: t('hazard.status'),
      type: 'select',
      options: STATUSES.map((value) => ({ value, label: t(`permit.statuses.${value}`) })),
    },
  ];

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('permit.title')}
        </Typography.Title>
        {canApply ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('apply')}>
            {t('permit.apply')}
          </Button>
        ) : null}
      </Space>
      <PagedTable<PermitRow>
        list={list}
        tableId="hazard.permits"
        columns={columns}
        filters={filters}
        empty={
          <EmptyState
            image="simple"
            title={t('permit.empty')}
            action={canApply ? { label: t('permit.apply'), onClick: () => navigate('apply') } : undefined}
          />
        }
      />
      <PermitDrawer permitId={openId} onClose={() => setOpenId(null)} />
      {gate ? (
        <Modal
          open
          title={`${t('permit.checkGate')} · ${gate.permit.code}`}
          onCancel={() => setGate(null)}
          footer={null}
        >
          {gate.error ? <Alert type="error" showIcon title={gate.error} /> : null}
          {!gate.result && !gate.error ? <Typography.Text>{t('permit.checking')}</Typography.Text> : null}
          {gate.result ? (
            <div data-testid="permit-gate">
              <Alert
                type={gate.result.ok ? 'success' : 'error'}
                showIcon
                title={gate.result.ok ? t('permit.gatePassed') : t('permit.gateRefused')}
                description={t('permit.gateNoOverride')}
                style={{ marginBottom: 12 }}
              />
              <List
                size="small"
                dataSource={gate.result.reasons}
                renderItem={(reason) => (
                  <List.Item>
                    <Typography.Text>
                      <Tag color="red">{reason.code}</Tag>
                      {reason.messageZh}
                      {reason.detail ? `（${reason.detail}）` : ''}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            </div>
          ) : null}
        </Modal>
      ) : null}
    </>
  );
}
