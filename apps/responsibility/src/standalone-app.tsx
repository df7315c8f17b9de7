import { ROLE_LABELS_ZH } from '@safety/auth';
import { createDepartmentApp, StandaloneShell } from '@safety/client';
import { BrowserRouter, useLocation, useNavigate } from 'react-router';
import { RESPONSIBILITY_NAMESPACE, responsibilityResources } from './i18n/resources.js';
import ResponsibilityRoutes, { RESPONSIBILITY_PAGES } from './routes.js';

const app = createDepartmentApp({ clientName: 'app-responsibility' });

/** The responsibility module on its own: sign-in, then the module's pages in the common layout. */
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
      namespace={RESPONSIBILITY_NAMESPACE}
      resources={responsibilityResources}
      pages={RESPONSIBILITY_PAGES}
      roleLabels={ROLE_LABELS_ZH}
      pathname={pathname}
      navigate={navigate}
    >
      <ResponsibilityRoutes basePath="/" />
    </StandaloneShell>
  );
}
