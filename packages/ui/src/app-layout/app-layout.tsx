import { LogoutOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Grid, Layout, Menu, Segmented, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { SAFETY_LANGUAGES, type SafetyLanguage, useLanguage, useT } from '../i18n/i18n.js';

/** A navigation entry: shown to users holding at least one of `roles` (an empty list means every signed-in user). */
export interface AppModule {
  key: string;
  label: ReactNode;
  icon?: ReactNode;
  path: string;
  roles: readonly string[];
}

export interface AppBreadcrumb {
  title: ReactNode;
  path?: string;
}

export interface AppUser {
  displayName: string;
  roles: readonly string[];
}

export interface AppLayoutProps {
  user: AppUser;
  /** The user's role as people say it, e.g. ROLE_LABELS_ZH[role] from @safety/auth. */
  roleLabel: ReactNode;
  modules: readonly AppModule[];
  /** Key of the module being shown. */
  activeKey?: string;
  breadcrumbs?: readonly AppBreadcrumb[];
  onNavigate: (path: string) => void;
  onLogout: () => void;
  children: ReactNode;
}

/** Pure: the modules a user with `roles` may open, in the given order. */
export function visibleModules(modules: readonly AppModule[], roles: readonly string[]): AppModule[] {
  return modules.filter((m) => m.roles.length === 0 || m.roles.some((role) => roles.includes(role)));
}

const { Header, Sider, Content } = Layout;

/** The shell of every app: product header, role-filtered side navigation, breadcrumbs, content. */
export function AppLayout({
  user,
  roleLabel,
  modules,
  activeKey,
  breadcrumbs = [],
  onNavigate,
  onLogout,
  children,
}: AppLayoutProps) {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  const allowed = visibleModules(modules, user.roles);
  const byKey = new Map(allowed.map((m) => [m.key, m]));
  // Below md (phones in the field) the menu folds away behind antd's edge trigger, and the header
  // keeps only what fits.
  const wide = Grid.useBreakpoint().md ?? true;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{ display: 'flex', alignItems: 'center', gap: wide ? 16 : 8, paddingInline: wide ? 24 : 12 }}
      >
        <Space size={8} style={{ flex: 1, minWidth: 0 }}>
          <SafetyCertificateOutlined style={{ fontSize: 20, color: '#fff' }} aria-hidden />
          {wide ? (
            <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
              {t('app.productName')}
            </Typography.Title>
          ) : null}
        </Space>
        <Space size={12} style={{ color: '#fff' }} data-testid="app-user">
          <span>{user.displayName}</span>
          {wide ? (
            <Typography.Text style={{ color: 'rgba(255,255,255,0.75)' }}>{roleLabel}</Typography.Text>
          ) : null}
        </Space>
        <Segmented<SafetyLanguage>
          aria-label={t('app.language')}
          size="small"
          value={language}
          onChange={setLanguage}
          options={SAFETY_LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))}
        />
        <Button icon={<LogoutOutlined />} onClick={onLogout} ghost aria-label={t('app.logout')}>
          {wide ? t('app.logout') : null}
        </Button>
      </Header>
      <Layout>
        <Sider
          width={220}
          theme="light"
          breakpoint="md"
          collapsedWidth={0}
          style={{ borderInlineEnd: '1px solid #f0f0f0' }}
        >
          <nav aria-label={t('app.navigation')}>
            <Menu
              mode="inline"
              selectedKeys={activeKey ? [activeKey] : []}
              items={allowed.map((m) => ({ key: m.key, icon: m.icon, label: m.label }))}
              onClick={({ key }) => {
                const target = byKey.get(key);
                if (target) onNavigate(target.path);
              }}
              style={{ borderInlineEnd: 'none' }}
            />
          </nav>
        </Sider>
        <Layout style={{ padding: wide ? '0 24px 24px' : '0 8px 16px', minWidth: 0 }}>
          {breadcrumbs.length > 0 ? (
            <Breadcrumb
              aria-label={t('app.breadcrumb')}
              style={{ margin: '16px 0' }}
              items={breadcrumbs.map((b) => ({
                title:
                  b.path === undefined ? (
                    b.title
                  ) : (
                    <a
                      href={b.path}
                      onClick={(event) => {
                        event.preventDefault();
                        if (b.path !== undefined) onNavigate(b.path);
                      }}
                    >
                      {b.title}
                    </a>
                  ),
              }))}
            />
          ) : null}
          <Content
            style={{
              background: '#fff',
              padding: 24,
              borderRadius: 8,
              marginTop: breadcrumbs.length ? 0 : 16,
            }}
          >
            {children}
          </Content>
        </Layout>
      </Layout>
    </Layout>
  );
}
