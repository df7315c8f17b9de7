import type { SubgraphModule } from '@safety/subgraph-kit';
import { CampaignProgressSnapshot, CampaignTarget, SpecialCampaign } from './campaign.entity.js';
import { CampaignTargetResolver, SpecialCampaignResolver } from './campaign.resolver.js';
import { seedCampaigns } from './campaign.seed.js';
import { CampaignService } from './campaign.service.js';
import { snapshotActiveCampaigns } from './campaign.sweeps.js';
import { SpecialCampaigns1764460100000 } from './migrations/1764460100000-special-campaigns.js';

/** Domain §5.11 and H-8: special campaigns, their targets, progress and weekly snapshots. */
export const campaignsModule: SubgraphModule = {
  name: 'campaigns',
  seed: seedCampaigns,
  resolvers: [SpecialCampaignResolver, CampaignTargetResolver],
  entities: [SpecialCampaign, CampaignTarget, CampaignProgressSnapshot],
  migrations: [SpecialCampaigns1764460100000],
  references: { SpecialCampaign: (ids, context) => new CampaignService(context).byIds(ids) },
  jobs: [
    // Monday 01:00 Asia/Shanghai: the week's snapshot of every ACTIVE campaign.
    {
      name: 'campaign-weekly-snapshots',
      cron: '0 1 * * 1',
      run: (runtime) => snapshotActiveCampaigns(runtime),
    },
  ],
};
