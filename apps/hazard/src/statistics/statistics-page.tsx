import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { EnterprisePicker, useSession } from '@safety/client';
import { DeadlineBadge, EmptyState, StatusTag, useT } from '@safety/ui';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Radio,
  Select,
  Skeleton,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { HazardStatisticsQuery } from '../gql/graphql.js';
import { GRADE_VARIANTS } from '../hazards/labels.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { HazardStatisticsDocument, StatisticsEnterpriseDocument } from './operations.js';

type Form7 = HazardStatisticsQuery['hazardStatistics'];
type Line = Form7['lines'][number];
type Period = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'YEAR';

/** Today in Asia/Shanghai as YYYY-MM-DD (the filing dates are Shanghai calendar days). */
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** The period due for filing now: the last quarter that has ended (H-7 files it by the 15th after). */
function lastEndedQuarter(today: string): { year: number; period: Period } {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3); // the current one is quarter + 1
  return quarter === 0 ? { year: year - 1, period: 'Q4' } : { year, period: `Q${quarter}` as Period };
}

function readUrl(): { enterprise?: string; year?: number; period?: Period } {
  const params = new URLSearchParams(window.location.search);
  const period = params.get('period');
  return {
    enterprise: params.get('enterprise') ?? undefined,
    year: params.get('year') ? Number(params.get('year')) : undefined,
    period: period && ['Q1', 'Q2', 'Q3', 'Q4', 'YEAR'].includes(period) ? (period as Period) : undefined,
  };
}

/** Only the form is printed (the portal's menu and this page's pickers are not). */
const PRINT_CSS = `@media print {
  body * { visibility: hidden; }
  .h7-print, .h7-print * { visibility: visible; }
  .h7-print { position: absolute; left: 0; top: 0; width: 100%; }
  .h7-no-print { display: none !important; }
}`;

/**
 * H-7 (domain §5.6, 令第16号 第14条): an enterprise's quarterly or annual hazard statistics form,
 * generated from the records; due by the 15th after the quarter or 31 January. Regulators pick the enterprise.
 */
export function StatisticsPage() {
  const t = useT(HAZARD_NAMESPACE);
  const session = useSession();
  const own = session?.account.scope.enterpriseIds ?? [];
  const ownEnterprise = own.length === 1 ? own[0] : undefined;
  const today = shanghaiToday();
  const fromUrl = readUrl();
  const fallback = lastEndedQuarter(today);
  const [picked, setPicked] = useState<string | undefined>(fromUrl.enterprise);
  const [year, setYear] = useState(fromUrl.year ?? fallback.year);
  const [period, setPeriod] = useState<Period>(fromUrl.period ?? fallback.period);
  const enterpriseId = ownEnterprise ?? picked;

  const update = (next: { enterprise?: string; year?: number; period?: Period }) => {
    const url = new URL(window.location.href);
    for (const [key, value] of Object.entries(next))
      if (value === undefined) url.searchParams.delete(key);
      else url.searchParams.set(key, String(value));
    window.history.replaceState(window.history.state, '', url);
    if ('enterprise' in next) setPicked(next.enterprise);
    if (next.year !== undefined) setYear(next.year);
    if (next.period !== undefined) setPeriod(next.period);
  };

  const stats = useQuery(HazardStatisticsDocument, {
    variables: {
      enterpriseId: enterpriseId ?? '',
      year,
      quarter: period === 'YEAR' ? null : Number(period.slice(1)),
    },
    skip: !enterpriseId,
  });
  const enterprise = useQuery(StatisticsEnterpriseDocument, {
    variables: { id: enterpriseId ?? '' },
    skip: !enterpriseId,
  });
  const form = stats.data?.hazardStatistics;
  const thisYear = Number(today.slice(0, 4));

  return (
    <>
      <style>{PRINT_CSS}</style>
      <Space
        className="h7-no-print"
        style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}
        wrap
      >
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('statistics.title')}
        </Typography.Title>
        <Button icon={<PrinterOutlined />} disabled={!form} onClick={() => window.print()}>
          {t('statistics.print')}
        </Button>
      </Space>
      <Form layout="inline" className="h7-no-print" style={{ marginBottom: 16, rowGap: 8 }}>
        {ownEnterprise ? null : (
          <Form.Item label={t('statistics.enterprise')}>
            <EnterprisePicker
              aria-label={t('statistics.enterprise')}
              value={picked ?? null}
              onChange={(value) => update({ enterprise: value })}
              style={{ minWidth: 260 }}
            />
          </Form.Item>
        )}
        <Form.Item label={t('statistics.year')}>
          <Select
            aria-label={t('statistics.year')}
            value={year}
            onChange={(value) => update({ year: value })}
            options={[0, 1, 2, 3].map((back) => ({ value: thisYear - back, label: String(thisYear - back) }))}
            style={{ width: 100 }}
          />
        </Form.Item>
        <Form.Item label={t('statistics.period')}>
          <Radio.Group
            optionType="button"
            value={period}
            onChange={(event) => update({ period: event.target.value as Period })}
            options={(['Q1', 'Q2', 'Q3', 'Q4', 'YEAR'] as const).map((value) => ({
              value,
              label: t(`statistics.periods.${value}`),
            }))}
          />
        </Form.Item>
      </Form>
      {!enterpriseId ? (
        <EmptyState title={t('statistics.pickTitle')} description={t('statistics.pickHint')} />
      ) : null}
      {stats.error ? <Alert type="error" showIcon title={stats.error.message} /> : null}
      {enterpriseId && stats.loading && !form ? <Skeleton active /> : null}
      {form ? (
        <StatisticsForm form={form} enterpriseName={enterprise.data?.enterprise?.name ?? '—'} today={today} />
      ) : null}
    </>
  );
}

/** The form as filed: header, the lines by grade with a total, the filing due date and the signature. */
function StatisticsForm({
  form,
  enterpriseName,
  today,
}: {
  form: Form7;
  enterpriseName: string;
  today: string;
}) {
  const t = useT(HAZARD_NAMESPACE);
  const periodLabel =
    form.quarter === null || form.quarter === undefined
      ? t('statistics.annualOf', { year: form.year })
      : t('statistics.quarterOf', { year: form.year, quarter: form.quarter });
  // The period must have ended before the form can be filed; after the due date it is late.
  const ended = today > form.periodEnd;
  const late = today > form.dueDate;
  const total: Line & { key: string } = {
    key: 'TOTAL',
    grade: 'GENERAL',
    found: form.found,
    fixed: form.fixed,
    open: form.open,
    overdue: form.overdue,
    listed: form.lines.reduce((n, line) => n + line.listed, 0),
    rectificationRate: null,
  };
  const count = (key: 'found' | 'fixed' | 'open' | 'overdue' | 'listed') => ({
    key,
    dataIndex: key,
    title: t(`statistics.columns.${key}`),
    align: 'right' as const,
    render: (value: number, row: Line & { key: string }) => (
      <span data-testid={`h7-${row.key}-${key}`}>{value}</span>
    ),
  });
  return (
    <Card className="h7-print" data-testid="h7-form" style={{ maxWidth: 900 }}>
      <Typography.Title level={4} style={{ textAlign: 'center' }}>
        {t('statistics.formTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        {t('statistics.basis')}
      </Typography.Paragraph>
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('statistics.enterprise')}>{enterpriseName}</Descriptions.Item>
        <Descriptions.Item label={t('statistics.period')}>
          <span data-testid="h7-period">{periodLabel}</span>（{form.periodStart} — {form.periodEnd}）
        </Descriptions.Item>
        <Descriptions.Item label={t('statistics.dueDate')}>
          <Space size={8} wrap>
            <span data-testid="h7-due">{form.dueDate}</span>
            {ended ? <DeadlineBadge deadline={form.dueDate} today={today} /> : null}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('statistics.filing')}>
          <span data-testid="h7-filing">
            {!ended ? t('statistics.notYetDue') : late ? t('statistics.late') : t('statistics.inTime')}
          </span>
        </Descriptions.Item>
      </Descriptions>
      <Table<Line & { key: string }>
        size="small"
        bordered
        pagination={false}
        rowKey="key"
        dataSource={[...form.lines.map((line) => ({ ...line, key: line.grade })), total]}
        columns={[
          {
            key: 'grade',
            title: t('statistics.columns.grade'),
            render: (_: unknown, row) =>
              row.key === 'TOTAL' ? (
                <Typography.Text strong>{t('statistics.total')}</Typography.Text>
              ) : (
                <StatusTag status={row.grade} variants={GRADE_VARIANTS} ns={HAZARD_NAMESPACE} />
              ),
          },
          count('found'),
          count('fixed'),
          count('open'),
          count('overdue'),
          count('listed'),
          {
            key: 'rate',
            title: t('statistics.columns.rate'),
            align: 'right',
            render: (_: unknown, row) => (row.rectificationRate ? `${row.rectificationRate}%` : '—'),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('statistics.notes')}
      </Typography.Paragraph>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 24 }} wrap>
        <span>{t('statistics.signature')}</span>
        <span>{t('statistics.generatedOn', { date: today })}</span>
      </Space>
    </Card>
  );
}
