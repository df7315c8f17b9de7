/**
 * The demo's "today" (domain §11): the day of the first start unless DEMO_TODAY is set,
 * so the demo history is always recent. Every service reads the same variable.
 */
export function demoToday(): Date {
  const configured = process.env.DEMO_TODAY;
  const day = configured ? new Date(`${configured}T00:00:00+08:00`) : new Date();
  if (Number.isNaN(day.getTime())) throw new Error(`DEMO_TODAY is not a date: ${configured}`);
  return day;
}

export function daysBefore(day: Date, days: number): Date {
  return new Date(day.getTime() - days * 86_400_000);
}
