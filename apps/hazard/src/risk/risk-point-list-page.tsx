import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { type FilterArgs, PagedTable, usePagedConnection, useSession } from '@safety/client';
import {
  DeadlineBadge,
  EmptyState,
  type RiskLevel,
  RiskLevelTag,
  type ServerTableColumn,
  type ServerTableFilter,
  useT,
} from '@safety/ui';
import { Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { RiskPointListQuery } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { AssessModal } from './assess-modal.js';
import { canEditRisk, ENTERPRISE_ROLES } from './labels.js';
import { RiskPointListDocument } from './operations.js';
import { RetireRiskPointModal, RiskPointEditor } from './risk-point-editor.js';

type RiskPointRow = RiskPointListQuery['riskPoints']['nodes'][number];

const FILTER_ARGS: FilterArgs = {
  level: 'level',
  kind: 'kind',
  reviewDue: { arg: 'reviewDue', parse: (value) => value === 'true' },
};
const LEVELS: RiskLevel[] = ['MAJOR', 'HIGH', 'MODERATE', 'LOW'];

/**
 * 风险点清单 (domain §5.2): points in scope with their level, control level and review (filter: review
 * due); risk editors identify, change and retire points and assess them with LEC or the matrix.
 */
export function RiskPointListPage() {
  const t = useT(HAZARD_NAMESPACE);
  const navigate = useNavigate();
  const session = useSession();
  const roles = session?.account.roles ?? [];
  const editor = canEditRisk(roles);
  const own = roles.some((role) => ENTERPRISE_ROLES.includes(role))
    ? session?.account.scope.enterpriseIds[0]
    : undefined;
  const [assessing, setAssessing] = useState<RiskPointRow | null>(null);
  const [editing, setEditing] = useState<RiskPointRow | 'new' | null>(null);
  const [retiring, setRetiring] = useState<RiskPointRow | null>(null);
  const list = usePagedConnection(RiskPointListDocument, {
    connection: (data) => data.riskPoints,
    filterArgs: FILTER_ARGS,
  });
  const columns: ServerTableColumn<RiskPointRow>[] = [
    { key: 'name', title: t('risk.pointName'), render: (_: unknown, row) => row.name },
    {
      key: 'enterprise',
      title: t('hazard.enterprise'),
      // To the enterprise's four-colour map (domain §5.3).
      render: (_: unknown, row) =>
        row.enterprise ? (
          <Button
            type="link"
            size="small"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
            onClick={() => navigate(`../risk-map/enterprise/${row.enterprise?.id}`, { relative: 'path' })}
          >
            {row.enterprise.name}
          </Button>
        ) : (
          '—'
        ),
    },
    { key: 'kind', title: t('risk.kind'), render: (_: unknown, row) => t(`risk.kinds.${row.kind}`) },
    {
      key: 'level',
      title: t('risk.pointLevel'),
      render: (_: unknown, row) =>
        row.riskLevel ? <RiskLevelTag level={row.riskLevel as RiskLevel} /> : t('risk.unassessed'),
    },
    {
      key: 'score',
      title: t('risk.score'),
      render: (_: unknown, row) =>
        row.currentAssessment
          ? `${row.currentAssessment.method === 'LEC' ? 'D' : 'R'} = ${row.currentAssessment.score}`
          : '—',
    },
    {
      key: 'control',
      title: t('risk.controlLevel'),
      render: (_: unknown, row) => t(`risk.control.${row.controlLevel}`),
    },
    {
      key: 'review',
      title: t('risk.nextReview'),
      render: (_: unknown, row) =>
        row.nextReviewDue ? (
          <Space>
            {row.nextReviewDue}
            <DeadlineBadge deadline={row.nextReviewDue} />
          </Space>
        ) : row.reviewDue ? (
          <Tag color="warning">{t('risk.reviewDue')}</Tag>
        ) : (
          '—'
        ),
    },
    {
      key: 'actions',
      title: t('listing.actions'),
      hideable: false,
      render: (_: unknown, row) =>
        editor ? (
          <Space size={4} wrap>
            <Button size="small" onClick={() => setAssessing(row)}>
              {t('risk.assess')}
            </Button>
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(row)}>
              {t('risk.edit')}
            </Button>
            <Button size="small" danger onClick={() => setRetiring(row)}>
              {t('risk.retire')}
            </Button>
          </Space>
        ) : null,
    },
  ];
  const filters: ServerTableFilter[] = [
    {
      key: 'level',
      label: t('risk.pointLevel'),
      type: 'select',
      options: LEVELS.map((value) => ({ value, label: t(`risk.levels.${value}`) })),
    },
    {
      key: 'kind',
      label: t('risk.kind'),
      type: 'select',
      options: (['FACILITY_AREA', 'ACTIVITY'] as const).map((value) => ({
        value,
        label: t(`risk.kinds.${value}`),
      })),
    },
    {
      key: 'reviewDue',
      label: t('risk.nextReview'),
      type: 'select',
      options: [{ value: 'true', label: t('risk.reviewDue') }],
    },
  ];
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('risk.pointsTitle')}
        </Typography.Title>
        {editor ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('risk.editor.createTitle')}
          </Button>
        ) : null}
      </Space>
      <PagedTable<RiskPointRow>
        list={list}
        tableId="hazard.riskPoints"
        columns={columns}
        filters={filters}
        empty={<EmptyState image="simple" title={t('risk.pointsEmpty')} />}
      />
      {assessing ? <AssessModal point={assessing} onClose={() => setAssessing(null)} /> : null}
      {editing ? (
        <RiskPointEditor
          point={editing === 'new' ? null : editing}
          enterpriseId={editing === 'new' ? own : undefined}
          onClose={() => setEditing(null)}
          onSaved={(point, created) => {
            setEditing(null);
            // A new point is assessed next (domain §5.2: identify, then assess and grade).
            if (created) setAssessing(point);
          }}
        />
      ) : null}
      {retiring ? (
        <RetireRiskPointModal
          point={retiring}
          onClose={() => setRetiring(null)}
          onRetired={() => setRetiring(null)}
        />
      ) : null}
    </>
  );
}
