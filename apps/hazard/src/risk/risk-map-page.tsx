import { useQuery } from '@apollo/client/react';
import { useSession } from '@safety/client';
import { CountyMap, EmptyState, RISK_LEVEL_RANK, type RiskLevel, RiskLevelTag, useT } from '@safety/ui';
import { Alert, Button, Card, Col, Row, Skeleton, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Navigate, Route, Routes, useNavigate, useParams } from 'react-router';
import type { RiskMapQuery } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { EnterpriseRiskMap } from './enterprise-risk-map.js';
import { ENTERPRISE_ROLES } from './labels.js';
import { RiskMapDocument } from './operations.js';

type EnterpriseRow = RiskMapQuery['riskMap']['enterprises'][number];

const rank = (level: RiskLevel | null | undefined) => (level ? RISK_LEVEL_RANK[level] : 0);

/**
 * 风险四色图 (domain §5.3): an enterprise user lands on its own floor-plan map; a regulator on the county
 * map, and from an enterprise there on that enterprise's map (`risk-map/enterprise/:id`).
 */
export function RiskMapPage() {
  const session = useSession();
  const account = session?.account;
  const own = account?.roles.some((role) => ENTERPRISE_ROLES.includes(role))
    ? account.scope.enterpriseIds[0]
    : undefined;
  return (
    <Routes>
      <Route path="enterprise/:id" element={<EnterpriseMapRoute county={!own} />} />
      <Route index element={own ? <Navigate to={`enterprise/${own}`} replace /> : <CountyRiskMap />} />
      <Route path="*" element={own ? <EnterpriseRiskMap enterpriseId={own} /> : <CountyRiskMap />} />
    </Routes>
  );
}

function EnterpriseMapRoute({ county }: { county: boolean }) {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  return (
    <EnterpriseRiskMap
      key={id}
      enterpriseId={id}
      onBack={county ? () => navigate('../..', { relative: 'path' }) : undefined}
    />
  );
}

/**
 * 全县风险四色图 (domain §5.3): each town in the colour of its highest enterprise risk level, and the
 * enterprises in scope by level (red first). Clicking a town narrows the list to it.
 */
function CountyRiskMap() {
  const t = useT(HAZARD_NAMESPACE);
  const navigate = useNavigate();
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
              {
                key: 'name',
                title: t('hazard.enterprise'),
                // To the enterprise's own floor-plan map (domain §5.3).
                render: (_, row) => (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                    onClick={() => navigate(`enterprise/${row.enterpriseId}`)}
                  >
                    {row.enterprise.name}
                  </Button>
                ),
              },
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
