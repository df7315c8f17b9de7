import { EmergencyPlans1764400200000 } from './1764400200000-emergency-plans.js';

export const migrations = [EmergencyPlans1764400200000];
