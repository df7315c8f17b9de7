import { demoId } from '@safety/reference';
import { localDate, now, type Outbox } from '@safety/subgraph-kit';
import type { DataSource } from 'typeorm';
import { CampaignProgressSnapshot, SpecialCampaign } from './campaign.entity.js';
import { CampaignStatus } from './campaign.enums.js';
import { weekStart } from './campaign.rules.js';
import { campaignMetrics } from './campaign.service.js';

export interface CampaignSweepRuntime {
  dataSource: DataSource;
  outbox: Outbox;
}

/** The id of a campaign's snapshot of a week: one per (campaign, week), so a rerun changes nothing. */
export const snapshotId = (campaignId: string, week: string) =>
  demoId('campaign-snapshot', `${campaignId}:${week}`);

/**
 * Weekly progress snapshot of every ACTIVE campaign (domain §5.11 [D]), county-wide figures, keyed by
 * the Monday of the week of `at`. Returns the campaigns snapshotted this time.
 */
export function snapshotActiveCampaigns(runtime: CampaignSweepRuntime, at: Date = now()): Promise<string[]> {
  const week = weekStart(localDate(at));
  return runtime.dataSource.transaction(async (manager) => {
    const active = await manager
      .getRepository(SpecialCampaign)
      .createQueryBuilder('campaign')
      .where('campaign.status = :active', { active: CampaignStatus.ACTIVE })
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM campaign_progress_snapshot s WHERE s.campaign_id = campaign.id AND s.week_start = :week)',
        { week },
      )
      .getMany();
    const ids = active.map((c) => c.id);
    const metrics = await campaignMetrics(manager, ids, 'COUNTY');
    if (ids.length)
      await manager
        .createQueryBuilder()
        .insert()
        .into(CampaignProgressSnapshot)
        .values(
          ids.map((campaignId, index) => ({
            id: snapshotId(campaignId, week),
            campaignId,
            weekStart: week,
            takenAt: at,
            metrics: metrics[index]!,
          })),
        )
        .orIgnore()
        .execute();
    return ids;
  });
}
