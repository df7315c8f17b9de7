import {
  DepartmentModule,
  type DepartmentPage,
  type DepartmentRoutesProps,
  ModulePageSwitch,
} from '@safety/client';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { GraphiqlPage } from './graphiql/graphiql-page.js';
import { ADMIN_NAMESPACE, adminResources } from './i18n/resources.js';
import { ApprovalsPage } from './registry/approvals-page.js';
import { CheckPage } from './registry/check-page.js';
import { DocumentsPage } from './registry/documents-page.js';
import { SubgraphsPage } from './registry/subgraphs-page.js';
import { SupergraphPage } from './registry/supergraph-page.js';
import { UsagePage } from './registry/usage-page.js';
import { TokensPage } from './tokens/tokens-page.js';

/** The module's pages, relative to `basePath` (labels: `module.<key>`). */
export const ADMIN_PAGES: readonly DepartmentPage[] = [
  { key: 'subgraphs', path: 'subgraphs' },
  { key: 'supergraph', path: 'supergraph' },
  { key: 'check', path: 'check' },
  { key: 'approvals', path: 'approvals' },
  { key: 'usage', path: 'usage' },
  { key: 'documents', path: 'documents' },
  { key: 'tokens', path: 'tokens' },
  { key: 'graphiql', path: 'graphiql' },
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
 * Registry pages read the schema registry's API; tokens go through the gateway (responsibility's accounts).
 */
export default function AdminRoutes({ basePath, client, i18n }: DepartmentRoutesProps) {
  return (
    <DepartmentModule client={client} i18n={i18n} resources={adminResources}>
      <PageSwitch basePath={basePath} />
      <Routes>
        <Route index element={<Navigate to="subgraphs" replace />} />
        <Route path="subgraphs/*" element={<SubgraphsPage />} />
        <Route path="supergraph/*" element={<SupergraphPage />} />
        <Route path="check/*" element={<CheckPage />} />
        <Route path="approvals/*" element={<ApprovalsPage />} />
        <Route path="usage/*" element={<UsagePage />} />
        <Route path="documents/*" element={<DocumentsPage />} />
        <Route path="tokens/*" element={<TokensPage />} />
        <Route path="graphiql/*" element={<GraphiqlPage />} />
        <Route path="*" element={<Navigate to="subgraphs" replace />} />
      </Routes>
    </DepartmentModule>
  );
}
