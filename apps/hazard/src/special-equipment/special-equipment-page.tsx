import { EmptyState, useT } from '@safety/ui';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';

/** Placeholder until the page is built. */
export function SpecialEquipmentPage() {
  const t = useT(HAZARD_NAMESPACE);
  return <EmptyState title={t('module.specialEquipment')} />;
}
