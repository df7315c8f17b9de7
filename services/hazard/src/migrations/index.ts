import { Hazards1764400000000 } from './1764400000000-hazards.js';
import { HazardLifecycle1764410000000 } from './1764410000000-hazard-lifecycle.js';

export const migrations = [Hazards1764400000000, HazardLifecycle1764410000000];
