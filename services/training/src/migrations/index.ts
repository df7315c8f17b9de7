import { Certificates1764400100000 } from './1764400100000-certificates.js';
import { Persons1764400200000 } from './1764400200000-persons.js';

export const migrations = [Certificates1764400100000, Persons1764400200000];
