export { SafetyProvider, type SafetyProviderProps } from './safety-provider.js';
export { safetyTheme } from './theme.js';
