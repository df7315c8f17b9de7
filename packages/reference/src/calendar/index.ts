// The work calendar (domain §2.7): statutory holidays and make-up working days from the State
// Council notices, key periods, working-day arithmetic. Reference data every service may compute with;
// responsibility serves it over GraphQL.
export * from './calendar.data.js';
export * from './calendar.kinds.js';
export * from './calendar.rules.js';
