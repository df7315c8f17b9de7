import { useMutation } from '@apollo/client/react';
import { EnterprisePicker, useFileTransport, useSession } from '@safety/client';
import { applyServerErrors, FileUpload, type StoredFile, useT } from '@safety/ui';
import { Alert, Button, Card, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { HazardCategory, HazardGrade, HazardSource } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { ReportHazardDocument } from './operations.js';

interface ReportValues {
  enterpriseId?: string;
  title: string;
  description: string;
  category?: HazardCategory;
  location?: string;
  grade: HazardGrade;
  source: HazardSource;
  photos?: StoredFile[];
  noPhotoReason?: string;
}

/** What an enterprise may name as the source of its own report (the service refuses the rest). */
const ENTERPRISE_SOURCES: HazardSource[] = ['ENTERPRISE_SELF_CHECK', 'STAFF_REPORT'];
const OTHER_SOURCES: HazardSource[] = [
  'LEADER_INSPECTION',
  'EXPERT_SERVICE',
  'SPECIAL_CAMPAIGN',
  'MEDIA',
  'LESSONS_LEARNED',
];
const CATEGORIES: HazardCategory[] = ['UNSAFE_CONDITION', 'UNSAFE_ACT', 'MANAGEMENT_DEFECT'];

/**
 * 上报隐患 (domain §5.6 row 1), made for a phone: what and where, a photo taken on the spot (or why
 * there is none), then the report goes to whoever confirms it. An enterprise user reports for its
 * own enterprise; others pick the enterprise.
 */
export function ReportHazardPage() {
  const t = useT(HAZARD_NAMESPACE);
  const navigate = useNavigate();
  const transport = useFileTransport();
  const session = useSession();
  const [form] = Form.useForm<ReportValues>();
  const [banner, setBanner] = useState<string | null>(null);
  const [report, { loading }] = useMutation(ReportHazardDocument);
  const ownEnterprises = session?.account.scope.enterpriseIds ?? [];
  const ownEnterprise = ownEnterprises.length === 1 ? ownEnterprises[0] : undefined;
  const sources = ownEnterprise ? ENTERPRISE_SOURCES : OTHER_SOURCES;
  const photos = Form.useWatch('photos', form) ?? [];

  const submit = async (values: ReportValues) => {
    setBanner(null);
    try {
      const { data } = await report({
        variables: {
          input: {
            enterpriseId: ownEnterprise ?? values.enterpriseId,
            title: values.title,
            description: values.description,
            category: values.category,
            location: values.location,
            grade: values.grade,
            source: values.source,
            evidence: (values.photos ?? []).map((file) => ({ fileId: file.id, kind: 'BEFORE' as const })),
            noPhotoReason: values.photos?.length ? undefined : values.noPhotoReason,
          },
        },
      });
      if (data) navigate(`../hazards?hazard=${data.reportHazard.id}`);
    } catch (error) {
      const unplaced = applyServerErrors(form, error, { prefix: [] });
      if (unplaced.length) setBanner(unplaced.join('；'));
    }
  };

  return (
    <Card title={t('report.title')} style={{ maxWidth: 640 }}>
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<ReportValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ grade: 'GENERAL', source: sources[0] }}
        scrollToFirstError
      >
        {ownEnterprise ? null : (
          <Form.Item
            name="enterpriseId"
            label={t('hazard.enterprise')}
            rules={[{ required: true, message: t('report.enterpriseRequired') }]}
          >
            <EnterprisePicker aria-label={t('hazard.enterprise')} />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label={t('hazard.title')}
          rules={[{ required: true, message: t('report.titleRequired') }]}
        >
          <Input maxLength={100} placeholder={t('report.titleHint')} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('hazard.description')}
          rules={[{ required: true, message: t('report.descriptionRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('report.descriptionHint')} />
        </Form.Item>
        <Form.Item name="location" label={t('hazard.location')}>
          <Input maxLength={200} placeholder={t('report.locationHint')} />
        </Form.Item>
        <Form.Item name="category" label={t('hazard.category')}>
          <Select
            allowClear
            options={CATEGORIES.map((value) => ({ value, label: t(`category.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="grade" label={t('hazard.grade')}>
          <Radio.Group
            optionType="button"
            options={(['GENERAL', 'MAJOR'] as const).map((value) => ({ value, label: t(`grade.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="source" label={t('hazard.source')}>
          <Select options={sources.map((value) => ({ value, label: t(`source.${value}`) }))} />
        </Form.Item>
        <Form.Item name="photos" label={t('report.photos')} extra={t('report.photosHint')}>
          <FileUpload transport={transport} aria-label={t('report.photos')} maxCount={9} />
        </Form.Item>
        {photos.length === 0 ? (
          <Form.Item
            name="noPhotoReason"
            label={t('report.noPhotoReason')}
            rules={[{ required: true, message: t('report.photoOrReason') }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={loading} block>
          {t('report.submit')}
        </Button>
      </Form>
    </Card>
  );
}
