import {
  DEFAULT_MATRIX_PROFILE,
  DEFAULT_RISK_CRITERIA_PROFILES,
  type RiskCriteriaProfile,
} from './risk.tables.js';

/**
 * The profiles this platform loads (domain §5.2, §12 item 5): the defaults, plus the 5 × 5 matrix
 * assigned to the hazardous-chemicals sectors [D: demo assignment until Gansu/Wuwei guidance is loaded].
 */
export const RISK_CRITERIA_PROFILES: readonly RiskCriteriaProfile[] = [
  ...DEFAULT_RISK_CRITERIA_PROFILES,
  {
    ...DEFAULT_MATRIX_PROFILE,
    id: 'HAZCHEM-MATRIX',
    version: 1,
    industryCodes: ['HAZCHEM_PRODUCTION', 'HAZCHEM_STORAGE_TRADE'],
  },
];
