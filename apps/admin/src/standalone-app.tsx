import { ROLE_LABELS_ZH } from '@safety/auth';
import { createDepartmentApp, StandaloneShell } from '@safety/client';
import { BrowserRouter, useLocation, useNavigate } from 'react-router';
import { ADMIN_NAMESPACE, adminResources } from './i18n/resources.js';
import AdminRoutes, { ADMIN_PAGES } from './routes.js';

const app = createDepartmentApp({ clientName: 'app-admin' });

/** The platform administration module on its own: sign-in, then the module's pages in the common layout. */
export function StandaloneApp() {
  return (
    <BrowserRouter basename={import.meta.env.BASE_URL}>
      <Shell />
    </BrowserRouter>
  );
}

function Shell() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <StandaloneShell
      app={app}
      namespace={ADMIN_NAMESPACE}
      resources={adminResources}
      pages={ADMIN_PAGES}
      roleLabels={ROLE_LABELS_ZH}
      pathname={pathname}
      navigate={navigate}
    >
      <AdminRoutes basePath="/" />
    </StandaloneShell>
  );
}
