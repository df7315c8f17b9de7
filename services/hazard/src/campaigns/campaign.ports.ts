import type { EntityManager } from 'typeorm';

/**
 * Penalties imposed under a campaign (enforcement cases of supervision, domain §6.6). Supervision
 * does not publish them yet: the default answers null ("not available"), never a made-up zero.
 */
export type CampaignPenaltySource = (
  campaignId: string,
  enterpriseIds: readonly string[] | null,
  manager: EntityManager,
) => Promise<number | null>;

const ports: { penalties: CampaignPenaltySource } = { penalties: async () => null };

export function useCampaignPenaltySource(source: CampaignPenaltySource): void {
  ports.penalties = source;
}

export function campaignPorts(): Readonly<typeof ports> {
  return ports;
}
