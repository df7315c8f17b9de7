import {
  DepartmentModule,
  type DepartmentPage,
  type DepartmentRoutesProps,
  ModulePageSwitch,
} from '@safety/client';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { HazardListPage } from './hazards/hazard-list-page.js';
import { ReportHazardPage } from './hazards/report-hazard-page.js';
import { HAZARD_NAMESPACE, hazardResources } from './i18n/resources.js';
import { ListingBoardPage } from './listings/listing-board-page.js';
import { PermitListPage } from './permits/permit-list-page.js';
import { RiskMapPage } from './risk/risk-map-page.js';
import { RiskPointListPage } from './risk/risk-point-list-page.js';

/** The module's pages, relative to `basePath` (labels: `module.<key>`). */
export const HAZARD_PAGES: readonly DepartmentPage[] = [
  { key: 'hazards', path: 'hazards' },
  { key: 'report', path: 'report' },
  { key: 'listings', path: 'listings' },
  { key: 'riskMap', path: 'risk-map' },
  { key: 'riskPoints', path: 'risk-points' },
  { key: 'permits', path: 'permits' },
];

/** The module's own page switch (the portal's menu has one entry per module). */
function PageSwitch({ basePath }: { basePath: string }) {
  return (
    <ModulePageSwitch
      pages={HAZARD_PAGES}
      namespace={HAZARD_NAMESPACE}
      basePath={basePath}
      pathname={useLocation().pathname}
      navigate={useNavigate()}
    />
  );
}

/** The hazard module's pages (exposed to the portal as `hazard/routes`). */
export default function HazardRoutes({ basePath, client, i18n }: DepartmentRoutesProps) {
  return (
    <DepartmentModule client={client} i18n={i18n} resources={hazardResources}>
      <PageSwitch basePath={basePath} />
      <Routes>
        <Route index element={<Navigate to="hazards" replace />} />
        <Route path="hazards/*" element={<HazardListPage />} />
        <Route path="report" element={<ReportHazardPage />} />
        <Route path="listings" element={<ListingBoardPage />} />
        <Route path="risk-map" element={<RiskMapPage />} />
        <Route path="risk-points" element={<RiskPointListPage />} />
        <Route path="permits" element={<PermitListPage />} />
        <Route path="*" element={<Navigate to="hazards" replace />} />
      </Routes>
    </DepartmentModule>
  );
}
