import { Form, type FormInstance, Input, Select } from 'antd';
import { describe, expect, test } from 'vitest';
import { renderWithSafety } from '../test-utils/render.js';
import { applyServerErrors, toNamePath } from './apply-server-errors.js';

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
