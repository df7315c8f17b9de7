import { ApolloProvider, useMutation } from '@apollo/client/react';
import { ROLE_LABELS_ZH, type Role } from '@safety/auth';
import {
  createSafetyClient,
  createSessionStore,
  LogoutDocument,
  SessionProvider,
  SignInForm,
  useSession,
  useSessionStore,
} from '@safety/client';
import { AppLayout, type AppModule, EmptyState, SafetyProvider, useT } from '@safety/ui';
import { Card, Space, Typography } from 'antd';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { HomePage } from './home/home-page.js';
import { PORTAL_NAMESPACE } from './i18n/resources.js';
import { moduleForPath, PORTAL_MODULES, type PortalModule } from './modules.js';
import { portalI18n } from './portal-i18n.js';
import { RemoteModule } from './remotes/remote-module.js';

// One session and one Apollo client for the page; the remotes get the client from the portal.
const session = createSessionStore();
const client = createSafetyClient({
  uri: import.meta.env.VITE_GRAPHQL_URL ?? '/graphql',
  clientName: 'app-portal',
  clientVersion: '0.0.0',
  session,
});

export function PortalApp() {
  return (
    <SafetyProvider i18n={portalI18n}>
      <SessionProvider store={session}>
        <ApolloProvider client={client}>
          <BrowserRouter basename={import.meta.env.BASE_URL}>
            <Shell />
          </BrowserRouter>
        </ApolloProvider>
      </SessionProvider>
    </SafetyProvider>
  );
}

function SignInPage() {
  const t = useT(PORTAL_NAMESPACE);
  const navigate = useNavigate();
  const location = useLocation();
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh', background: '#f0f2f5' }}>
      <Card style={{ width: 400 }}>
        <Space orientation="vertical" size={4} style={{ marginBottom: 16 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('signIn.subtitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('signIn.title')}</Typography.Text>
        </Space>
        <SignInForm onSignedIn={() => navigate(location.pathname, { replace: true })} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('signIn.demoHint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}

function UnderConstruction({ module }: { module: PortalModule }) {
  const t = useT(PORTAL_NAMESPACE);
  const navigate = useNavigate();
  return (
    <EmptyState
      title={t('underConstruction.title', { module: t(`nav.${module.key}`) })}
      description={t('underConstruction.description')}
      action={{ label: t('underConstruction.back'), onClick: () => navigate('/') }}
    />
  );
}

function Shell() {
  const t = useT(PORTAL_NAMESPACE);
  const current = useSession();
  const store = useSessionStore();
  const navigate = useNavigate();
  const location = useLocation();
  const [logout] = useMutation(LogoutDocument);
  if (!current) return <SignInPage />;

  const { account } = current;
  const roles = account.roles;
  const allowed = PORTAL_MODULES.filter(
    (m) => m.roles.length === 0 || m.roles.some((r) => roles.includes(r)),
  );
  const navigation: AppModule[] = allowed.map((m) => ({
    key: m.key,
    label: t(`nav.${m.key}`),
    icon: m.icon,
    path: m.path,
    roles: m.roles,
  }));
  const active = moduleForPath(location.pathname);
  return (
    <AppLayout
      user={{ displayName: account.displayName, roles }}
      roleLabel={ROLE_LABELS_ZH[roles[0] as Role] ?? roles[0]}
      modules={navigation}
      activeKey={active.key}
      breadcrumbs={
        active.key === 'home'
          ? [{ title: t('nav.home') }]
          : [{ title: t('nav.home'), path: '/' }, { title: t(`nav.${active.key}`) }]
      }
      onNavigate={(path) => navigate(path)}
      onLogout={() => {
        // Revoke server-side, then forget locally whatever the answer; back to the sign-in page.
        void logout()
          .catch(() => undefined)
          .finally(() => {
            store.signOut();
            navigate('/', { replace: true });
          });
      }}
    >
      <Routes>
        <Route index element={<HomePage />} />
        {allowed
          .filter((m) => m.key !== 'home')
          .map((m) => (
            <Route
              key={m.key}
              path={`${m.path}/*`}
              element={
                m.remote ? (
                  <RemoteModule key={m.key} name={m.remote} basePath={m.path} />
                ) : (
                  <UnderConstruction module={m} />
                )
              }
            />
          ))}
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </AppLayout>
  );
}
