import { useMutation } from '@apollo/client/react';
import { EnterprisePicker, useFileTransport, useSession } from '@safety/client';
import { applyServerErrors, FileUpload, type StoredFile, useT } from '@safety/ui';
import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import type {
  ProjectDecision,
  ProjectReviewFieldsFragment,
  ProjectReviewStatus,
  ProjectStage,
} from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { DECISIONS, EXPERT_ROLES, REVIEWER_ROLES, STAGES } from './labels.js';
import {
  AcceptProjectDocument,
  AddExpertOpinionDocument,
  DecideProjectDocument,
  RequestExpertReviewDocument,
  StartProjectAssessmentDocument,
  StartProjectConstructionDocument,
  SubmitProjectReviewDocument,
} from './operations.js';

type Review = ProjectReviewFieldsFragment;
type Dayjs = { format(pattern: string): string };
const day = (value: Dayjs | undefined | null) => value?.format('YYYY-MM-DD');
type ActionKey =
  | 'startAssessment'
  | 'requestExpertReview'
  | 'addOpinion'
  | 'decide'
  | 'startConstruction'
  | 'accept';

/** Which step each status offers (domain §5.10); the service decides, this only avoids dead buttons. */
const OFFERED: Record<ProjectReviewStatus, ActionKey[]> = {
  SUBMITTED: ['startAssessment'],
  ASSESSING: ['requestExpertReview'],
  EXPERT_REVIEW: ['addOpinion', 'decide'],
  DECIDED: ['startConstruction'],
  CONSTRUCTION: ['accept'],
  ACCEPTED: [],
};

interface ActionValues {
  riskAssessmentFileId?: StoredFile[];
  expertName?: string;
  opinion?: string;
  fileId?: StoredFile[];
  decision?: ProjectDecision;
  conditions?: string;
  reason?: string;
  preEvaluationAt?: Dayjs;
  safetyDesignReviewedAt?: Dayjs;
  completionAcceptanceAt?: Dayjs;
}

/** The next steps of one review for the signed-in user. */
export function ProjectReviewActions({ review }: { review: Review }) {
  const t = useT(HAZARD_NAMESPACE);
  const roles = useSession()?.account.roles ?? [];
  const [open, setOpen] = useState<ActionKey | null>(null);
  const offered = OFFERED[review.status].filter(
    (key) =>
      roles.some((role) => (key === 'addOpinion' ? EXPERT_ROLES : REVIEWER_ROLES).includes(role)) &&
      // A vetoed project is not built (one-vote veto).
      (key !== 'startConstruction' || review.decision !== 'VETO'),
  );
  if (!offered.length) return null;
  return (
    <>
      <Space wrap data-testid="review-actions">
        {offered.map((key, index) => (
          <Button
            key={key}
            type={index === offered.length - 1 ? 'primary' : 'default'}
            onClick={() => setOpen(key)}
          >
            {t(`review.action.${key}`)}
          </Button>
        ))}
      </Space>
      {open ? <ReviewActionModal review={review} action={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

function ReviewActionModal({
  review,
  action,
  onClose,
}: {
  review: Review;
  action: ActionKey;
  onClose: () => void;
}) {
  const t = useT(HAZARD_NAMESPACE);
  const transport = useFileTransport();
  const [form] = Form.useForm<ActionValues>();
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const decision = Form.useWatch('decision', form);
  const refetch = { refetchQueries: ['ProjectReviewList'] };
  const [startAssessment] = useMutation(StartProjectAssessmentDocument, refetch);
  const [requestExpertReview] = useMutation(RequestExpertReviewDocument, refetch);
  const [addOpinion] = useMutation(AddExpertOpinionDocument);
  const [decide] = useMutation(DecideProjectDocument, refetch);
  const [startConstruction] = useMutation(StartProjectConstructionDocument, refetch);
  const [accept] = useMutation(AcceptProjectDocument, refetch);
  const base = { reviewId: review.id, expectedVersion: review.version };

  const run = (values: ActionValues) => {
    switch (action) {
      case 'startAssessment':
        return startAssessment({
          variables: { input: { ...base, riskAssessmentFileId: values.riskAssessmentFileId?.[0]?.id } },
        });
      case 'requestExpertReview':
        return requestExpertReview({ variables: { input: base } });
      case 'addOpinion':
        return addOpinion({
          variables: {
            input: {
              ...base,
              expertName: values.expertName?.trim() ?? '',
              opinion: values.opinion?.trim() ?? '',
              fileId: values.fileId?.[0]?.id,
            },
          },
        });
      case 'decide':
        return decide({
          variables: {
            input: {
              ...base,
              decision: values.decision ?? 'APPROVE',
              conditions:
                values.decision === 'APPROVE_WITH_CONDITIONS'
                  ? (values.conditions ?? '')
                      .split('\n')
                      .map((line) => line.trim())
                      .filter(Boolean)
                  : undefined,
              reason: values.reason?.trim() || undefined,
            },
          },
        });
      case 'startConstruction':
        return startConstruction({
          variables: {
            input: {
              ...base,
              preEvaluationAt: day(values.preEvaluationAt),
              safetyDesignReviewedAt: day(values.safetyDesignReviewedAt),
            },
          },
        });
      case 'accept':
        return accept({
          variables: { input: { ...base, completionAcceptanceAt: day(values.completionAcceptanceAt) ?? '' } },
        });
    }
  };

  const submit = async () => {
    setBanner(null);
    const values = await form.validateFields();
    setBusy(true);
    try {
      await run(values);
      onClose();
    } catch (error) {
      // `expertOpinions` (too few opinions) has no field here: the banner shows it, as FORBIDDEN/CONFLICT.
      const unplaced = applyServerErrors(form, error, { prefix: [] });
      if (unplaced.length) setBanner(unplaced.join('；'));
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, whitespace: true, message: t('review.required') }];
  return (
    <Modal
      open
      title={`${t(`review.action.${action}`)} · ${review.code}`}
      width="min(560px, calc(100vw - 16px))"
      okText={t('review.ok')}
      cancelText={t('review.cancel')}
      okButtonProps={{ danger: action === 'decide' && decision === 'VETO' }}
      onOk={() => void submit()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
    >
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<ActionValues>
        form={form}
        layout="vertical"
        initialValues={{ decision: 'APPROVE' }}
        preserve={false}
      >
        {action === 'requestExpertReview' ? <Alert type="info" title={t('review.requestHint')} /> : null}
        {action === 'startAssessment' ? (
          <Form.Item name="riskAssessmentFileId" label={t('review.riskAssessment')}>
            <FileUpload transport={transport} maxCount={1} aria-label={t('review.riskAssessment')} />
          </Form.Item>
        ) : null}
        {action === 'addOpinion' ? (
          <>
            <Form.Item name="expertName" label={t('review.expertName')} rules={required}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="opinion" label={t('review.opinion')} rules={required}>
              <Input.TextArea rows={4} maxLength={2000} />
            </Form.Item>
            <Form.Item name="fileId" label={t('review.signedFile')}>
              <FileUpload transport={transport} maxCount={1} aria-label={t('review.signedFile')} />
            </Form.Item>
          </>
        ) : null}
        {action === 'decide' ? (
          <>
            <Form.Item label={t('review.expertOpinions', { n: review.expertOpinions.length })}>
              <span>{t(review.mandatory ? 'review.opinionsMandatory' : 'review.opinionsOne')}</span>
            </Form.Item>
            <Form.Item name="decision" label={t('review.decisionLabel')}>
              <Radio.Group
                optionType="button"
                options={DECISIONS.map((value) => ({ value, label: t(`review.decision.${value}`) }))}
              />
            </Form.Item>
            {decision === 'APPROVE_WITH_CONDITIONS' ? (
              <Form.Item
                name="conditions"
                label={t('review.conditions')}
                extra={t('review.conditionsHint')}
                rules={required}
              >
                <Input.TextArea rows={4} />
              </Form.Item>
            ) : null}
            {decision === 'VETO' ? (
              <Alert type="error" showIcon title={t('review.vetoWarning')} style={{ marginBottom: 16 }} />
            ) : null}
            <Form.Item
              name="reason"
              label={t('review.reason')}
              rules={decision === 'VETO' ? required : undefined}
              extra={decision === 'VETO' ? t('review.vetoReasonHint') : undefined}
            >
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          </>
        ) : null}
        {action === 'startConstruction' ? (
          <>
            <Alert type="info" title={t('review.constructionHint')} style={{ marginBottom: 16 }} />
            <Form.Item name="preEvaluationAt" label={t('review.preEvaluationAt')}>
              <DatePicker
                style={{ width: '100%' }}
                placeholder={review.threeSimultaneity.preEvaluationAt ?? undefined}
              />
            </Form.Item>
            <Form.Item name="safetyDesignReviewedAt" label={t('review.safetyDesignReviewedAt')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
        {action === 'accept' ? (
          <Form.Item
            name="completionAcceptanceAt"
            label={t('review.completionAcceptanceAt')}
            rules={[{ required: true, message: t('review.required') }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

interface SubmitValues {
  projectName: string;
  ownerEntity: string;
  enterpriseId: string;
  stage: ProjectStage;
  preEvaluationAt?: Dayjs;
  riskAssessmentFileId?: StoredFile[];
}

/** 登记项目: a reviewer registers a project for review (SUBMITTED); its scope is checked by industry. */
export function SubmitReviewModal({ onClose }: { onClose: (id?: string) => void }) {
  const t = useT(HAZARD_NAMESPACE);
  const transport = useFileTransport();
  const [form] = Form.useForm<SubmitValues>();
  const [banner, setBanner] = useState<string | null>(null);
  const [submitReview, { loading }] = useMutation(SubmitProjectReviewDocument, {
    refetchQueries: ['ProjectReviewList'],
  });
  const required = [{ required: true, whitespace: true, message: t('review.required') }];

  const submit = async () => {
    setBanner(null);
    const values = await form.validateFields();
    try {
      const { data } = await submitReview({
        variables: {
          input: {
            projectName: values.projectName.trim(),
            ownerEntity: values.ownerEntity.trim(),
            enterpriseId: values.enterpriseId,
            stage: values.stage,
            preEvaluationAt: day(values.preEvaluationAt),
            riskAssessmentFileId: values.riskAssessmentFileId?.[0]?.id,
          },
        },
      });
      onClose(data?.submitProjectReview.id);
    } catch (error) {
      const unplaced = applyServerErrors(form, error, { prefix: [] });
      if (unplaced.length) setBanner(unplaced.join('；'));
    }
  };

  return (
    <Modal
      open
      title={t('review.submit')}
      width="min(560px, calc(100vw - 16px))"
      okText={t('review.ok')}
      cancelText={t('review.cancel')}
      onOk={() => void submit()}
      confirmLoading={loading}
      onCancel={() => onClose()}
      destroyOnHidden
    >
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<SubmitValues> form={form} layout="vertical" initialValues={{ stage: 'PROJECT_APPROVAL' }}>
        <Form.Item name="projectName" label={t('review.projectName')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="ownerEntity" label={t('review.owner')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="enterpriseId" label={t('review.ownerEnterprise')} rules={required}>
          <EnterprisePicker aria-label={t('review.ownerEnterprise')} />
        </Form.Item>
        <Form.Item name="stage" label={t('review.stage')}>
          <Select options={STAGES.map((value) => ({ value, label: t(`review.stages.${value}`) }))} />
        </Form.Item>
        <Form.Item name="preEvaluationAt" label={t('review.preEvaluationAt')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="riskAssessmentFileId" label={t('review.riskAssessment')}>
          <FileUpload transport={transport} maxCount={1} aria-label={t('review.riskAssessment')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
