export * from './accounts.js';
export * from './clock.js';
export * from './enterprises.js';
export * from './organisations.js';
