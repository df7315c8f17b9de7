import type { ReactNode } from 'react';
import { render } from 'vitest-browser-react';
import type { SafetyLanguage } from '../i18n/i18n.js';
import { SafetyProvider } from '../safety-provider/safety-provider.js';

/** Render inside the library's provider, as every app does (rerender keeps the provider). */
export function renderWithSafety(ui: ReactNode, language: SafetyLanguage = 'zh-CN') {
  return render(ui, {
    wrapper: ({ children }) => <SafetyProvider language={language}>{children}</SafetyProvider>,
  });
}
