import { UsageCoordinateHour, UsageOperation, UsageOperationHour } from './usage.entity.js';

export { Usage1765000010000 } from './1765000010000-usage.js';
export { UsageCoordinateHour, UsageOperation, UsageOperationHour } from './usage.entity.js';
export { UsageResolver } from './usage.resolver.js';
export { usageRouter } from './usage.router.js';
export { publicFieldCoordinates, readUsageReport, type UsageEntry, type UsageReport } from './usage.rules.js';
export { UsageStore } from './usage.service.js';

/** The tables of this part, for the DataSource's entity list. */
export const usageEntities = [UsageOperation, UsageOperationHour, UsageCoordinateHour];
