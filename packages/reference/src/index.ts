export * from './calendar/index.js';
export * from './demo/index.js';
export * from './divisions.js';
export * from './ids.js';
export * from './industries.js';
export * from './random.js';
export * from './uscc.js';
