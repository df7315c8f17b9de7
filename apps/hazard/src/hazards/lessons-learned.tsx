import { useMutation } from '@apollo/client/react';
import { useSession } from '@safety/client';
import { applyServerErrors, useT } from '@safety/ui';
import { Alert, Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { HazardDetailFieldsFragment } from '../gql/graphql.js';
import { graphql } from '../gql/index.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';

// antd's date values; dayjs itself is not a dependency of this app.
type Dayjs = { format(pattern: string): string };

const LaunchLessonsLearnedDocument = graphql(`
  mutation LaunchLessonsLearned($input: LaunchLessonsLearnedCampaignInput!) {
    launchLessonsLearnedCampaign(input: $input) {
      id
      code
      title
    }
  }
`);

/** The service's CAMPAIGN_MANAGER_ROLES: who may launch a campaign. */
const MANAGER_ROLES = ['COUNTY_LEADER', 'SAC_OFFICE', 'EMB_STAFF', 'INDUSTRY_REGULATOR', 'TOWNSHIP_OFFICER'];

/**
 * H-8 举一反三 (domain §5.6): from a confirmed MAJOR hazard, a regulator launches a lessons-learned
 * campaign over every enterprise its criterion or industry applies to; the campaign page tracks it.
 */
export function LessonsLearnedAction({ hazard }: { hazard: HazardDetailFieldsFragment }) {
  const t = useT(HAZARD_NAMESPACE);
  const roles = useSession()?.account.roles ?? [];
  const [open, setOpen] = useState(false);
  const [launched, setLaunched] = useState<{ id: string; code: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ title?: string; periodTo?: Dayjs }>();
  const [launch, { loading }] = useMutation(LaunchLessonsLearnedDocument);
  if (hazard.grade !== 'MAJOR' || !hazard.confirmedAt || !roles.some((role) => MANAGER_ROLES.includes(role)))
    return null;

  const submit = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      const { data } = await launch({
        variables: {
          input: {
            fromHazardId: hazard.id,
            title: values.title?.trim() || null,
            periodTo: values.periodTo?.format('YYYY-MM-DD') ?? null,
          },
        },
      });
      if (data) setLaunched(data.launchLessonsLearnedCampaign);
      setOpen(false);
    } catch (caught) {
      if (!applyServerErrors(form, caught)) setError((caught as Error).message);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
      {launched ? (
        <Alert
          type="success"
          showIcon
          data-testid="lessons-learned-launched"
          title={
            <>
              {t('lessons.launched', { code: launched.code })}{' '}
              <Link to={`../campaigns?campaign=${launched.id}`}>{t('lessons.open')}</Link>
            </>
          }
        />
      ) : (
        <Button onClick={() => setOpen(true)}>{t('lessons.action')}</Button>
      )}
      <Modal
        open={open}
        title={`${t('lessons.action')} · ${hazard.code}`}
        okText={t('lessons.launch')}
        confirmLoading={loading}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Alert type="info" showIcon title={t('lessons.hint')} style={{ marginBottom: 12 }} />
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ title: t('lessons.defaultTitle', { title: hazard.title }) }}
        >
          <Form.Item name="title" label={t('lessons.title')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="periodTo" label={t('lessons.periodTo')} extra={t('lessons.periodToHint')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
