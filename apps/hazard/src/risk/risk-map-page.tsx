import { useQuery } from '@apollo/client/react';
import { CountyMap, EmptyState, RISK_LEVEL_RANK, type RiskLevel, RiskLevelTag, useT } from '@safety/ui';
import { Alert, Card, Col, Row, Skeleton, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { RiskMapQuery } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { RiskMapDocument } from './operations.js';

type EnterpriseRow = RiskMapQuery['riskMap']['enterprises'][number];

const rank = (level: RiskLevel | null | undefined) => (level ? RISK_LEVEL_RANK[level] : 0);

/**
 * 全县风险四色图 (domain §5.3): each town in the colour of its highest enterprise risk level, and the
 * enterprises in scope by level (red first). Clicking a town narrows the list to it.
 */
export function RiskMapPage() {
  const t = useT(HAZARD_NAMESPACE);
  const { data, loading, error } = useQuery(RiskMapDocument, { fetchPolicy: 'cache-and-network' });
  const [town, setTown] = useState<string | undefined>();
  const enterprises = data?.riskMap.enterprises ?? [];

  const townValues = useMemo(() => {
    const values: Record<string, number> = {};
    for (const row of enterprises) {
      const value = rank(row.riskLevel as RiskLevel | null);
      if (value > (values[row.townshipCode] ?? 0)) values[row.townshipCode] = value;
    }
    return values;
  }, [enterprises]);

  const rows = useMemo(
    () =>
      enterprises
        .filter((row) => !town || row.townshipCode === town)
        .slice()
        .sort(
          (a, b) =>
            rank(b.riskLevel as RiskLevel | null) - rank(a.riskLevel as RiskLevel | null) ||
            a.enterprise.name.localeCompare(b.enterprise.name, 'zh-CN'),
        ),
    [enterprises, town],
  );

  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (loading && !data) return <Skeleton active />;
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('risk.mapTitle')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card size="small">
            <CountyMap
              values={townValues}
              mode="riskLevels"
              title={t('risk.mapLegend')}
              selectedCode={town}
              onSelect={(code) => setTown((current) => (current === code ? undefined : code))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Table<EnterpriseRow>
            data-testid="risk-map-enterprises"
            size="small"
            rowKey="enterpriseId"
            dataSource={rows}
            pagination={{ pageSize: 15, showSizeChanger: false }}
            locale={{ emptyText: <EmptyState image="simple" title={t('risk.empty')} /> }}
            columns={[
              { key: 'name', title: t('hazard.enterprise'), render: (_, row) => row.enterprise.name },
              { key: 'town', title: t('hazard.township'), render: (_, row) => row.enterprise.townshipName },
              {
                key: 'level',
                title: t('risk.level'),
                render: (_, row) =>
                  row.riskLevel ? <RiskLevelTag level={row.riskLevel as RiskLevel} /> : t('risk.unassessed'),
              },
              { key: 'points', title: t('risk.pointCount'), dataIndex: 'riskPointCount' },
              {
                key: 'source',
                title: t('risk.majorSource'),
                render: (_, row) =>
                  row.majorHazardSourceGrade ? t(`risk.sourceGrade.${row.majorHazardSourceGrade}`) : '—',
              },
            ]}
          />
        </Col>
      </Row>
    </>
  );
}
