import { Enterprises1764300000000 } from './1764300000000-enterprises.js';

export const migrations = [Enterprises1764300000000];
