import { useMutation, useQuery } from '@apollo/client/react';
import { useFileTransport, useSession } from '@safety/client';
import { applyServerErrors, EmptyState, FileUpload, type StoredFile, useT } from '@safety/ui';
import { Alert, Button, Card, Checkbox, Form, Input, Radio, Result, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { HazardGrade, SelfCheckItemResult } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { canRecord, RESULTS } from './labels.js';
import { RecordSelfCheckDocument, SelfCheckPlanDocument } from './operations.js';

interface ItemValues {
  result?: SelfCheckItemResult;
  note?: string;
  /** Report the finding as a hazard (source 企业自查). */
  report?: boolean;
  title?: string;
  grade?: HazardGrade;
  location?: string;
  photos?: StoredFile[];
  noPhotoReason?: string;
}
interface RecordValues {
  items: ItemValues[];
}

/**
 * 记录自查 (domain §5.8), made for a phone: each checklist item 符合 / 不符合 / 不适用; a 不符合 says what
 * is wrong and may be reported as a hazard on the spot, prefilled from the finding, with photos.
 */
export function RecordSelfCheckPage() {
  const t = useT(HAZARD_NAMESPACE);
  const { planId = '' } = useParams();
  const navigate = useNavigate();
  const transport = useFileTransport();
  const session = useSession();
  const { data, loading, error } = useQuery(SelfCheckPlanDocument, { variables: { id: planId } });
  const [form] = Form.useForm<RecordValues>();
  const items = Form.useWatch('items', form) ?? [];
  const [banner, setBanner] = useState<string | null>(null);
  const [record, recorded] = useMutation(RecordSelfCheckDocument, {
    refetchQueries: ['SelfCheckPeriodCount', 'SelfCheckRecordList', 'MissedSelfCheckList'],
  });
  const plan = data?.selfCheckPlan;

  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (loading && !data) return <Skeleton active />;
  if (!plan) return <EmptyState title={t('selfCheck.planNotFound')} />;
  if (!canRecord(session?.account.roles ?? [], plan.responsibleRole))
    return (
      <Alert
        type="warning"
        showIcon
        title={t('selfCheck.notYours', { role: t(`selfCheck.roles.${plan.responsibleRole}`) })}
      />
    );

  const done = recorded.data?.recordSelfCheck;
  if (done)
    return (
      <Card style={{ maxWidth: 480 }}>
        <Result
          status="success"
          title={t('selfCheck.recorded')}
          subTitle={
            done.hazardIds.length ? t('selfCheck.hazardsRaised', { count: done.hazardIds.length }) : undefined
          }
          extra={
            <Space direction="vertical" style={{ width: '100%' }} data-testid="self-check-recorded">
              {done.hazardIds.map((id) => (
                <Link key={id} to={`../../../hazards?hazard=${id}`} relative="path">
                  {t('selfCheck.openHazard')}
                </Link>
              ))}
              <Button block onClick={() => navigate('../..?tab=records', { relative: 'path' })}>
                {t('selfCheck.toHistory')}
              </Button>
            </Space>
          }
        />
      </Card>
    );

  const submit = async () => {
    setBanner(null);
    const values = await form.validateFields();
    const answers = plan.checklist.map((item, index) => ({ item, values: values.items?.[index] ?? {} }));
    try {
      await record({
        variables: {
          input: {
            planId: plan.id,
            items: answers.map(({ item, values: v }) => ({
              code: item.code,
              result: v.result ?? 'OK',
              note: v.note?.trim() || undefined,
            })),
            hazards: answers
              .filter(({ values: v }) => v.result === 'NOK' && v.report)
              .map(({ item, values: v }) => ({
                itemCode: item.code,
                title: v.title?.trim() || `${item.text}：${v.note ?? ''}`,
                grade: v.grade ?? 'GENERAL',
                location: v.location || undefined,
                evidence: (v.photos ?? []).map((file) => ({ fileId: file.id, kind: 'BEFORE' as const })),
                noPhotoReason: v.photos?.length ? undefined : v.noPhotoReason,
              })),
          },
        },
      });
    } catch (failure) {
      const unplaced = applyServerErrors(form, failure, { prefix: [] });
      if (unplaced.length) setBanner(unplaced.join('；'));
    }
  };

  return (
    <Card
      title={plan.name}
      extra={<Typography.Text type="secondary">{t(`selfCheck.kinds.${plan.kind}`)}</Typography.Text>}
      style={{ maxWidth: 480 }}
      styles={{ body: { padding: 12 } }}
      data-testid="record-self-check"
    >
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} /> : null}
      <Form<RecordValues>
        form={form}
        layout="vertical"
        initialValues={{
          items: plan.checklist.map(() => ({ result: 'OK', report: true, grade: 'GENERAL' })),
        }}
        scrollToFirstError
      >
        {plan.checklist.map((item, index) => {
          const value = items[index] ?? {};
          const nok = value.result === 'NOK';
          return (
            <Card
              key={item.code}
              size="small"
              style={{ marginBottom: 12, borderColor: nok ? '#ff4d4f' : undefined }}
              data-testid={`check-item-${item.code}`}
              title={<span style={{ whiteSpace: 'normal' }}>{`${item.code} ${item.text}`}</span>}
            >
              <Form.Item name={['items', index, 'result']} style={{ marginBottom: nok ? 12 : 0 }}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  aria-label={item.text}
                  options={RESULTS.map((result) => ({
                    value: result,
                    label: t(`selfCheck.results.${result}`),
                  }))}
                />
              </Form.Item>
              {nok ? (
                <>
                  <Form.Item
                    name={['items', index, 'note']}
                    label={t('selfCheck.finding')}
                    rules={[{ required: true, whitespace: true, message: t('selfCheck.findingRequired') }]}
                  >
                    <Input.TextArea rows={2} maxLength={500} placeholder={t('selfCheck.findingHint')} />
                  </Form.Item>
                  <Form.Item
                    name={['items', index, 'report']}
                    valuePropName="checked"
                    style={{ marginBottom: 8 }}
                  >
                    <Checkbox>{t('selfCheck.reportHazard')}</Checkbox>
                  </Form.Item>
                  {value.report ? (
                    <>
                      <Form.Item
                        name={['items', index, 'title']}
                        label={t('hazard.title')}
                        extra={t('selfCheck.titleHint')}
                      >
                        <Input maxLength={100} placeholder={`${item.text}：${value.note ?? ''}`} />
                      </Form.Item>
                      <Form.Item name={['items', index, 'grade']} label={t('hazard.grade')}>
                        <Radio.Group
                          optionType="button"
                          options={(['GENERAL', 'MAJOR'] as const).map((grade) => ({
                            value: grade,
                            label: t(`grade.${grade}`),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item name={['items', index, 'location']} label={t('hazard.location')}>
                        <Input maxLength={200} placeholder={t('report.locationHint')} />
                      </Form.Item>
                      <Form.Item name={['items', index, 'photos']} label={t('report.photos')}>
                        <FileUpload transport={transport} aria-label={t('report.photos')} maxCount={9} />
                      </Form.Item>
                      {value.photos?.length ? null : (
                        <Form.Item
                          name={['items', index, 'noPhotoReason']}
                          label={t('report.noPhotoReason')}
                          rules={[{ required: true, message: t('report.photoOrReason') }]}
                        >
                          <Input.TextArea rows={2} maxLength={500} />
                        </Form.Item>
                      )}
                    </>
                  ) : null}
                </>
              ) : null}
            </Card>
          );
        })}
        <Button type="primary" block size="large" loading={recorded.loading} onClick={() => void submit()}>
          {t('selfCheck.submit')}
        </Button>
      </Form>
    </Card>
  );
}
