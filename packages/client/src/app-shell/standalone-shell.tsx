import { ApolloProvider, useMutation } from '@apollo/client/react';
import { AppLayout, SafetyProvider, type SafetyResources, useT } from '@safety/ui';
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LogoutDocument } from '../operations.js';
import { SessionProvider, useSession, useSessionStore } from '../session-context.js';
import { SignInForm } from '../sign-in/index.js';
import type { DepartmentApp } from './department-app.js';

/** One page of a module: `key` names its label `module.<key>` in the module's namespace. */
export interface DepartmentPage {
  key: string;
  /** Relative to the module, e.g. `hazards`. */
  path: string;
}

export interface StandaloneShellProps {
  app: DepartmentApp;
  /** The module's i18n namespace; it must hold `module.title`, `module.<page key>` and `signIn.title`. */
  namespace: string;
  resources: SafetyResources;
  pages: readonly DepartmentPage[];
  /**
   * Role code → label for the header (`ROLE_LABELS_ZH` of @safety/auth; passed in because that
   * package's entry also holds node-only code this browser package must not type-check).
   */
  roleLabels: Readonly<Record<string, string>>;
  /** From the app's router (this package does not depend on react-router). */
  pathname: string;
  navigate: (path: string) => void;
  /** The module's routes. */
  children: ReactNode;
}

/** A department app on its own: providers, the sign-in gate, then its pages in the common layout. */
export function StandaloneShell({ app, resources, ...rest }: StandaloneShellProps) {
  return (
    <SafetyProvider resources={resources}>
      <SessionProvider store={app.session}>
        <ApolloProvider client={app.client}>
          <Gate {...rest} />
        </ApolloProvider>
      </SessionProvider>
    </SafetyProvider>
  );
}

function Gate({
  namespace,
  pages,
  roleLabels,
  pathname,
  navigate,
  children,
}: Omit<StandaloneShellProps, 'app' | 'resources'>) {
  const t = useT(namespace);
  const current = useSession();
  const store = useSessionStore();
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
  const active =
    pages.find((p) => pathname === `/${p.path}` || pathname.startsWith(`/${p.path}/`)) ?? pages[0];
  return (
    <AppLayout
      user={{ displayName: account.displayName, roles: account.roles }}
      roleLabel={roleLabels[account.roles[0] ?? ''] ?? account.roles[0]}
      modules={pages.map((p) => ({ key: p.key, label: t(`module.${p.key}`), path: `/${p.path}`, roles: [] }))}
      activeKey={active?.key}
      breadcrumbs={[{ title: t('module.title') }, ...(active ? [{ title: t(`module.${active.key}`) }] : [])]}
      onNavigate={navigate}
      onLogout={() => {
        // Revoke server-side, then forget locally whatever the answer.
        void logout()
          .catch(() => undefined)
          .finally(() => store.signOut());
      }}
    >
      {children}
    </AppLayout>
  );
}
