import { useMutation, useQuery } from '@apollo/client/react';
import { applyServerErrors, type RiskLevel, RiskLevelTag, useT } from '@safety/ui';
import { Alert, Button, Form, Modal, Radio, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { RiskPointFieldsFragment } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { AssessRiskDocument, LecFactorTablesDocument } from './operations.js';

interface AssessValues {
  method: 'LEC' | 'MATRIX';
  l?: string;
  e?: string;
  c?: string;
  ml?: number;
  ms?: number;
}

/** The LEC / 5×5 matrix calculator: only the table values can be chosen; the service computes D or R exactly. */
export function AssessModal({ point, onClose }: { point: RiskPointFieldsFragment; onClose: () => void }) {
  const t = useT(HAZARD_NAMESPACE);
  const [form] = Form.useForm<AssessValues>();
  const tables = useQuery(LecFactorTablesDocument);
  // The method of the profile in force for the point's industry (the service refuses the other one).
  const profileMethod =
    tables.data?.riskCriteriaProfiles.find(
      (profile) =>
        !profile.effectiveTo && point.industryCode && profile.industryCodes?.includes(point.industryCode),
    )?.method ?? 'LEC';
  const method = Form.useWatch('method', form) ?? profileMethod;
  useEffect(() => {
    if (!form.isFieldTouched('method')) form.setFieldsValue({ method: profileMethod });
  }, [form, profileMethod]);
  // The maps read the point's and the enterprise's level: refresh them once the level changes.
  const [assess, { data, loading }] = useMutation(AssessRiskDocument, {
    refetchQueries: ['EnterpriseRiskMap', 'RiskMap'],
  });
  const [banner, setBanner] = useState<string | null>(null);
  const options = (values: ReadonlyArray<{ value: string; labelZh: string }> | undefined) =>
    (values ?? []).map(({ value, labelZh }) => ({ value, label: `${value} · ${labelZh}` }));
  const scale = [1, 2, 3, 4, 5].map((value) => ({ value, label: String(value) }));
  const result = data?.assessRisk.currentAssessment;

  const submit = async () => {
    const values = await form.validateFields();
    setBanner(null);
    try {
      await assess({
        variables: {
          input: {
            riskPointId: point.id,
            expectedVersion: point.version,
            method: values.method,
            ...(values.method === 'LEC'
              ? { lec: { l: values.l ?? '', e: values.e ?? '', c: values.c ?? '' } }
              : { matrix: { l: values.ml ?? 0, s: values.ms ?? 0 } }),
          },
        },
      });
    } catch (error) {
      const unplaced = applyServerErrors(form, error, { prefix: [] });
      if (unplaced.length) setBanner(unplaced.join('；'));
    }
  };

  return (
    <Modal
      open
      title={`${t('risk.assess')} · ${point.name}`}
      onCancel={onClose}
      footer={
        result ? (
          <Button type="primary" onClick={onClose}>
            {t('action.ok')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('action.cancel')}</Button>
            <Button type="primary" loading={loading} onClick={() => void submit()}>
              {t('risk.compute')}
            </Button>
          </Space>
        )
      }
    >
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      {result ? (
        <Alert
          type="info"
          data-testid="assessment-result"
          title={
            <Space wrap>
              <span>{`${result.method === 'LEC' ? 'D' : 'R'} = ${result.score}`}</span>
              {result.bandWording ? <span>{`${result.band}级 ${result.bandWording}`}</span> : null}
              <RiskLevelTag level={result.computedLevel as RiskLevel} />
            </Space>
          }
        />
      ) : (
        <Form<AssessValues> form={form} layout="vertical" initialValues={{ method: profileMethod }}>
          <Form.Item name="method" label={t('risk.method')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'LEC', label: t('risk.methods.LEC') },
                { value: 'MATRIX', label: t('risk.methods.MATRIX') },
              ]}
            />
          </Form.Item>
          {method === 'LEC' ? (
            <>
              <Form.Item name="l" label={t('risk.lecL')} rules={[{ required: true }]}>
                <Select options={options(tables.data?.lecFactorTables.likelihood)} />
              </Form.Item>
              <Form.Item name="e" label={t('risk.lecE')} rules={[{ required: true }]}>
                <Select options={options(tables.data?.lecFactorTables.exposure)} />
              </Form.Item>
              <Form.Item name="c" label={t('risk.lecC')} rules={[{ required: true }]}>
                <Select options={options(tables.data?.lecFactorTables.consequence)} />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="ml" label={t('risk.matrixL')} rules={[{ required: true }]}>
                <Select options={scale} />
              </Form.Item>
              <Form.Item name="ms" label={t('risk.matrixS')} rules={[{ required: true }]}>
                <Select options={scale} />
              </Form.Item>
            </>
          )}
        </Form>
      )}
    </Modal>
  );
}
