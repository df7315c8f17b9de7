import { ROLE_LABELS_ZH } from '@safety/auth';
import { createDepartmentApp, StandaloneShell } from '@safety/client';
import { BrowserRouter, useLocation, useNavigate } from 'react-router';
import { TRAINING_NAMESPACE, trainingResources } from './i18n/resources.js';
import TrainingRoutes, { TRAINING_PAGES } from './routes.js';

const app = createDepartmentApp({ clientName: 'app-training' });

/** The training module on its own: sign-in, then the module's pages in the common layout. */
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
      namespace={TRAINING_NAMESPACE}
      resources={trainingResources}
      pages={TRAINING_PAGES}
      roleLabels={ROLE_LABELS_ZH}
      pathname={pathname}
      navigate={navigate}
    >
      <TrainingRoutes basePath="/" />
    </StandaloneShell>
  );
}
