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
import { AppLayout, type AppModule, SafetyProvider, useT } from '@safety/ui';
import { Card, Typography } from 'antd';
import { BrowserRouter, useNavigate } from 'react-router';
import { SUPERVISION_NAMESPACE, supervisionResources } from './i18n/resources.js';
import SupervisionRoutes, { SUPERVISION_PAGES } from './routes.js';

// Same origin as the gateway (the static server proxies /graphql; `vite` dev proxies it too).
const session = createSessionStore();
const client = createSafetyClient({
  uri: import.meta.env.VITE_GRAPHQL_URL ?? '/graphql',
  clientName: 'app-supervision',
  clientVersion: '0.0.0',
  session,
});

/** The supervision module on its own: sign-in, then the module's pages in the common layout. */
export function StandaloneApp() {
  return (
    <SafetyProvider resources={supervisionResources}>
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

function Shell() {
  const t = useT(SUPERVISION_NAMESPACE);
  const current = useSession();
  const store = useSessionStore();
  const navigate = useNavigate();
  const [logout] = useMutation(LogoutDocument);
  if (!current) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh', background: '#f5f5f5' }}>
        <Card style={{ width: 400 }}>
          <Typography.Title level={4}>{t('signIn.title')}</Typography.Title>
          <SignInForm onSignedIn={() => navigate('/')} />
        </Card>
      </div>
    );
  }
  const { account } = current;
  const modules: AppModule[] = [
    {
      key: 'enterprises',
      label: t('module.enterprises'),
      path: `/${SUPERVISION_PAGES.enterprises}`,
      roles: [],
    },
  ];
  return (
    <AppLayout
      user={{ displayName: account.displayName, roles: account.roles }}
      roleLabel={ROLE_LABELS_ZH[account.roles[0] as Role] ?? account.roles[0]}
      modules={modules}
      activeKey="enterprises"
      breadcrumbs={[{ title: t('module.title') }, { title: t('module.enterprises') }]}
      onNavigate={(path) => navigate(path)}
      onLogout={() => {
        // Revoke server-side, then forget locally whatever the answer.
        void logout()
          .catch(() => undefined)
          .finally(() => store.signOut());
      }}
    >
      <SupervisionRoutes basePath="/" />
    </AppLayout>
  );
}
