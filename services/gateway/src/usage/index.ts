export { documentCoordinates, variableCoordinates } from './coordinates.js';
export { clientOf, useUsageReporting } from './usage.plugin.js';
export { UsageReporter, type UsageReporterOptions, type UsageSample } from './usage-reporter.js';
