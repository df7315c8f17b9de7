import { createInstance, type i18n as I18n, type Resource } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { en, SAFETY_NAMESPACE, zhCN } from './resources.js';

export type SafetyLanguage = 'zh-CN' | 'en';
export const SAFETY_LANGUAGES: readonly SafetyLanguage[] = ['zh-CN', 'en'];
export const DEFAULT_LANGUAGE: SafetyLanguage = 'zh-CN';

/** Extra namespaces an app adds, per language: `{ 'zh-CN': { hazard: {...} }, en: { hazard: {...} } }`. */
export type SafetyResources = Partial<Record<SafetyLanguage, Record<string, Record<string, unknown>>>>;

/** A fresh, synchronously initialised i18next instance (no global state, so tests and remotes don't collide). */
export function createSafetyI18n(
  language: SafetyLanguage = DEFAULT_LANGUAGE,
  extra: SafetyResources = {},
): I18n {
  const resources: Resource = {
    'zh-CN': { [SAFETY_NAMESPACE]: zhCN },
    en: { [SAFETY_NAMESPACE]: en },
  };
  const instance = createInstance();
  void instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...SAFETY_LANGUAGES],
    load: 'currentOnly',
    ns: [SAFETY_NAMESPACE],
    defaultNS: SAFETY_NAMESPACE,
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
  });
  addSafetyResources(instance, extra);
  return instance;
}

export function addSafetyResources(instance: I18n, extra: SafetyResources): void {
  for (const [language, namespaces] of Object.entries(extra)) {
    for (const [ns, bundle] of Object.entries(namespaces ?? {})) {
      instance.addResourceBundle(language, ns, bundle, true, true);
    }
  }
}

export type TranslateFn = (key: string, values?: Record<string, unknown>) => string;

/** `t` for a namespace (default: the library's own `safety`); re-renders on language change. */
export function useT(ns: string = SAFETY_NAMESPACE): TranslateFn {
  const { t } = useTranslation(ns);
  return useCallback((key, values) => t(key, values as never) as unknown as string, [t]);
}

/** The current UI language and a setter (switches antd, dayjs and i18next together via SafetyProvider). */
export function useLanguage(): { language: SafetyLanguage; setLanguage: (language: SafetyLanguage) => void } {
  const { i18n } = useTranslation();
  const language: SafetyLanguage = i18n.language === 'en' ? 'en' : 'zh-CN';
  const setLanguage = useCallback((next: SafetyLanguage) => void i18n.changeLanguage(next), [i18n]);
  return { language, setLanguage };
}
