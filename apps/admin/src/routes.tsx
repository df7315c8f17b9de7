import {
  DepartmentModule,
  type DepartmentPage,
  type DepartmentRoutesProps,
  ModulePageSwitch,
} from '@safety/client';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ADMIN_NAMESPACE, adminResources } from './i18n/resources.js';
import { SubgraphsPage } from './registry/subgraphs-page.js';
import { SupergraphPage } from './registry/supergraph-page.js';

/** The module's pages, relative to `basePath` (labels: `module.<key>`). */
export const ADMIN_PAGES: readonly DepartmentPage[] = [
  { key: 'subgraphs', path: 'subgraphs' },
  { key: 'supergraph', path: 'supergraph' },
];

/** The module's own page switch (the portal's menu has one entry per module). */
function PageSwitch({ basePath }: { basePath: string }) {
  return (
    <ModulePageSwitch
      pages={ADMIN_PAGES}
      namespace={ADMIN_NAMESPACE}
      basePath={basePath}
      pathname={useLocation().pathname}
      navigate={useNavigate()}
    />
  );
}

/**
 * 平台管理 (exposed to the portal as `admin/routes`; the portal shows it to PLATFORM_ADMIN only).
 * Its data comes from the schema registry's read API, not from the supergraph.
 */
export default function AdminRoutes({ basePath, client, i18n }: DepartmentRoutesProps) {
  return (
    <DepartmentModule client={client} i18n={i18n} resources={adminResources}>
      <PageSwitch basePath={basePath} />
      <Routes>
        <Route index element={<Navigate to="subgraphs" replace />} />
        <Route path="subgraphs/*" element={<SubgraphsPage />} />
        <Route path="supergraph/*" element={<SupergraphPage />} />
        <Route path="*" element={<Navigate to="subgraphs" replace />} />
      </Routes>
    </DepartmentModule>
  );
}
