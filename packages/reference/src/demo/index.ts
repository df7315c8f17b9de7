export * from './accounts.js';
export * from './clock.js';
export * from './enterprises.js';
export * from './names.js';
export * from './organisations.js';
