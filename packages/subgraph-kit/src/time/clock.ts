import { demoToday } from '@safety/reference';

/** The service clock: DEMO_TODAY pins it (tests, frozen demos), otherwise it is the real time. */
export function now(): Date {
  return demoToday();
}
