import {
  DepartmentModule,
  type DepartmentPage,
  type DepartmentRoutesProps,
  ModulePageSwitch,
} from '@safety/client';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { AlertPage } from './alerts/alert-page.js';
import { BriefingPage } from './briefings/briefing-page.js';
import { CampaignPage } from './campaigns/campaign-page.js';
import { HazardListPage } from './hazards/hazard-list-page.js';
import { ReportHazardPage } from './hazards/report-hazard-page.js';
import { HAZARD_NAMESPACE, hazardResources } from './i18n/resources.js';
import { ListingBoardPage } from './listings/listing-board-page.js';
import { MajorHazardBoardPage } from './major-hazards/major-hazard-board-page.js';
import { PermitListPage } from './permits/permit-list-page.js';
import { ProjectReviewPage } from './project-reviews/project-review-page.js';
import { RiskMapPage } from './risk/risk-map-page.js';
import { RiskPointListPage } from './risk/risk-point-list-page.js';
import { SelfCheckPage } from './self-checks/self-check-page.js';
import { SpecialEquipmentPage } from './special-equipment/special-equipment-page.js';
import { StatisticsPage } from './statistics/statistics-page.js';

/** The module's pages, relative to `basePath` (labels: `module.<key>`). */
export const HAZARD_PAGES: readonly DepartmentPage[] = [
  { key: 'hazards', path: 'hazards' },
  { key: 'report', path: 'report' },
  { key: 'selfChecks', path: 'self-checks' },
  { key: 'listings', path: 'listings' },
  { key: 'majorHazards', path: 'major-hazards' },
  { key: 'specialEquipment', path: 'special-equipment' },
  { key: 'riskMap', path: 'risk-map' },
  { key: 'riskPoints', path: 'risk-points' },
  { key: 'permits', path: 'permits' },
  { key: 'campaigns', path: 'campaigns' },
  { key: 'briefings', path: 'briefings' },
  { key: 'alerts', path: 'alerts' },
  { key: 'projectReviews', path: 'project-reviews' },
  { key: 'statistics', path: 'statistics' },
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
        <Route path="self-checks/*" element={<SelfCheckPage />} />
        <Route path="listings/*" element={<ListingBoardPage />} />
        <Route path="major-hazards/*" element={<MajorHazardBoardPage />} />
        <Route path="risk-map/*" element={<RiskMapPage />} />
        <Route path="risk-points/*" element={<RiskPointListPage />} />
        <Route path="permits/*" element={<PermitListPage />} />
        <Route path="campaigns/*" element={<CampaignPage />} />
        <Route path="briefings/*" element={<BriefingPage />} />
        <Route path="alerts/*" element={<AlertPage />} />
        <Route path="special-equipment/*" element={<SpecialEquipmentPage />} />
        <Route path="project-reviews/*" element={<ProjectReviewPage />} />
        <Route path="statistics/*" element={<StatisticsPage />} />
        <Route path="*" element={<Navigate to="hazards" replace />} />
      </Routes>
    </DepartmentModule>
  );
}
