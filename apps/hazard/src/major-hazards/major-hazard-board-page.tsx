import { useMutation, useQuery } from '@apollo/client/react';
import { useSession } from '@safety/client';
import { applyServerErrors, EmptyState, useT, useUrlFilters } from '@safety/ui';
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useNavigate } from 'react-router';
import type { BaobaoRole, MajorHazardSourceFieldsFragment, MajorHazardSourceGrade } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import {
  MajorHazardSourcesDocument,
  MajorHazardTownshipsDocument,
  RecordBaobaoCheckDocument,
} from './operations.js';

type Source = MajorHazardSourceFieldsFragment;
type Dayjs = { format(pattern: string): string };

const GRADES: MajorHazardSourceGrade[] = ['I', 'II', 'III', 'IV'];
/** 一级 most severe: the grade colours follow the risk colours (red, orange, yellow, blue). */
const GRADE_COLOURS: Record<MajorHazardSourceGrade, string> = {
  I: 'red',
  II: 'volcano',
  III: 'gold',
  IV: 'blue',
};
/** The three 包保 persons and their cadences (应急厅〔2021〕12号): quarterly, monthly, weekly. */
const BAOBAO_ROLES: BaobaoRole[] = ['PRINCIPAL', 'TECHNICAL_LEAD', 'OPERATIONS_LEAD'];
const ENTERPRISE_ROLES = ['ENT_PRINCIPAL', 'ENT_SAFETY_DIRECTOR', 'ENT_SAFETY_MANAGER'];
const FILTER_KEYS = ['grade', 'town'];

const personOf = (source: Source, role: BaobaoRole) =>
  role === 'PRINCIPAL'
    ? source.principalName
    : role === 'TECHNICAL_LEAD'
      ? source.technicalLeadName
      : source.operationsLeadName;

/**
 * 重大危险源 (domain §5.4): the units in scope with grade I–IV and R, their substances (q/Q), the three
 * 包保 persons and the cadence periods they missed (the last 3 months), highlighted for the regulator.
 * The enterprise records its 包保 checks here. Grade and town are filtered by the service.
 */
export function MajorHazardBoardPage() {
  const t = useT(HAZARD_NAMESPACE);
  const navigate = useNavigate();
  const session = useSession();
  const enterpriseSide = session?.account.roles.some((role) => ENTERPRISE_ROLES.includes(role)) ?? false;
  const { values, setFilter } = useUrlFilters(FILTER_KEYS);
  const grade = values.grade as MajorHazardSourceGrade | undefined;
  const { data, previousData, loading, error } = useQuery(MajorHazardSourcesDocument, {
    // Units below S = 1 are registered but are no major hazard source (no grade): not on this board.
    variables: {
      first: 200,
      grade: grade || undefined,
      townshipCode: values.town || undefined,
      isMajorHazardSource: true,
    },
  });
  const towns = useQuery(MajorHazardTownshipsDocument);
  const [recording, setRecording] = useState<Source | null>(null);
  const sources = (data ?? previousData)?.majorHazardSources.nodes ?? [];
  const missCount = sources.reduce((sum, source) => sum + source.baobaoMisses.length, 0);

  const columns = [
    {
      key: 'unit',
      title: t('majorSource.unit'),
      render: (_: unknown, source: Source) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{source.unitName}</Typography.Text>
          <Typography.Text type="secondary">{t(`majorSource.unitType.${source.unitType}`)}</Typography.Text>
        </Space>
      ),
    },
    {
      key: 'enterprise',
      title: t('hazard.enterprise'),
      render: (_: unknown, source: Source) => (
        <Space orientation="vertical" size={0}>
          {source.enterprise.name}
          <Typography.Text type="secondary">{source.enterprise.townshipName ?? '—'}</Typography.Text>
        </Space>
      ),
    },
    {
      key: 'grade',
      title: t('majorSource.grade'),
      render: (_: unknown, source: Source) =>
        source.grade ? (
          <Tag color={GRADE_COLOURS[source.grade]} data-grade={source.grade}>
            {t(`majorSource.grades.${source.grade}`)}
          </Tag>
        ) : (
          '—'
        ),
    },
    {
      key: 'r',
      title: 'R / S',
      render: (_: unknown, source: Source) => (
        <span>
          R = {source.r ?? '—'}
          <br />
          <Typography.Text type="secondary">
            S = Σq/Q = {source.s} · α = {source.alpha}
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'baobao',
      title: t('majorSource.baobao'),
      render: (_: unknown, source: Source) => (
        <Space orientation="vertical" size={2}>
          {BAOBAO_ROLES.map((role) => {
            const misses = source.baobaoMisses.filter((miss) => miss.role === role);
            return (
              <Space key={role} size={4} wrap>
                <Typography.Text type="secondary">{t(`majorSource.role.${role}`)}</Typography.Text>
                {personOf(source, role) ?? <Tag color="warning">{t('majorSource.unassigned')}</Tag>}
                {misses.length ? (
                  <Tag
                    color="error"
                    data-testid="baobao-miss"
                    title={misses.map((miss) => miss.periodKey).join('、')}
                  >
                    {t('majorSource.missed', {
                      count: misses.length,
                      periods: misses.map((m) => m.periodKey).join('、'),
                    })}
                  </Tag>
                ) : (
                  <Tag color="success">{t('majorSource.onCadence')}</Tag>
                )}
              </Space>
            );
          })}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: t('listing.actions'),
      render: (_: unknown, source: Source) => (
        <Space wrap>
          {enterpriseSide ? (
            <Button size="small" type="primary" onClick={() => setRecording(source)}>
              {t('majorSource.recordCheck')}
            </Button>
          ) : null}
          <Button size="small" onClick={() => navigate(`../hazards?enterprise=${source.enterpriseId}`)}>
            {t('majorSource.hazards')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('majorSource.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 140 }}
          aria-label={t('majorSource.grade')}
          placeholder={t('majorSource.grade')}
          value={grade || undefined}
          onChange={(value?: string) => setFilter('grade', value)}
          options={GRADES.map((value) => ({ value, label: t(`majorSource.grades.${value}`) }))}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          aria-label={t('hazard.township')}
          placeholder={t('hazard.township')}
          value={values.town || undefined}
          onChange={(value?: string) => setFilter('town', value)}
          options={(towns.data?.divisions ?? []).map((d) => ({ value: d.code, label: d.name }))}
        />
        {missCount ? (
          <Tag color="error" data-testid="miss-total">
            {t('majorSource.missTotal', { count: missCount })}
          </Tag>
        ) : null}
      </Space>
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} /> : null}
      <Table<Source>
        data-testid="major-hazard-sources"
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={sources}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        // A unit with a missed 包保 check stands out for the regulator.
        rowClassName={(source) => (source.baobaoMisses.length ? 'baobao-missed' : '')}
        onRow={(source) =>
          ({
            style: source.baobaoMisses.length ? { background: '#fff1f0' } : undefined,
            'data-missed': source.baobaoMisses.length ? 'true' : 'false',
          }) as HTMLAttributes<HTMLElement>
        }
        expandable={{ expandedRowRender: (source) => <SourceDetails source={source} /> }}
        locale={{
          emptyText: loading ? (
            ' '
          ) : (
            <EmptyState
              image="simple"
              title={t('majorSource.emptyTitle')}
              description={t('majorSource.emptyHint')}
            />
          ),
        }}
      />
      {recording ? <RecordCheckModal source={recording} onClose={() => setRecording(null)} /> : null}
    </>
  );
}

/** The unit's substances (q/Q, β), its recent 包保 checks and the missed periods. */
function SourceDetails({ source }: { source: Source }) {
  const t = useT(HAZARD_NAMESPACE);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={source.substances}
        columns={[
          {
            key: 'name',
            title: t('majorSource.substance'),
            render: (_: unknown, s) => `${s.name}${s.cas ? ` (${s.cas})` : ''}`,
          },
          { key: 'q', title: 'q (t)', dataIndex: 'q' },
          { key: 'Q', title: 'Q (t)', dataIndex: 'criticalQuantity' },
          { key: 'ratio', title: 'q/Q', dataIndex: 'ratio' },
          {
            key: 'beta',
            title: 'β',
            render: (_: unknown, s) => `${s.beta}${s.hazardClass ? ` · ${s.hazardClass}` : ''}`,
          },
        ]}
      />
      <Typography.Text strong>{t('majorSource.recentChecks')}</Typography.Text>
      {source.baobaoChecks.length ? (
        <ul style={{ margin: 0 }}>
          {source.baobaoChecks.slice(0, 5).map((check) => (
            <li key={check.id}>
              {check.checkedOn} · {t(`majorSource.role.${check.role}`)} {check.personName}
              {check.findings ? `：${check.findings}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <Typography.Text type="secondary">{t('majorSource.noChecks')}</Typography.Text>
      )}
      {source.baobaoMisses.length ? (
        <Alert
          type="error"
          showIcon
          title={t('majorSource.missList', {
            periods: source.baobaoMisses
              .map((miss) => `${t(`majorSource.role.${miss.role}`)} ${miss.periodStart}～${miss.periodEnd}`)
              .join('；'),
          })}
        />
      ) : null}
    </Space>
  );
}

interface CheckValues {
  role: BaobaoRole;
  checkedOn?: Dayjs;
  findings?: string;
}

/** Records a check by one of the three 包保 persons (enterprise management; the service checks scope). */
function RecordCheckModal({ source, onClose }: { source: Source; onClose: () => void }) {
  const t = useT(HAZARD_NAMESPACE);
  const [form] = Form.useForm<CheckValues>();
  const [banner, setBanner] = useState<string | null>(null);
  const [record, { loading }] = useMutation(RecordBaobaoCheckDocument, {
    refetchQueries: ['MajorHazardSources'],
  });
  const submit = async () => {
    setBanner(null);
    const values = await form.validateFields();
    try {
      await record({
        variables: {
          input: {
            majorHazardSourceId: source.id,
            role: values.role,
            checkedOn: values.checkedOn?.format('YYYY-MM-DD') ?? '',
            findings: values.findings || undefined,
          },
        },
      });
      onClose();
    } catch (error) {
      const unplaced = applyServerErrors(form, error);
      if (unplaced.length) setBanner(unplaced.join('；'));
    }
  };
  return (
    <Modal
      open
      title={`${t('majorSource.recordCheck')} · ${source.unitName}`}
      okText={t('action.ok')}
      cancelText={t('action.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={loading}
      destroyOnHidden
    >
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<CheckValues> form={form} layout="vertical" initialValues={{ role: 'OPERATIONS_LEAD' }}>
        <Form.Item name="role" label={t('majorSource.checkRole')}>
          <Select
            options={BAOBAO_ROLES.map((role) => ({
              value: role,
              label: `${t(`majorSource.role.${role}`)} ${personOf(source, role) ?? ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="checkedOn"
          label={t('majorSource.checkedOn')}
          rules={[{ required: true, message: t('majorSource.checkedOnRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="findings" label={t('majorSource.findings')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
