import { useQuery } from '@apollo/client/react';
import { Chart, type ChartOption, useT } from '@safety/ui';
import { Alert, Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { PORTAL_NAMESPACE } from '../i18n/resources.js';
import { CountyOverviewDocument } from './operations.js';

/** The four national risk colours (红 橙 黄 蓝) and neutrals, for the overview charts. */
const COLOURS = {
  A: '#1677ff',
  B: '#52c41a',
  C: '#fa8c16',
  D: '#f5222d',
  GENERAL: '#faad14',
  MAJOR: '#f5222d',
} as const;

interface Slice {
  key: string;
  label: string;
  count: number;
}

const sum = (slices: readonly Slice[]) => slices.reduce((total, s) => total + s.count, 0);

function pie(title: string, slices: readonly Slice[]): ChartOption {
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        name: title,
        type: 'pie',
        radius: ['40%', '70%'],
        label: { formatter: '{b}\n{c}' },
        data: slices.map((s) => ({
          name: s.label,
          value: s.count,
          itemStyle: s.key in COLOURS ? { color: COLOURS[s.key as keyof typeof COLOURS] } : undefined,
        })),
      },
    ],
  };
}

function bar(title: string, slices: readonly Slice[]): ChartOption {
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: slices.map((s) => s.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: title,
        type: 'bar',
        barMaxWidth: 40,
        label: { show: true, position: 'top' },
        data: slices.map((s) => ({
          value: s.count,
          itemStyle: s.key in COLOURS ? { color: COLOURS[s.key as keyof typeof COLOURS] } : undefined,
        })),
      },
    ],
  };
}

/** 首页: the county overview within the user's data scope. */
export function HomePage() {
  const t = useT(PORTAL_NAMESPACE);
  const { data, loading, error } = useQuery(CountyOverviewDocument, { fetchPolicy: 'cache-and-network' });
  const overview = useMemo(() => {
    if (!data) return null;
    return {
      classes: data.enterpriseCountsByClass.map((c) => ({
        key: c.supervisionClass,
        label: t(`class.${c.supervisionClass}`),
        count: c.count,
      })),
      grades: data.hazardCountsByGrade.map((c) => ({
        key: c.grade,
        label: t(`grade.${c.grade}`),
        count: c.count,
      })),
      certificates: data.certificateCountsByStatus.map((c) => ({
        key: c.status,
        label: t(`certificate.${c.status}`),
        count: c.count,
      })),
      plans: data.emergencyPlanCountsByStatus.map((c) => ({
        key: c.status,
        label: t(`plan.${c.status}`),
        count: c.count,
      })),
    };
  }, [data, t]);

  const countOf = (slices: readonly Slice[], key: string) => slices.find((s) => s.key === key)?.count ?? 0;

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('home.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.scopeHint')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} /> : null}
      {!overview ? (
        <Skeleton active loading={loading} />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            {[
              {
                key: 'enterprises',
                title: t('home.enterprises'),
                value: sum(overview.classes),
                suffix: t('home.unitEnterprise'),
                note: null,
              },
              {
                key: 'hazards',
                title: t('home.hazards'),
                value: sum(overview.grades),
                suffix: t('home.unitHazard'),
                note: t('home.majorHazards', { count: countOf(overview.grades, 'MAJOR') }),
              },
              {
                key: 'certificates',
                title: t('home.certificates'),
                value: sum(overview.certificates),
                suffix: t('home.unitCertificate'),
                note: t('home.validCertificates', { count: countOf(overview.certificates, 'VALID') }),
              },
              {
                key: 'plans',
                title: t('home.plans'),
                value: sum(overview.plans),
                suffix: t('home.unitPlan'),
                note: t('home.filedPlans', { count: countOf(overview.plans, 'FILED') }),
              },
            ].map((card) => (
              <Col key={card.key} xs={24} sm={12} xl={6}>
                <Card data-testid={`overview-${card.key}`}>
                  <Statistic title={card.title} value={card.value} suffix={card.suffix} />
                  <Typography.Text type="secondary">{card.note ?? '\u00a0'}</Typography.Text>
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} lg={12}>
              <Card title={t('home.byClass')}>
                <Chart
                  option={pie(t('home.byClass'), overview.classes)}
                  height={280}
                  ariaLabel={t('home.byClass')}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('home.byGrade')}>
                <Chart
                  option={bar(t('home.byGrade'), overview.grades)}
                  height={280}
                  ariaLabel={t('home.byGrade')}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('home.byCertificateStatus')}>
                <Chart
                  option={bar(t('home.byCertificateStatus'), overview.certificates)}
                  height={280}
                  ariaLabel={t('home.byCertificateStatus')}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('home.byPlanStatus')}>
                <Chart
                  option={pie(t('home.byPlanStatus'), overview.plans)}
                  height={280}
                  ariaLabel={t('home.byPlanStatus')}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
