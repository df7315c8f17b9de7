import type { EntityManager } from 'typeorm';

/** What the digest's outside sources answer for a briefing's area and period (domain §5.12). */
export interface DigestArea {
  level: string;
  orgId: string;
  /** null = county-wide */
  townshipCode: string | null;
  periodFrom: string;
  periodTo: string;
}

export type DigestLines = (area: DigestArea, manager: EntityManager) => Promise<string[]>;

/**
 * Sources the digest reads beyond hazards: monitoring alerts (§5.13), accidents (emergency §8.9),
 * weather and disaster warnings (§8.8), enterprises changed to class D (supervision §6.2). None is
 * connected yet: each defaults to an empty list, and the owning part plugs in its reader.
 */
const ports: {
  monitoringAlerts: DigestLines;
  accidents: DigestLines;
  warnings: DigestLines;
  classDEnterpriseIds: DigestLines;
} = {
  monitoringAlerts: async () => [],
  accidents: async () => [],
  warnings: async () => [],
  classDEnterpriseIds: async () => [],
};

export function useDigestSource(name: keyof typeof ports, source: DigestLines): void {
  ports[name] = source;
}

export function digestPorts(): Readonly<typeof ports> {
  return ports;
}
