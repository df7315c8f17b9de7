import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { addSafetyResources } from '@safety/ui';
import { useMemo } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { EnterpriseListPage } from './enterprises/enterprise-list-page.js';
import { supervisionResources } from './i18n/resources.js';

type SafetyI18n = Parameters<typeof addSafetyResources>[0];

export interface SupervisionRoutesProps {
  /** Where the host mounts the module, e.g. `/supervision` (the standalone app: `/`). */
  basePath: string;
  /** The host's Apollo Client (one client, one session); default: the ApolloProvider above. */
  client?: ApolloClient;
  /** The host's i18next instance: the module adds its `supervision` namespace to it. */
  i18n?: SafetyI18n;
}

/** The module's sub-paths, relative to `basePath` (the host's navigation links to them). */
export const SUPERVISION_PAGES = { enterprises: 'enterprises' } as const;

/** The supervision module's pages (exposed to the portal as `supervision/routes`). */
export default function SupervisionRoutes({ client, i18n }: SupervisionRoutesProps) {
  // Added before the pages render, so their first render already has the strings.
  useMemo(() => {
    if (i18n) addSafetyResources(i18n, supervisionResources);
  }, [i18n]);
  const routes = (
    <Routes>
      <Route index element={<Navigate to={SUPERVISION_PAGES.enterprises} replace />} />
      <Route path={`${SUPERVISION_PAGES.enterprises}/*`} element={<EnterpriseListPage />} />
      <Route path="*" element={<Navigate to={SUPERVISION_PAGES.enterprises} replace />} />
    </Routes>
  );
  return client ? <ApolloProvider client={client}>{routes}</ApolloProvider> : routes;
}
