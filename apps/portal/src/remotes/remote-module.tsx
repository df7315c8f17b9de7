import { useApolloClient } from '@apollo/client/react';
import type { DepartmentRoutesProps } from '@safety/client';
import { EmptyState, useT } from '@safety/ui';
import { Spin } from 'antd';
import {
  Component,
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
  Suspense,
  useState,
} from 'react';
import { PORTAL_NAMESPACE } from '../i18n/resources.js';
import { portalI18n } from '../portal-i18n.js';

/** The department remotes (apps/<name>, see vite.config.ts). */
export type RemoteName = 'responsibility' | 'hazard' | 'supervision' | 'training' | 'emergency' | 'admin';

/** Each remote's routes, imported on first use: Module Federation fetches its remoteEntry.js then. */
const LOADERS: Record<RemoteName, () => Promise<{ default: ComponentType<DepartmentRoutesProps> }>> = {
  responsibility: () => import('responsibility/routes'),
  hazard: () => import('hazard/routes'),
  supervision: () => import('supervision/routes'),
  training: () => import('training/routes'),
  emergency: () => import('emergency/routes'),
  admin: () => import('admin/routes'),
};

const lazyRoutes = new Map<string, LazyExoticComponent<ComponentType<DepartmentRoutesProps>>>();

/**
 * One lazy component per remote and attempt, kept outside React state: a navigation is a transition,
 * and a suspended transition throws away its render, so a lazy() made during render would be made
 * anew, and suspend again, on every retry (the second remote opened never showed).
 */
function routesOf(name: RemoteName, attempt: number) {
  const key = `${name}#${attempt}`;
  let routes = lazyRoutes.get(key);
  if (!routes) {
    routes = lazy(LOADERS[name]);
    lazyRoutes.set(key, routes);
  }
  return routes;
}

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
export function RemoteModule({ name, basePath }: { name: RemoteName; basePath: string }) {
  const t = useT(PORTAL_NAMESPACE);
  const client = useApolloClient();
  const [attempt, setAttempt] = useState(0);
  // A new lazy component per attempt, so "retry" really loads again.
  const Routes = routesOf(name, attempt);
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
