import { AlertOutlined, FileSearchOutlined, SettingOutlined } from '@ant-design/icons';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { page } from 'vitest/browser';
import { renderWithSafety } from '../test-utils/render.js';
import { AppLayout, type AppModule, visibleModules } from './app-layout.js';

const modules: AppModule[] = [
  {
    key: 'hazard',
    label: '隐患排查治理',
    icon: <AlertOutlined />,
    path: '/hazard',
    roles: ['TOWNSHIP_OFFICER', 'SAC_OFFICE'],
  },
  {
    key: 'inspection',
    label: '监管执法',
    icon: <FileSearchOutlined />,
    path: '/supervision',
    roles: ['EMB_ENFORCER'],
  },
  { key: 'admin', label: '平台管理', icon: <SettingOutlined />, path: '/admin', roles: ['PLATFORM_ADMIN'] },
  { key: 'help', label: '使用帮助', path: '/help', roles: [] },
];

function renderLayout(overrides: Partial<Parameters<typeof AppLayout>[0]> = {}) {
  const onNavigate = vi.fn();
  const onLogout = vi.fn();
  const result = renderWithSafety(
    <AppLayout
      user={{ displayName: '王（演示）', roles: ['TOWNSHIP_OFFICER'] }}
      roleLabel="镇安全生产（应急）机构人员"
      modules={modules}
      activeKey="hazard"
      breadcrumbs={[{ title: '首页', path: '/' }, { title: '隐患排查治理' }]}
      onNavigate={onNavigate}
      onLogout={onLogout}
      {...overrides}
    >
      <p>内容区</p>
    </AppLayout>,
  );
  return { result, onNavigate, onLogout };
}

describe('AppLayout', () => {
  // The browser's default viewport is phone-sized; the desktop layout is tested on a desktop.
  beforeEach(() => page.viewport(1280, 800));

  test('shows the product, the user and their role, and only the modules the role may open', async () => {
    const { result } = renderLayout();
    const screen = await result;
    await expect.element(screen.getByRole('heading', { name: '民勤县安全生产体系平台' })).toBeVisible();
    await expect
      .element(screen.getByTestId('app-user'))
      .toHaveTextContent('王（演示）镇安全生产（应急）机构人员');
    const nav = screen.getByRole('navigation', { name: '功能导航' });
    await expect.element(nav.getByRole('menuitem', { name: '隐患排查治理' })).toBeVisible();
    await expect.element(nav.getByRole('menuitem', { name: '使用帮助' })).toBeVisible();
    expect(nav.getByRole('menuitem').elements()).toHaveLength(2);
    await expect.element(nav.getByText('平台管理')).not.toBeInTheDocument();
    await expect.element(nav.getByText('监管执法')).not.toBeInTheDocument();
    await expect.element(screen.getByText('内容区')).toBeVisible();
  });

  test('navigates from the menu and the breadcrumbs, and logs out', async () => {
    const { result, onNavigate, onLogout } = renderLayout();
    const screen = await result;
    await screen.getByRole('menuitem', { name: '使用帮助' }).click();
    expect(onNavigate).toHaveBeenLastCalledWith('/help');
    await screen.getByRole('link', { name: '首页' }).click();
    expect(onNavigate).toHaveBeenLastCalledWith('/');
    await screen.getByRole('button', { name: /退出登录/ }).click();
    expect(onLogout).toHaveBeenCalledOnce();
  });

  test('switches the whole UI to English', async () => {
    const { result } = renderLayout();
    const screen = await result;
    await screen.getByText('English').click();
    await expect
      .element(screen.getByRole('heading', { name: 'Minqin County Work Safety Platform' }))
      .toBeVisible();
    await expect.element(screen.getByRole('button', { name: /Sign out/ })).toBeVisible();
    await screen.getByText('中文').click();
    await expect.element(screen.getByRole('heading', { name: '民勤县安全生产体系平台' })).toBeVisible();
  });

  describe('on a phone (360 px)', () => {
    test('folds the menu away behind its trigger and gives the page the width', async () => {
      await page.viewport(360, 720);
      const { result, onNavigate } = renderLayout();
      const screen = await result;
      await expect.element(screen.getByText('内容区')).toBeVisible();
      await expect.element(screen.getByRole('menuitem', { name: /隐患排查治理/ })).not.toBeVisible();
      // The content area keeps most of the width instead of the ~90 px left beside a 220 px menu.
      const content = screen.getByText('内容区').element().getBoundingClientRect();
      expect(content.width).toBeGreaterThan(250);
      await expect.element(screen.getByRole('button', { name: /退出登录/ })).toBeVisible();
      // The edge trigger opens the menu, which still navigates.
      (document.querySelector('.ant-layout-sider-zero-width-trigger') as HTMLElement).click();
      await screen.getByRole('menuitem', { name: /隐患排查治理/ }).click();
      expect(onNavigate).toHaveBeenCalledWith('/hazard');
    });
  });

  test('visibleModules keeps role-matching and open modules in order', () => {
    expect(visibleModules(modules, ['PLATFORM_ADMIN', 'EMB_ENFORCER']).map((m) => m.key)).toEqual([
      'inspection',
      'admin',
      'help',
    ]);
    expect(visibleModules(modules, []).map((m) => m.key)).toEqual(['help']);
  });
});
