import { DepartmentModule, type DepartmentPage, type DepartmentRoutesProps } from '@safety/client';
import { Navigate, Route, Routes } from 'react-router';
import { CertificateListPage } from './certificates/certificate-list-page.js';
import { trainingResources } from './i18n/resources.js';

/** The module's pages, relative to `basePath` (labels: `module.<key>`). */
export const TRAINING_PAGES: readonly DepartmentPage[] = [{ key: 'certificates', path: 'certificates' }];

/** The training module's pages (exposed to the portal as `training/routes`). */
export default function TrainingRoutes({ client, i18n }: DepartmentRoutesProps) {
  return (
    <DepartmentModule client={client} i18n={i18n} resources={trainingResources}>
      <Routes>
        <Route index element={<Navigate to="certificates" replace />} />
        <Route path="certificates/*" element={<CertificateListPage />} />
        <Route path="*" element={<Navigate to="certificates" replace />} />
      </Routes>
    </DepartmentModule>
  );
}
