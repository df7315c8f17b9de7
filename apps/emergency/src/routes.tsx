import { DepartmentModule, type DepartmentPage, type DepartmentRoutesProps } from '@safety/client';
import { Navigate, Route, Routes } from 'react-router';
import { emergencyResources } from './i18n/resources.js';
import { PlanListPage } from './plans/plan-list-page.js';

/** The module's pages, relative to `basePath` (labels: `module.<key>`). */
export const EMERGENCY_PAGES: readonly DepartmentPage[] = [{ key: 'plans', path: 'plans' }];

/** The emergency module's pages (exposed to the portal as `emergency/routes`). */
export default function EmergencyRoutes({ client, i18n }: DepartmentRoutesProps) {
  return (
    <DepartmentModule client={client} i18n={i18n} resources={emergencyResources}>
      <Routes>
        <Route index element={<Navigate to="plans" replace />} />
        <Route path="plans/*" element={<PlanListPage />} />
        <Route path="*" element={<Navigate to="plans" replace />} />
      </Routes>
    </DepartmentModule>
  );
}
