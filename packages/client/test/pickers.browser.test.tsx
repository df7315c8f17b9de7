import { ApolloProvider } from '@apollo/client/react';
import { SafetyProvider } from '@safety/ui';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
// Straight from the modules, not the package index, so this file doesn't depend on unrelated exports.
import { createSafetyClient } from '../src/create-client.js';
import { LoginDocument } from '../src/operations.js';
import {
  DepartmentPicker,
  EnterprisePicker,
  EnterprisePickerSearchDocument,
  TownPicker,
} from '../src/pickers/index.js';
import { createSessionStore } from '../src/session.js';

const DEMO_PASSWORD = 'Minqin@2026';
const uri = inject('gatewayUrl');

/** A signed-in client like an app's. */
async function signedIn(username: string) {
  const session = createSessionStore();
  const client = createSafetyClient({ uri, clientName: 'client-test', clientVersion: '0.0.0', session });
  const { data } = await client.mutate({
    mutation: LoginDocument,
    variables: { username, password: DEMO_PASSWORD },
  });
  session.set(data!.login);
  const mount = (ui: ReactNode) =>
    render(
      <SafetyProvider>
        <ApolloProvider client={client}>
          <div style={{ width: 420 }}>{ui}</div>
        </ApolloProvider>
      </SafetyProvider>,
    );
  return { client, mount };
}

/** The option rows of the open dropdown, as the user sees them. */
const optionRows = () => [
  ...document.querySelectorAll(
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
  ),
];
const optionTexts = () => optionRows().map((row) => row.textContent ?? '');

beforeEach(() => localStorage.clear());

describe('EnterprisePicker against the real gateway', () => {
  it('finds 蜜瓜冷链冷库（演示） by typing 冷库 and reports its id', async () => {
    const { client, mount } = await signedIn('saco.demo');
    const { data } = await client.query({
      query: EnterprisePickerSearchDocument,
      variables: { search: '蜜瓜冷链冷库', first: 1 },
    });
    const expected = data!.enterprises.nodes[0]!;
    expect(expected.name).toBe('蜜瓜冷链冷库（演示）');

    const onChange = vi.fn();
    const screen = await mount(<EnterprisePicker aria-label="企业" onChange={onChange} />);
    const input = screen.getByRole('combobox', { name: '企业' });
    await input.click();
    await userEvent.keyboard('冷库');
    await expect.poll(optionTexts, { timeout: 10_000 }).toEqual([`${expected.name}${expected.townshipName}`]);
    await page.getByText(expected.name, { exact: true }).click();
    expect(onChange).toHaveBeenLastCalledWith(expected.id);
    // The selection shows the name, not the id, after the search is over.
    await expect
      .poll(() => screen.container.querySelector('.ant-select')?.textContent)
      .toContain(expected.name);
  });

  it('shows the name of a saved enterprise that is not among the results', async () => {
    const { client, mount } = await signedIn('saco.demo');
    const { data } = await client.query({
      query: EnterprisePickerSearchDocument,
      variables: { search: '蜜瓜冷链冷库', first: 1 },
    });
    const saved = data!.enterprises.nodes[0]!;
    // Filtered to 红沙岗镇, the results never hold the 大坝镇 cold store: its label is looked up by id.
    const screen = await mount(
      <EnterprisePicker aria-label="企业" townshipCode="620621105" value={saved.id} />,
    );
    await expect
      .poll(() => screen.container.querySelector('.ant-select')?.textContent, { timeout: 10_000 })
      .toContain(saved.name);
  });

  it('picks several enterprises in multiple mode', async () => {
    const { mount } = await signedIn('saco.demo');
    const onChange = vi.fn();
    const screen = await mount(<EnterprisePicker multiple aria-label="企业" onChange={onChange} />);
    await screen.getByRole('combobox', { name: '企业' }).click();
    await expect.poll(() => optionRows().length, { timeout: 10_000 }).toBeGreaterThan(2);
    const [first, second] = optionRows() as HTMLElement[];
    await userEvent.click(first!);
    await userEvent.click(second!);
    expect(onChange).toHaveBeenCalledTimes(2);
    const ids = onChange.mock.lastCall![0] as string[];
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });

  it('shows an enterprise user only its own enterprise', async () => {
    const { mount } = await signedIn('ent.coal1.principal.demo');
    const screen = await mount(<EnterprisePicker aria-label="企业" debounceMs={50} />);
    await screen.getByRole('combobox', { name: '企业' }).click();
    await expect.poll(optionTexts, { timeout: 10_000 }).toEqual(['红沙岗一号井煤矿（演示）红沙岗镇']);
    await userEvent.keyboard('冷库');
    await expect.element(page.getByText('没有匹配的企业')).toBeVisible();
    expect(optionRows()).toHaveLength(0);
    await userEvent.keyboard('{Backspace}{Backspace}煤矿');
    await expect.poll(optionTexts, { timeout: 10_000 }).toEqual(['红沙岗一号井煤矿（演示）红沙岗镇']);
  });
});

describe('TownPicker and DepartmentPicker against the real gateway', () => {
  it('lists the 18 towns and reports the town code', async () => {
    const { mount } = await signedIn('saco.demo');
    const onChange = vi.fn();
    const screen = await mount(<TownPicker aria-label="乡镇" virtual={false} onChange={onChange} />);
    await screen.getByRole('combobox', { name: '乡镇' }).click();
    await expect.poll(() => optionRows().length, { timeout: 10_000 }).toBe(18);
    expect(optionTexts()[0]).toBe('三雷镇');
    expect(optionTexts()).toContain('红沙岗镇');
    await userEvent.keyboard('红沙');
    await expect.poll(optionTexts).toEqual(['红沙岗镇', '红沙梁镇']);
    await page.getByText('红沙梁镇', { exact: true }).click();
    expect(onChange).toHaveBeenLastCalledWith('620621115');
  });

  it('searches departments by name', async () => {
    const { mount } = await signedIn('saco.demo');
    const onChange = vi.fn();
    const screen = await mount(<DepartmentPicker aria-label="部门" debounceMs={50} onChange={onChange} />);
    await screen.getByRole('combobox', { name: '部门' }).click();
    await userEvent.keyboard('应急管理局');
    await expect
      .poll(() => optionTexts().some((text) => text.startsWith('县应急管理局')), { timeout: 10_000 })
      .toBe(true);
    await page.getByText('县应急管理局', { exact: true }).click();
    expect(onChange).toHaveBeenCalledWith(expect.any(String));
  });
});
