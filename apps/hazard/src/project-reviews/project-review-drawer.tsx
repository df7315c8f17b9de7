import { useQuery } from '@apollo/client/react';
import {
  EmptyState,
  formatShanghaiDateTime,
  StatusTag,
  StatusTimeline,
  type StatusTransition,
  useT,
} from '@safety/ui';
import { Alert, Descriptions, Divider, Drawer, List, Skeleton, Steps, Tag, Typography } from 'antd';
import type { ProjectReviewFieldsFragment, ProjectReviewStatus } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { DECISION_VARIANTS, REVIEW_STATUS_VARIANTS, REVIEW_STATUSES } from './labels.js';
import { ProjectReviewDetailDocument } from './operations.js';
import { ProjectReviewActions } from './project-review-actions.js';

type Review = ProjectReviewFieldsFragment;

/**
 * The dated steps of a review. The service keeps no step history for reviews, so the timeline is read
 * from the dates it does keep: submission, expert opinions, the decision and the 三同时 dates.
 */
function transitionsOf(review: Review, reviewerLabel: string): StatusTransition<ProjectReviewStatus>[] {
  const steps: StatusTransition<ProjectReviewStatus>[] = [
    { from: null, to: 'SUBMITTED', actor: review.ownerEntity, at: review.createdAt },
  ];
  const firstOpinion = review.expertOpinions[0];
  if (firstOpinion)
    steps.push({
      from: 'ASSESSING',
      to: 'EXPERT_REVIEW',
      actor: firstOpinion.expertName,
      at: firstOpinion.recordedAt,
    });
  if (review.decidedAt)
    steps.push({
      from: 'EXPERT_REVIEW',
      to: 'DECIDED',
      actor: reviewerLabel,
      at: review.decidedAt,
      reason: review.decisionReason,
    });
  const { safetyDesignReviewedAt, completionAcceptanceAt } = review.threeSimultaneity;
  if (review.status === 'CONSTRUCTION' || review.status === 'ACCEPTED')
    steps.push({
      from: 'DECIDED',
      to: 'CONSTRUCTION',
      actor: reviewerLabel,
      at: `${safetyDesignReviewedAt ?? review.updatedAt.slice(0, 10)}T12:00:00+08:00`,
    });
  if (review.status === 'ACCEPTED' && completionAcceptanceAt)
    steps.push({
      from: 'CONSTRUCTION',
      to: 'ACCEPTED',
      actor: reviewerLabel,
      at: `${completionAcceptanceAt}T12:00:00+08:00`,
    });
  return steps;
}

/** One review: the veto first, then the facts, the state machine, 三同时, conditions and expert opinions. */
export function ProjectReviewDrawer({ reviewId, onClose }: { reviewId: string | null; onClose: () => void }) {
  const t = useT(HAZARD_NAMESPACE);
  const { data, loading, error } = useQuery(ProjectReviewDetailDocument, {
    variables: { id: reviewId ?? '' },
    skip: !reviewId,
  });
  const review = data?.projectReview;
  const vetoed = review?.decision === 'VETO';
  const three = review?.threeSimultaneity;
  return (
    <Drawer
      open={reviewId !== null}
      onClose={onClose}
      size="large"
      title={review ? `${review.code} ${review.projectName}` : t('review.detail')}
      destroyOnHidden
      data-testid="project-review-drawer"
    >
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      {loading && !review ? <Skeleton active /> : null}
      {!loading && !error && !review ? <EmptyState title={t('review.notFound')} /> : null}
      {review && vetoed ? (
        // Domain §5.10: a VETO is a OneVoteVeto(PROJECT_RISK_VETO) on the project; it is not built.
        <Alert
          type="error"
          showIcon
          data-testid="project-veto"
          style={{ marginBottom: 16 }}
          title={
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('review.vetoBanner')}
            </Typography.Title>
          }
          description={
            <>
              <div>{t('review.vetoExplain')}</div>
              {review.decisionReason ? (
                <div>{t('review.vetoReason', { reason: review.decisionReason })}</div>
              ) : null}
              {review.decidedAt ? <div>{formatShanghaiDateTime(review.decidedAt)}</div> : null}
            </>
          }
        />
      ) : null}
      {review ? <ProjectReviewActions review={review} /> : null}
      {review ? (
        <>
          <Divider style={{ margin: '12px 0' }} />
          <Steps
            size="small"
            current={REVIEW_STATUSES.indexOf(review.status)}
            status={vetoed ? 'error' : review.status === 'ACCEPTED' ? 'finish' : 'process'}
            items={REVIEW_STATUSES.map((status) => ({ title: t(`review.status.${status}`) }))}
            style={{ marginBottom: 16 }}
          />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('review.code')}>{review.code}</Descriptions.Item>
            <Descriptions.Item label={t('review.projectName')}>{review.projectName}</Descriptions.Item>
            <Descriptions.Item label={t('review.owner')}>
              {review.ownerEntity}
              {review.enterprise ? ` · ${review.enterprise.name}（${review.enterprise.townshipName}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('review.stage')}>
              {t(`review.stages.${review.stage}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('review.mandatory')}>
              {review.mandatory ? (
                <Tag color="purple">{t('review.mandatoryYes')}</Tag>
              ) : (
                t('review.mandatoryNo')
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('review.statusLabel')}>
              <StatusTag status={review.status} variants={REVIEW_STATUS_VARIANTS} ns={HAZARD_NAMESPACE} />
            </Descriptions.Item>
            <Descriptions.Item label={t('review.decisionLabel')}>
              {review.decision ? (
                <StatusTag status={review.decision} variants={DECISION_VARIANTS} ns={HAZARD_NAMESPACE} />
              ) : (
                t('review.undecided')
              )}
            </Descriptions.Item>
            {review.decisionReason ? (
              <Descriptions.Item label={t('review.reason')}>{review.decisionReason}</Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('review.riskAssessment')}>
              {review.riskAssessmentFileId ? t('review.attached') : t('review.notAttached')}
            </Descriptions.Item>
          </Descriptions>

          <Divider titlePlacement="start">{t('review.threeSimultaneity')}</Divider>
          <Descriptions column={1} bordered size="small" data-testid="three-simultaneity">
            <Descriptions.Item label={t('review.preEvaluationAt')}>
              {three?.preEvaluationAt ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('review.safetyDesignReviewedAt')}>
              {three?.safetyDesignReviewedAt ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('review.completionAcceptanceAt')}>
              {three?.completionAcceptanceAt ?? '—'}
            </Descriptions.Item>
          </Descriptions>

          <Divider titlePlacement="start">{t('review.conditions')}</Divider>
          {review.conditions.length ? (
            <List
              size="small"
              bordered
              dataSource={review.conditions}
              renderItem={(condition, index) => <List.Item>{`${index + 1}. ${condition}`}</List.Item>}
            />
          ) : (
            <Typography.Text type="secondary">{t('review.noConditions')}</Typography.Text>
          )}

          <Divider titlePlacement="start">
            {t('review.expertOpinions', { n: review.expertOpinions.length })}
          </Divider>
          {review.expertOpinions.length ? (
            <List
              size="small"
              bordered
              data-testid="expert-opinions"
              dataSource={review.expertOpinions}
              renderItem={(opinion) => (
                <List.Item>
                  <List.Item.Meta
                    title={`${opinion.expertName} · ${formatShanghaiDateTime(opinion.recordedAt)}`}
                    description={opinion.opinion}
                  />
                  {opinion.fileId ? <Tag>{t('review.signedFile')}</Tag> : null}
                </List.Item>
              )}
            />
          ) : (
            <Typography.Text type="secondary">{t('review.noOpinions')}</Typography.Text>
          )}

          <Divider titlePlacement="start">{t('review.timeline')}</Divider>
          <StatusTimeline
            transitions={transitionsOf(review, t('review.reviewer'))}
            variants={REVIEW_STATUS_VARIANTS}
            ns={HAZARD_NAMESPACE}
          />
        </>
      ) : null}
    </Drawer>
  );
}
