import {
  ArrowLeftOutlined,
  EditOutlined,
  PlusOutlined,
  PrinterOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useSession } from '@safety/client';
import {
  DeadlineBadge,
  EmptyState,
  formatShanghaiDateTime,
  type RiskLevel,
  RiskLevelTag,
  useT,
} from '@safety/ui';
import { Alert, Button, Card, Col, Descriptions, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import type { RiskPointDetailFieldsFragment } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { AssessModal } from './assess-modal.js';
import { FloorPlan } from './floor-plan.js';
import { canEditRisk } from './labels.js';
import { EnterpriseRiskMapDocument } from './operations.js';
import { RetireRiskPointModal, RiskPointEditor } from './risk-point-editor.js';

type Point = RiskPointDetailFieldsFragment;

const hasPolygon = (point: Point) => (point.floorPlanPolygon?.length ?? 0) >= 3;

/**
 * 企业风险四色分布图 (domain §5.3): the enterprise's risk points on its floor plan in the four national
 * colours; hover or click a point for its details and last assessment. Risk editors (domain §5.1)
 * identify, change, assess and retire points here.
 */
export function EnterpriseRiskMap({ enterpriseId, onBack }: { enterpriseId: string; onBack?: () => void }) {
  const t = useT(HAZARD_NAMESPACE);
  const session = useSession();
  const editor = canEditRisk(session?.account.roles);
  const { data, loading, error } = useQuery(EnterpriseRiskMapDocument, {
    variables: { enterpriseId },
    fetchPolicy: 'cache-and-network',
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Point | 'new' | null>(null);
  const [assessing, setAssessing] = useState<Point | null>(null);
  const [retiring, setRetiring] = useState<Point | null>(null);

  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (loading && !data) return <Skeleton active />;
  const map = data?.enterpriseRiskMap;
  if (!map) return <EmptyState title={t('risk.enterpriseMap.notFound')} />;
  const points = map.points;
  const drawn = points.filter(hasPolygon);
  const undrawn = points.filter((p) => !hasPolygon(p));
  const shown = points.find((p) => p.id === (hoveredId ?? selectedId)) ?? null;
  const enterprise = data?.enterprise;

  return (
    <>
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        {onBack ? (
          <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
            {t('risk.enterpriseMap.back')}
          </Button>
        ) : null}
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="enterprise-map-title">
          {t('risk.enterpriseMap.title', { name: enterprise?.name ?? '' })}
        </Typography.Title>
        {enterprise?.riskLevel ? <RiskLevelTag level={enterprise.riskLevel as RiskLevel} /> : null}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card
            size="small"
            title={t('risk.enterpriseMap.plan')}
            extra={
              <Space wrap>
                {editor ? (
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                    {t('risk.editor.createTitle')}
                  </Button>
                ) : null}
                {/* Posted on site (domain §5.3): the browser prints the page or saves it as PDF. */}
                <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
                  {t('risk.enterpriseMap.print')}
                </Button>
              </Space>
            }
          >
            {drawn.length === 0 ? (
              <EmptyState
                title={t('risk.enterpriseMap.empty')}
                description={t('risk.enterpriseMap.emptyHint')}
                action={
                  editor
                    ? {
                        label: t('risk.editor.createTitle'),
                        icon: <PlusOutlined />,
                        onClick: () => setEditing('new'),
                      }
                    : undefined
                }
              />
            ) : (
              <FloorPlan
                points={drawn}
                label={t('risk.enterpriseMap.title', { name: enterprise?.name ?? '' })}
                selectedId={selectedId}
                onSelect={setSelectedId}
                onHover={setHoveredId}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('risk.enterpriseMap.details')} data-testid="risk-point-details">
            {shown ? (
              <PointDetails
                point={shown}
                actions={
                  editor && shown.id === selectedId ? (
                    <Space wrap>
                      <Button icon={<EditOutlined />} onClick={() => setEditing(shown)}>
                        {t('risk.edit')}
                      </Button>
                      <Button type="primary" onClick={() => setAssessing(shown)}>
                        {t('risk.assess')}
                      </Button>
                      <Button danger icon={<StopOutlined />} onClick={() => setRetiring(shown)}>
                        {t('risk.retire')}
                      </Button>
                    </Space>
                  ) : null
                }
              />
            ) : (
              <Typography.Text type="secondary">{t('risk.enterpriseMap.pick')}</Typography.Text>
            )}
          </Card>
          <Card
            size="small"
            title={t('risk.enterpriseMap.points', { count: points.length })}
            style={{ marginTop: 16 }}
          >
            <List
              size="small"
              dataSource={[...drawn, ...undrawn]}
              locale={{ emptyText: t('risk.pointsEmpty') }}
              pagination={points.length > 12 ? { pageSize: 12, size: 'small' } : false}
              renderItem={(point) => (
                <List.Item
                  style={{ cursor: 'pointer', background: point.id === selectedId ? '#e6f4ff' : undefined }}
                  onClick={() => setSelectedId(point.id)}
                >
                  <Space wrap>
                    <Typography.Text>{point.name}</Typography.Text>
                    {point.riskLevel ? (
                      <RiskLevelTag level={point.riskLevel as RiskLevel} />
                    ) : (
                      <Tag>{t('risk.unassessed')}</Tag>
                    )}
                    {hasPolygon(point) ? null : <Tag color="warning">{t('risk.enterpriseMap.undrawn')}</Tag>}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      {editing ? (
        <RiskPointEditor
          point={editing === 'new' ? null : editing}
          enterpriseId={enterpriseId}
          onClose={() => setEditing(null)}
          onSaved={(point, created) => {
            setEditing(null);
            setSelectedId(point.id);
            // A new point is assessed next (domain §5.2: identify, then assess and grade).
            if (created) setAssessing(point);
          }}
        />
      ) : null}
      {assessing ? <AssessModal point={assessing} onClose={() => setAssessing(null)} /> : null}
      {retiring ? (
        <RetireRiskPointModal
          point={retiring}
          onClose={() => setRetiring(null)}
          onRetired={() => {
            setRetiring(null);
            setSelectedId(null);
          }}
        />
      ) : null}
    </>
  );
}

/** One point: level, place, controls and its last assessment, with the review deadline. */
function PointDetails({ point, actions }: { point: Point; actions: ReactNode }) {
  const t = useT(HAZARD_NAMESPACE);
  const assessment = point.currentAssessment;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('risk.pointName')}>{point.name}</Descriptions.Item>
        <Descriptions.Item label={t('risk.pointLevel')}>
          {point.riskLevel ? <RiskLevelTag level={point.riskLevel as RiskLevel} /> : t('risk.unassessed')}
        </Descriptions.Item>
        <Descriptions.Item label={t('risk.kind')}>{t(`risk.kinds.${point.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('hazard.location')}>{point.location ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('risk.accidentTypes')}>
          {point.accidentTypes.length ? point.accidentTypes.join('、') : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('risk.controlLevel')}>
          {t(`risk.control.${point.controlLevel}`)}
          {point.controlLevelReason ? `（${point.controlLevelReason}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('risk.controls')}>
          {point.controls.length
            ? point.controls.map((c) => (
                <div key={`${c.kind}:${c.text}`}>{`${t(`risk.controlKinds.${c.kind}`)}：${c.text}`}</div>
              ))
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('risk.lastAssessment')}>
          {assessment ? (
            <span data-testid="last-assessment">
              {`${t(`risk.methods.${assessment.method}`)} · ${assessment.method === 'LEC' ? 'D' : 'R'} = ${assessment.score}`}
              {assessment.bandWording ? ` · ${assessment.band}级 ${assessment.bandWording}` : ''}
              {` · ${formatShanghaiDateTime(assessment.assessedAt)}`}
            </span>
          ) : (
            t('risk.unassessed')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('risk.nextReview')}>
          {point.nextReviewDue ? (
            <Space>
              {point.nextReviewDue}
              <DeadlineBadge deadline={point.nextReviewDue} />
            </Space>
          ) : point.reviewDue ? (
            t('risk.reviewDue')
          ) : (
            '—'
          )}
        </Descriptions.Item>
      </Descriptions>
      {actions}
    </Space>
  );
}
