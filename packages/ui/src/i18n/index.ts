export {
  addSafetyResources,
  createSafetyI18n,
  DEFAULT_LANGUAGE,
  SAFETY_LANGUAGES,
  type SafetyLanguage,
  type SafetyResources,
  type TranslateFn,
  useLanguage,
  useT,
} from './i18n.js';
export { en, SAFETY_NAMESPACE, zhCN } from './resources.js';
