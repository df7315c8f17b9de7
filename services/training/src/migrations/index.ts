import { Certificates1764400100000 } from './1764400100000-certificates.js';

export const migrations = [Certificates1764400100000];
