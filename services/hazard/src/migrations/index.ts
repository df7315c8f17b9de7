import { Hazards1764400000000 } from './1764400000000-hazards.js';

export const migrations = [Hazards1764400000000];
