import { Registry1764500000000 } from './1764500000000-registry.js';

export const migrations = [Registry1764500000000];
