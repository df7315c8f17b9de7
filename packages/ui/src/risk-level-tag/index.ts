export {
  RISK_LEVEL_VARIANTS,
  RISK_LEVELS,
  type RiskLevel,
  RiskLevelTag,
  type RiskLevelTagProps,
  type RiskLevelVariant,
} from './risk-level-tag.js';
