import { DepartmentModule, type DepartmentPage, type DepartmentRoutesProps } from '@safety/client';
import { Navigate, Route, Routes } from 'react-router';
import { HazardListPage } from './hazards/hazard-list-page.js';
import { ReportHazardPage } from './hazards/report-hazard-page.js';
import { hazardResources } from './i18n/resources.js';

/** The module's pages, relative to `basePath` (labels: `module.<key>`). */
export const HAZARD_PAGES: readonly DepartmentPage[] = [
  { key: 'hazards', path: 'hazards' },
  { key: 'report', path: 'report' },
];

/** The hazard module's pages (exposed to the portal as `hazard/routes`). */
export default function HazardRoutes({ client, i18n }: DepartmentRoutesProps) {
  return (
    <DepartmentModule client={client} i18n={i18n} resources={hazardResources}>
      <Routes>
        <Route index element={<Navigate to="hazards" replace />} />
        <Route path="hazards/*" element={<HazardListPage />} />
        <Route path="report" element={<ReportHazardPage />} />
        <Route path="*" element={<Navigate to="hazards" replace />} />
      </Routes>
    </DepartmentModule>
  );
}
