import type { FileTransport } from '@safety/ui';
import { FileUpload, useT } from '@safety/ui';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { InterimMeasureKind } from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';

/** 临时管控措施 kinds (domain §5.6 `interimMeasures`). */
export const INTERIM_KINDS: InterimMeasureKind[] = [
  'PARTIAL_SUSPENSION',
  'FULL_SUSPENSION',
  'ISOLATION',
  'MONITORING',
  'OTHER',
];

/** The text fields of the plan (令第16号 第15条) in the order of the regulation; the 五定 ones are marked. */
const PLAN_TEXT_FIELDS = [
  { name: 'objectives', rows: 2, max: 2000 },
  { name: 'measures', rows: 3, max: 2000 },
  { name: 'materials', rows: 2, max: 1000 },
  { name: 'responsibleOrganisation', rows: 1, max: 200 },
  { name: 'responsiblePerson', rows: 1, max: 100 },
  { name: 'requirements', rows: 2, max: 1000 },
  { name: 'safetyMeasures', rows: 3, max: 2000 },
  { name: 'contingencyPlan', rows: 3, max: 2000 },
] as const;

/**
 * 治理方案 form items, named `plan.<field>` like the mutation's input so the service's
 * `BAD_USER_INPUT` paths (`plan.funds`, …) land on their fields. One column: usable on a phone.
 */
export function RectificationPlanFields({ transport }: { transport: FileTransport }) {
  const t = useT(HAZARD_NAMESPACE);
  const required = (label: string) => [
    { required: true, whitespace: true, message: t('plan.required', { label }) },
  ];
  const item = (name: (typeof PLAN_TEXT_FIELDS)[number]) => {
    const label = t(`plan.${name.name}`);
    return (
      <Form.Item key={name.name} name={['plan', name.name]} label={label} rules={required(label)}>
        {name.rows === 1 ? (
          <Input maxLength={name.max} />
        ) : (
          <Input.TextArea rows={name.rows} maxLength={name.max} />
        )}
      </Form.Item>
    );
  };
  const [objectives, measures, materials, organisation, person, requirements, safety, contingency] =
    PLAN_TEXT_FIELDS;
  return (
    <>
      {item(objectives)}
      {item(measures)}
      <Form.Item
        name={['plan', 'funds']}
        label={t('plan.funds')}
        rules={[
          { required: true, message: t('plan.required', { label: t('plan.funds') }) },
          // Same rule as the service: yuan with at most two decimals.
          { pattern: /^\d{1,12}(\.\d{1,2})?$/, message: t('plan.fundsFormat') },
        ]}
      >
        <Input inputMode="decimal" suffix={t('plan.yuan')} />
      </Form.Item>
      {item(materials)}
      {item(organisation)}
      {item(person)}
      <Form.Item
        name={['plan', 'deadline']}
        label={t('plan.deadline')}
        rules={[{ required: true, message: t('plan.required', { label: t('plan.deadline') }) }]}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      {item(requirements)}
      {item(safety)}
      {item(contingency)}
      <Form.Item name={['plan', 'planFile']} label={t('plan.planFile')} extra={t('plan.planFileHint')}>
        <FileUpload transport={transport} aria-label={t('plan.planFile')} maxCount={1} />
      </Form.Item>
    </>
  );
}

/** 临时管控措施 as a list of kind + text (H-3: a suspension here decides the resumption application). */
export function InterimMeasuresFields({ required }: { required: boolean }) {
  const t = useT(HAZARD_NAMESPACE);
  return (
    <Form.List
      name="interimMeasures"
      rules={
        required
          ? [
              {
                validator: async (_, value?: unknown[]) => {
                  if (!value?.length) throw new Error(t('plan.interimRequired'));
                },
              },
            ]
          : []
      }
    >
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label={t('plan.interimMeasures')} required={required}>
          {fields.map((field) => (
            <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 8 }}>
              <Form.Item name={[field.name, 'kind']} rules={[{ required: true }]} noStyle>
                <Select
                  style={{ width: 140 }}
                  aria-label={t('plan.interimKind')}
                  options={INTERIM_KINDS.map((value) => ({ value, label: t(`plan.interim.${value}`) }))}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'text']}
                rules={[{ required: true, whitespace: true, message: t('plan.interimText') }]}
                style={{ marginBottom: 0 }}
              >
                <Input style={{ width: 200 }} placeholder={t('plan.interimText')} maxLength={500} />
              </Form.Item>
              <Button onClick={() => remove(field.name)}>{t('plan.remove')}</Button>
            </Space>
          ))}
          <Button type="dashed" onClick={() => add({ kind: 'ISOLATION', text: '' })} block>
            {t('plan.addInterim')}
          </Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  );
}
