import { useApolloClient } from '@apollo/client/react';
import { EmptyState, useT } from '@safety/ui';
import { Spin } from 'antd';
import { Component, type ComponentType, lazy, type ReactNode, Suspense, useMemo, useState } from 'react';
import { PORTAL_NAMESPACE } from '../i18n/resources.js';
import { portalI18n } from '../portal-i18n.js';

interface RemoteRoutesProps {
  basePath: string;
  client?: ReturnType<typeof useApolloClient>;
  i18n?: typeof portalI18n;
}

/** Each remote's routes, imported on first use: Module Federation fetches its remoteEntry.js then. */
const LOADERS: Record<'supervision', () => Promise<{ default: ComponentType<RemoteRoutesProps> }>> = {
  supervision: () => import('supervision/routes'),
};

class RemoteBoundary extends Component<
  { fallback: (retry: () => void) => ReactNode; onRetry: () => void; children: ReactNode },
  { failed: boolean }
> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(error: unknown) {
    console.error('remote module failed', error);
  }
  render() {
    if (!this.state.failed) return this.props.children;
    return this.props.fallback(() => {
      this.setState({ failed: false });
      this.props.onRetry();
    });
  }
}

/** Renders a remote module's pages under `basePath`, with the portal's Apollo client and i18n instance. */
export function RemoteModule({ name, basePath }: { name: keyof typeof LOADERS; basePath: string }) {
  const t = useT(PORTAL_NAMESPACE);
  const client = useApolloClient();
  const [attempt, setAttempt] = useState(0);
  // A new lazy component per attempt, so "retry" really loads again.
  const Routes = useMemo(() => lazy(LOADERS[name]), [name, attempt]);
  return (
    <RemoteBoundary
      onRetry={() => setAttempt((n) => n + 1)}
      fallback={(retry) => (
        <EmptyState
          title={t('remote.failed')}
          description={t('remote.failedHint')}
          action={{ label: t('remote.retry'), onClick: retry }}
        />
      )}
    >
      <Suspense fallback={<Spin tip={t('remote.loading')} style={{ display: 'block', padding: 48 }} />}>
        <Routes basePath={basePath} client={client} i18n={portalI18n} />
      </Suspense>
    </RemoteBoundary>
  );
}
