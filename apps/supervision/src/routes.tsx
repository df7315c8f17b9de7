import { DepartmentModule, type DepartmentPage, type DepartmentRoutesProps } from '@safety/client';
import { Navigate, Route, Routes } from 'react-router';
import { EnterpriseListPage } from './enterprises/enterprise-list-page.js';
import { supervisionResources } from './i18n/resources.js';

export type SupervisionRoutesProps = DepartmentRoutesProps;

/** The module's pages, relative to `basePath` (labels: `module.<key>`). */
export const SUPERVISION_PAGES: readonly DepartmentPage[] = [{ key: 'enterprises', path: 'enterprises' }];

/** The supervision module's pages (exposed to the portal as `supervision/routes`). */
export default function SupervisionRoutes({ client, i18n }: SupervisionRoutesProps) {
  return (
    <DepartmentModule client={client} i18n={i18n} resources={supervisionResources}>
      <Routes>
        <Route index element={<Navigate to="enterprises" replace />} />
        <Route path="enterprises/*" element={<EnterpriseListPage />} />
        <Route path="*" element={<Navigate to="enterprises" replace />} />
      </Routes>
    </DepartmentModule>
  );
}
