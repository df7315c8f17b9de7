import {
  DepartmentModule,
  type DepartmentPage,
  type DepartmentRoutesProps,
  ModulePageSwitch,
} from '@safety/client';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { WorkCalendarPage } from './calendar/work-calendar-page.js';
import { RESPONSIBILITY_NAMESPACE, responsibilityResources } from './i18n/resources.js';
import { OrgUnitListPage } from './org-units/org-unit-list-page.js';

/** The module's pages, relative to `basePath` (labels: `module.<key>`). */
export const RESPONSIBILITY_PAGES: readonly DepartmentPage[] = [
  { key: 'orgUnits', path: 'org-units' },
  { key: 'calendar', path: 'calendar' },
];

/** The module's own page switch (the portal's menu has one entry per module). */
function PageSwitch({ basePath }: { basePath: string }) {
  return (
    <ModulePageSwitch
      pages={RESPONSIBILITY_PAGES}
      namespace={RESPONSIBILITY_NAMESPACE}
      basePath={basePath}
      pathname={useLocation().pathname}
      navigate={useNavigate()}
    />
  );
}

/** The responsibility module's pages (exposed to the portal as `responsibility/routes`). */
export default function ResponsibilityRoutes({ basePath, client, i18n }: DepartmentRoutesProps) {
  return (
    <DepartmentModule client={client} i18n={i18n} resources={responsibilityResources}>
      <PageSwitch basePath={basePath} />
      <Routes>
        <Route index element={<Navigate to="org-units" replace />} />
        <Route path="org-units/*" element={<OrgUnitListPage />} />
        <Route path="calendar/*" element={<WorkCalendarPage />} />
        <Route path="*" element={<Navigate to="org-units" replace />} />
      </Routes>
    </DepartmentModule>
  );
}
