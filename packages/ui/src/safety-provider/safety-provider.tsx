import { App, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import type { i18n as I18n } from 'i18next';
import { type ReactNode, useMemo } from 'react';
import { I18nextProvider } from 'react-i18next';
import {
  addSafetyResources,
  createSafetyI18n,
  DEFAULT_LANGUAGE,
  type SafetyLanguage,
  type SafetyResources,
  useLanguage,
} from '../i18n/i18n.js';
import { safetyTheme } from './theme.js';

/** Per-language settings: variants as data. */
const LOCALES = {
  'zh-CN': { antd: zhCN, dayjs: 'zh-cn' },
  en: { antd: enUS, dayjs: 'en' },
} as const satisfies Record<SafetyLanguage, { antd: unknown; dayjs: string }>;

export interface SafetyProviderProps {
  /** Initial language; the user switches it later with `useLanguage().setLanguage`. */
  language?: SafetyLanguage;
  /** Bring your own i18next instance (e.g. the portal shares one with its remotes). */
  i18n?: I18n;
  /** The app's own namespaces, merged into the instance. */
  resources?: SafetyResources;
  children: ReactNode;
}

/** Wrap every app once: antd ConfigProvider (theme + zh_CN/en_US), i18next, dayjs locale, antd App context. */
export function SafetyProvider({
  language = DEFAULT_LANGUAGE,
  i18n,
  resources,
  children,
}: SafetyProviderProps) {
  const instance = useMemo(() => {
    const created = i18n ?? createSafetyI18n(language);
    if (resources) addSafetyResources(created, resources);
    return created;
    // The initial language only seeds the instance; later switches go through i18next itself.
  }, [i18n, resources]);
  return (
    <I18nextProvider i18n={instance}>
      <LocalisedAntd>{children}</LocalisedAntd>
    </I18nextProvider>
  );
}

function LocalisedAntd({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  const locale = LOCALES[language];
  // dayjs keeps its locale globally; set it before children render so their formatting matches.
  if (dayjs.locale() !== locale.dayjs) dayjs.locale(locale.dayjs);
  return (
    <ConfigProvider locale={locale.antd} theme={safetyTheme}>
      <App>{children}</App>
    </ConfigProvider>
  );
}
