import { DeleteOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { EnterprisePicker, useFileTransport } from '@safety/client';
import { applyServerErrors, FileUpload, type StoredFile, useT } from '@safety/ui';
import { Alert, Button, Drawer, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type {
  ControlLevel,
  RiskControlKind,
  RiskPointDetailFieldsFragment,
  RiskPointKind,
} from '../gql/graphql.js';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { FloorPlan, type Vertex } from './floor-plan.js';
import { ACCIDENT_TYPES, CONTROL_KINDS, CONTROL_LEVELS, isBelowDefault } from './labels.js';
import {
  CreateRiskPointDocument,
  EnterpriseRiskMapDocument,
  RetireRiskPointDocument,
  UpdateRiskPointDocument,
} from './operations.js';

type Point = RiskPointDetailFieldsFragment;

interface EditorValues {
  enterpriseId?: string;
  name: string;
  kind: RiskPointKind;
  location?: string;
  accidentTypes?: string[];
  hazardFactors?: string[];
  controls?: Array<{ kind: RiskControlKind; text: string }>;
  controlLevel?: ControlLevel;
  controlLevelReason?: string;
  responsiblePersonId?: string;
  noticeCardFileId?: StoredFile[];
  floorPlanPolygon?: Vertex[];
}

export interface RiskPointEditorProps {
  /** The point to change; absent to identify a new one. */
  point?: Point | null;
  /** The enterprise of a new point, when the page knows it (otherwise it is picked). */
  enterpriseId?: string;
  onClose: () => void;
  onSaved: (point: Point, created: boolean) => void;
}

/** The floor-plan field: click to add vertices on the plan, the enterprise's other points behind. */
function PolygonField({
  value,
  onChange,
  enterpriseId,
  pointId,
}: {
  value?: Vertex[];
  onChange?: (value: Vertex[]) => void;
  enterpriseId?: string;
  pointId?: string;
}) {
  const t = useT(HAZARD_NAMESPACE);
  const map = useQuery(EnterpriseRiskMapDocument, {
    variables: { enterpriseId: enterpriseId ?? '' },
    skip: !enterpriseId,
  });
  const others = (map.data?.enterpriseRiskMap?.points ?? []).filter((p) => p.id !== pointId);
  const draft = value ?? [];
  return (
    <div data-testid="polygon-field">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('risk.editor.polygonHint', { count: draft.length })}
      </Typography.Paragraph>
      <FloorPlan
        points={others}
        label={t('risk.editor.polygon')}
        draft={draft}
        onAddVertex={(vertex) => onChange?.([...draft, vertex])}
      />
      <Space style={{ marginTop: 8 }}>
        <Button
          size="small"
          icon={<UndoOutlined />}
          disabled={draft.length === 0}
          onClick={() => onChange?.(draft.slice(0, -1))}
        >
          {t('risk.editor.undoVertex')}
        </Button>
        <Button
          size="small"
          icon={<DeleteOutlined />}
          disabled={draft.length === 0}
          onClick={() => onChange?.([])}
        >
          {t('risk.editor.clearPolygon')}
        </Button>
      </Space>
    </div>
  );
}

/**
 * 风险辨识 (domain §5.2): a risk point's name, kind, place, accident types, hazard factors, controls,
 * control level (a level below the default for its risk needs a reason), responsible person, notice
 * card, and its polygon drawn on the enterprise floor plan. Changes carry the version read (CONFLICT).
 */
export function RiskPointEditor({ point, enterpriseId, onClose, onSaved }: RiskPointEditorProps) {
  const t = useT(HAZARD_NAMESPACE);
  const transport = useFileTransport();
  const [form] = Form.useForm<EditorValues>();
  const [banner, setBanner] = useState<string | null>(null);
  const [create, created] = useMutation(CreateRiskPointDocument, {
    refetchQueries: ['EnterpriseRiskMap', 'RiskPointList'],
  });
  const [update, updated] = useMutation(UpdateRiskPointDocument, { refetchQueries: ['EnterpriseRiskMap'] });
  const pickedEnterprise = Form.useWatch('enterpriseId', form);
  const controlLevel = Form.useWatch('controlLevel', form);
  const owner = point?.enterpriseId ?? enterpriseId ?? pickedEnterprise;
  // Before the first assessment there is no default to fall below (the service derives it from the level).
  const needsReason = isBelowDefault(controlLevel, point?.defaultControlLevel);

  const initialValues: Partial<EditorValues> = point
    ? {
        name: point.name,
        kind: point.kind,
        location: point.location ?? undefined,
        accidentTypes: point.accidentTypes,
        hazardFactors: point.hazardFactors,
        controls: point.controls.map(({ kind, text }) => ({ kind, text })),
        controlLevel: point.controlLevel,
        controlLevelReason: point.controlLevelReason ?? undefined,
        responsiblePersonId: point.responsiblePersonId ?? undefined,
        noticeCardFileId: point.noticeCardFileId ? [{ id: point.noticeCardFileId }] : [],
        floorPlanPolygon: (point.floorPlanPolygon ?? []).map(([x, y]) => [x ?? 0, y ?? 0] as Vertex),
      }
    : { kind: 'FACILITY_AREA', controls: [], floorPlanPolygon: [] };

  const submit = async () => {
    setBanner(null);
    const values = await form.validateFields();
    const fields = {
      name: values.name,
      kind: values.kind,
      location: values.location || null,
      accidentTypes: values.accidentTypes ?? [],
      hazardFactors: values.hazardFactors ?? [],
      controls: (values.controls ?? []).filter((c) => c.text?.trim()),
      controlLevel: values.controlLevel,
      controlLevelReason: values.controlLevelReason || null,
      responsiblePersonId: values.responsiblePersonId || null,
      noticeCardFileId: values.noticeCardFileId?.[0]?.id ?? null,
      floorPlanPolygon: values.floorPlanPolygon?.length ? values.floorPlanPolygon : null,
    };
    try {
      if (point) {
        const { data } = await update({
          variables: { input: { ...fields, riskPointId: point.id, expectedVersion: point.version } },
        });
        if (data) onSaved(data.updateRiskPoint, false);
      } else {
        const { data } = await create({ variables: { input: { ...fields, enterpriseId: owner } } });
        if (data) onSaved(data.createRiskPoint, true);
      }
    } catch (error) {
      // BAD_USER_INPUT lands on its field; CONFLICT (someone else changed it) and FORBIDDEN in the banner.
      const unplaced = applyServerErrors(form, error, { prefix: [] });
      if (unplaced.length) setBanner(unplaced.join('；'));
    }
  };

  return (
    <Drawer
      open
      size="large"
      title={point ? `${t('risk.editor.editTitle')} · ${point.name}` : t('risk.editor.createTitle')}
      onClose={onClose}
      destroyOnHidden
      data-testid="risk-point-editor"
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={created.loading || updated.loading} onClick={() => void submit()}>
            {t('risk.editor.save')}
          </Button>
        </Space>
      }
    >
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<EditorValues> form={form} layout="vertical" initialValues={initialValues} scrollToFirstError>
        {point || enterpriseId ? null : (
          <Form.Item
            name="enterpriseId"
            label={t('hazard.enterprise')}
            rules={[{ required: true, message: t('report.enterpriseRequired') }]}
          >
            <EnterprisePicker aria-label={t('hazard.enterprise')} />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('risk.pointName')}
          rules={[{ required: true, whitespace: true, message: t('risk.editor.nameRequired') }]}
        >
          <Input maxLength={100} placeholder={t('risk.editor.nameHint')} />
        </Form.Item>
        <Form.Item name="kind" label={t('risk.kind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={(['FACILITY_AREA', 'ACTIVITY'] as const).map((value) => ({
              value,
              label: t(`risk.kinds.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="location" label={t('hazard.location')}>
          <Input maxLength={200} placeholder={t('report.locationHint')} />
        </Form.Item>
        <Form.Item name="floorPlanPolygon" label={t('risk.editor.polygon')} rules={[polygonRule(t)]}>
          <PolygonField enterpriseId={owner ?? undefined} pointId={point?.id} />
        </Form.Item>
        <Form.Item name="accidentTypes" label={t('risk.accidentTypes')}>
          <Select
            mode="multiple"
            allowClear
            options={ACCIDENT_TYPES.map((value) => ({ value, label: value }))}
            placeholder={t('risk.editor.accidentTypesHint')}
          />
        </Form.Item>
        <Form.Item
          name="hazardFactors"
          label={t('risk.hazardFactors')}
          extra={t('risk.editor.hazardFactorsHint')}
        >
          <Select mode="tags" open={false} suffixIcon={null} aria-label={t('risk.hazardFactors')} />
        </Form.Item>
        <Form.Item label={t('risk.controls')}>
          <Form.List name="controls">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((field) => (
                  <Space key={field.key} align="start" style={{ width: '100%' }} wrap>
                    <Form.Item name={[field.name, 'kind']} rules={[{ required: true }]} noStyle>
                      <Select
                        style={{ width: 150 }}
                        aria-label={t('risk.controlKind')}
                        options={CONTROL_KINDS.map((value) => ({
                          value,
                          label: t(`risk.controlKinds.${value}`),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'text']}
                      rules={[
                        { required: true, whitespace: true, message: t('risk.editor.controlTextRequired') },
                      ]}
                      style={{ marginBottom: 0, minWidth: 240, flex: 1 }}
                    >
                      <Input maxLength={500} aria-label={t('risk.controlText')} />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('risk.editor.removeControl')}
                      onClick={() => remove(field.name)}
                    />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'ENGINEERING', text: '' })}>
                  {t('risk.editor.addControl')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item
          name="controlLevel"
          label={t('risk.controlLevel')}
          extra={
            point?.defaultControlLevel
              ? t('risk.editor.defaultControl', { level: t(`risk.control.${point.defaultControlLevel}`) })
              : t('risk.editor.controlAfterAssessment')
          }
        >
          <Select
            allowClear
            options={CONTROL_LEVELS.map((value) => ({ value, label: t(`risk.control.${value}`) }))}
          />
        </Form.Item>
        {needsReason || point?.controlLevelReason ? (
          <Form.Item
            name="controlLevelReason"
            label={t('risk.controlLevelReason')}
            rules={
              needsReason
                ? [{ required: true, whitespace: true, message: t('risk.editor.reasonRequired') }]
                : []
            }
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        ) : null}
        <Form.Item name="responsiblePersonId" label={t('risk.responsible')}>
          <Input maxLength={100} placeholder={t('risk.editor.responsibleHint')} />
        </Form.Item>
        <Form.Item
          name="noticeCardFileId"
          label={t('risk.noticeCard')}
          extra={t('risk.editor.noticeCardHint')}
        >
          <FileUpload transport={transport} aria-label={t('risk.noticeCard')} maxCount={1} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

/** A polygon is none at all, or at least three vertices (the service's rule, checked early). */
function polygonRule(t: (key: string) => string) {
  return {
    validator: async (_: unknown, value: Vertex[] | undefined) => {
      if (value && value.length > 0 && value.length < 3) throw new Error(t('risk.editor.polygonTooShort'));
    },
  };
}

/** 停用 a point that no longer exists (domain §5.2), with the reason; CONFLICT when it changed meanwhile. */
export function RetireRiskPointModal({
  point,
  onClose,
  onRetired,
}: {
  point: Point;
  onClose: () => void;
  onRetired: () => void;
}) {
  const t = useT(HAZARD_NAMESPACE);
  const [form] = Form.useForm<{ reason: string }>();
  const [banner, setBanner] = useState<string | null>(null);
  const [retire, { loading }] = useMutation(RetireRiskPointDocument, {
    refetchQueries: ['EnterpriseRiskMap', 'RiskPointList', 'RiskMap'],
  });
  const submit = async () => {
    setBanner(null);
    const { reason } = await form.validateFields();
    try {
      await retire({
        variables: { input: { riskPointId: point.id, expectedVersion: point.version, reason } },
      });
      onRetired();
    } catch (error) {
      const unplaced = applyServerErrors(form, error, { prefix: [] });
      if (unplaced.length) setBanner(unplaced.join('；'));
    }
  };
  return (
    <Modal
      open
      title={`${t('risk.retire')} · ${point.name}`}
      okText={t('risk.retire')}
      okButtonProps={{ danger: true }}
      cancelText={t('action.cancel')}
      confirmLoading={loading}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('risk.retireReason')}
          rules={[{ required: true, whitespace: true, message: t('action.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
