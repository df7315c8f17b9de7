import { createSafetyI18n } from '@safety/ui';
import { portalResources } from './i18n/resources.js';

/** The one i18next instance of the page: the portal's strings; each remote adds its own namespace to it. */
export const portalI18n = createSafetyI18n('zh-CN', portalResources);
