import { Form, type FormInstance, Input, InputNumber, Select } from 'antd';
import { describe, expect, test } from 'vitest';
import { createSafetyI18n, type SafetyLanguage, useLanguage } from '../i18n/i18n.js';
import { renderWithSafety } from '../test-utils/render.js';
import { applyServerErrors, toNamePath } from './apply-server-errors.js';
import { violationMessage } from './violation-message.js';

/** An enterprise form like supervision's: a top-level field and nested scope fields. */
async function renderForm() {
  let captured: FormInstance | undefined;
  function EnterpriseForm() {
    const [form] = Form.useForm();
    captured = form;
    return (
      <Form form={form} layout="vertical">
        <Form.Item label="统一社会信用代码" name="uscc">
          <Input />
        </Form.Item>
        <Form.Item label="监管企业" name={['scope', 'enterpriseIds']}>
          <Select mode="multiple" options={[{ value: 'e1', label: '红沙岗煤矿（演示）' }]} />
        </Form.Item>
        <Form.Item label="乡镇" name={['scope', 'townshipCodes']}>
          <Input />
        </Form.Item>
      </Form>
    );
  }
  const screen = await renderWithSafety(<EnterpriseForm />);
  return { screen, form: captured! };
}

const badInput = (fields: Record<string, string>, message = '输入有误') => ({
  message,
  extensions: { code: 'BAD_USER_INPUT', fields },
});

describe('applyServerErrors', () => {
  test('puts messages on top-level and nested fields (Apollo Client 3 graphQLErrors)', async () => {
    const { screen, form } = await renderForm();
    const rest = applyServerErrors(form, {
      graphQLErrors: [
        badInput({ uscc: '统一社会信用代码应为18位', 'scope.enterpriseIds': '至少选择一家企业' }),
      ],
    });
    expect(rest).toEqual([]);
    await expect.element(screen.getByText('统一社会信用代码应为18位')).toBeVisible();
    await expect.element(screen.getByText('至少选择一家企业')).toBeVisible();
    expect(form.getFieldError(['scope', 'enterpriseIds'])).toEqual(['至少选择一家企业']);
    expect(form.getFieldError(['scope', 'townshipCodes'])).toEqual([]);
    expect(screen.container.querySelectorAll('.ant-form-item-has-error')).toHaveLength(2);
  });

  test('places a list element on its parent field and returns what it cannot place (Apollo Client 4 errors)', async () => {
    const { screen, form } = await renderForm();
    const rest = applyServerErrors(form, {
      errors: [
        badInput({ 'scope.enterpriseIds.0': '企业不存在', 'legalRepresentative.phone': '手机号格式不正确' }),
        { message: '无权操作该企业', extensions: { code: 'FORBIDDEN' } },
      ],
    });
    expect(rest).toEqual(['手机号格式不正确', '无权操作该企业']);
    await expect.element(screen.getByText('企业不存在')).toBeVisible();
  });

  test('honours a prefix and passes a network error through', async () => {
    const { form } = await renderForm();
    expect(
      applyServerErrors(
        form,
        { graphQLErrors: [badInput({ enterpriseIds: '必填' })] },
        { prefix: ['scope'] },
      ),
    ).toEqual([]);
    expect(form.getFieldError(['scope', 'enterpriseIds'])).toEqual(['必填']);
    expect(applyServerErrors(form, new Error('Failed to fetch'))).toEqual(['Failed to fetch']);
  });

  test('turns dotted paths into name paths', () => {
    expect(toNamePath('scope.enterpriseIds.2')).toEqual(['scope', 'enterpriseIds', 2]);
    expect(toNamePath('uscc')).toEqual(['uscc']);
  });
});

/** A plan form like the training forms: text fields with bounds, a multi-select and a number. */
async function renderPlanForm() {
  let captured: FormInstance | undefined;
  let switchLanguage: ((language: SafetyLanguage) => void) | undefined;
  function PlanForm() {
    const [form] = Form.useForm();
    captured = form;
    switchLanguage = useLanguage().setLanguage;
    return (
      <Form form={form} layout="vertical">
        <Form.Item label="标题" name={['plan', 'title']}>
          <Input />
        </Form.Item>
        <Form.Item label="统一社会信用代码" name={['plan', 'uscc']}>
          <Input />
        </Form.Item>
        <Form.Item label="目标" name={['plan', 'objectives']}>
          <Select mode="tags" />
        </Form.Item>
        <Form.Item label="学时" name={['plan', 'hours']}>
          <InputNumber />
        </Form.Item>
        <Form.Item label="电话" name={['plan', 'phone']}>
          <Input />
        </Form.Item>
      </Form>
    );
  }
  const screen = await renderWithSafety(<PlanForm />);
  return { screen, form: captured!, switchLanguage: (language: SafetyLanguage) => switchLanguage!(language) };
}

/** What the kit sends for a class-validator failure: English `fields` plus `violations`. */
const validationFailure = {
  message: 'Invalid input: …',
  extensions: {
    code: 'BAD_USER_INPUT',
    fields: {
      'plan.title': 'title must be longer than or equal to 2 characters',
      'plan.uscc': 'uscc must be longer than or equal to 18 characters',
      'plan.objectives':
        'each value in objectives must be longer than or equal to 2 characters; objectives must contain no more than 3 elements',
      'plan.hours': 'hours must not be less than 1',
      'plan.phone': 'phone must be digits',
      'plan.nickname': 'nickname must be shorter than or equal to 20 characters',
    },
    violations: {
      'plan.title': [{ constraint: 'isLength', args: { min: 2, max: 40 } }],
      'plan.uscc': [{ constraint: 'isLength', args: { min: 18, max: 18 } }],
      'plan.objectives': [
        { constraint: 'minLength', args: { min: 2 } },
        { constraint: 'arrayMaxSize', args: { max: 3 } },
      ],
      'plan.hours': [{ constraint: 'min', args: { min: 1 } }],
      'plan.phone': [{ constraint: 'isPhoneNumberCN' }],
      'plan.nickname': [{ constraint: 'maxLength', args: { max: 20 } }],
    },
  },
};

describe('applyServerErrors with violations (class-validator failures)', () => {
  test('shows Chinese messages with the bounds, then English after switching the language', async () => {
    const { screen, form, switchLanguage } = await renderPlanForm();
    const rest = applyServerErrors(form, { graphQLErrors: [validationFailure] });
    // A field the form does not have keeps the server's sentence, for a banner.
    expect(rest).toEqual(['nickname must be shorter than or equal to 20 characters']);

    await expect.element(screen.getByText('长度应为 2–40 个字符')).toBeVisible();
    await expect.element(screen.getByText('应为 18 个字符')).toBeVisible();
    await expect.element(screen.getByText('至少 2 个字符')).toBeVisible();
    await expect.element(screen.getByText('最多选择 3 项')).toBeVisible();
    await expect.element(screen.getByText('不能小于 1')).toBeVisible();
    // An unknown constraint: the generic Chinese message, not the English sentence.
    await expect.element(screen.getByText('格式不正确')).toBeVisible();
    expect(screen.container.textContent).not.toContain('must be');
    expect(screen.container.querySelectorAll('.ant-form-item-has-error')).toHaveLength(5);

    switchLanguage('en');
    await expect.element(screen.getByText('Between 2 and 40 characters')).toBeVisible();
    await expect.element(screen.getByText('Exactly 18 characters')).toBeVisible();
    await expect.element(screen.getByText('At least 2 characters')).toBeVisible();
    await expect.element(screen.getByText('Choose at most 3')).toBeVisible();
    await expect.element(screen.getByText('Must be at least 1')).toBeVisible();
    // In English the unknown constraint shows the server's own sentence.
    await expect.element(screen.getByText('phone must be digits')).toBeVisible();
    expect(screen.container.textContent).not.toMatch(/个字符|格式不正确|不能小于/);

    switchLanguage('zh-CN');
    await expect.element(screen.getByText('长度应为 2–40 个字符')).toBeVisible();
  });

  test('keeps hand-written messages beside violations and does not repeat a violation', async () => {
    const { screen, form } = await renderPlanForm();
    applyServerErrors(form, {
      errors: [
        validationFailure,
        { message: 'x', extensions: { code: 'BAD_USER_INPUT', fields: { 'plan.title': '标题已存在' } } },
        validationFailure,
      ],
    });
    await expect.element(screen.getByText('标题已存在')).toBeVisible();
    expect(form.getFieldError(['plan', 'title'])).toHaveLength(2);
    expect(form.getFieldError(['plan', 'objectives'])).toHaveLength(2);
  });

  test('ignores malformed violations and shows the server text', async () => {
    const { screen, form } = await renderPlanForm();
    applyServerErrors(form, {
      graphQLErrors: [
        {
          message: 'x',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: { 'plan.title': 'title is odd' },
            violations: { 'plan.title': [{ nope: true }] },
          },
        },
      ],
    });
    await expect.element(screen.getByText('title is odd')).toBeVisible();
    expect(form.getFieldError(['plan', 'title'])).toEqual(['title is odd']);
  });
});

describe('violationMessage', () => {
  const zh = createSafetyI18n('zh-CN').t as never;
  const en = createSafetyI18n('en').t as never;

  test('covers the constraints the services use, in both languages', () => {
    const cases: Array<[string, Record<string, number>, string, string]> = [
      ['isNotEmpty', {}, '不能为空', 'Required'],
      ['minLength', { min: 2 }, '至少 2 个字符', 'At least 2 characters'],
      ['maxLength', { max: 40 }, '最多 40 个字符', 'At most 40 characters'],
      ['isLength', { min: 2 }, '至少 2 个字符', 'At least 2 characters'],
      ['isLength', { min: 0, max: 9 }, '最多 9 个字符', 'At most 9 characters'],
      ['min', { min: 0 }, '不能小于 0', 'Must be at least 0'],
      ['max', { max: 200 }, '不能大于 200', 'Must be at most 200'],
      ['isInt', {}, '应为整数', 'Must be a whole number'],
      ['isUuid', {}, '不是有效的编号', 'Not a valid id'],
      ['isEnum', {}, '不是可选的值', 'Not one of the allowed values'],
      ['isIn', {}, '不是可选的值', 'Not one of the allowed values'],
      ['isDateString', {}, '不是有效的日期', 'Not a valid date'],
      ['isNumberString', {}, '应为数字', 'Must be a number'],
      ['arrayMinSize', { min: 1 }, '至少选择 1 项', 'Choose at least 1'],
      ['arrayMaxSize', { max: 5 }, '最多选择 5 项', 'Choose at most 5'],
      ['matches', {}, '格式不正确', 'Not in the expected format'],
    ];
    for (const [constraint, args, chinese, english] of cases) {
      expect(violationMessage(zh, { constraint, args }, 'server text')).toBe(chinese);
      expect(violationMessage(en, { constraint, args }, 'server text')).toBe(english);
    }
  });

  test('falls back when the constraint is unknown or its bounds are missing', () => {
    for (const violation of [
      { constraint: 'isPostalCode' },
      { constraint: 'minLength' },
      { constraint: 'invalid' },
    ]) {
      expect(violationMessage(zh, violation, 'x must be a postal code')).toBe('格式不正确');
      expect(violationMessage(en, violation, 'x must be a postal code')).toBe('x must be a postal code');
    }
  });
});
