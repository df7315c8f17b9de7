export * from './permissions.js';
export * from './revocation.js';
export * from './roles.js';
export * from './scope.js';
export * from './tokens.js';
