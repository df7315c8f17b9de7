import { ROLE_LABELS_ZH } from '@safety/auth';
import { createDepartmentApp, StandaloneShell } from '@safety/client';
import { BrowserRouter, useLocation, useNavigate } from 'react-router';
import { HAZARD_NAMESPACE, hazardResources } from './i18n/resources.js';
import HazardRoutes, { HAZARD_PAGES } from './routes.js';

const app = createDepartmentApp({ clientName: 'app-hazard' });

/** The hazard module on its own: sign-in, then the module's pages in the common layout. */
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
      namespace={HAZARD_NAMESPACE}
      resources={hazardResources}
      pages={HAZARD_PAGES}
      roleLabels={ROLE_LABELS_ZH}
      pathname={pathname}
      navigate={navigate}
    >
      <HazardRoutes basePath="/" />
    </StandaloneShell>
  );
}
