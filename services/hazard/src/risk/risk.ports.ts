import type { EntityManager } from 'typeorm';

/**
 * Fatal accidents per enterprise since a local day (domain §5.2: they raise the enterprise level for
 * 12 months). Accidents belong to emergency (8.9), which does not exist yet: the default is empty.
 */
export type FatalAccidentSource = (
  enterpriseIds: readonly string[],
  since: string,
  manager: EntityManager,
) => Promise<ReadonlyMap<string, readonly Date[]>>;

export const noFatalAccidentsYet: FatalAccidentSource = async () => new Map();

const ports = { fatalAccidents: noFatalAccidentsYet };

export function useFatalAccidentSource(source: FatalAccidentSource): void {
  ports.fatalAccidents = source;
}

export function riskPorts(): Readonly<typeof ports> {
  return ports;
}
