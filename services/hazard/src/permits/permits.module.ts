import type { SubgraphModule } from '@safety/subgraph-kit';
import { WorkPermits1764440000000 } from './migrations/1764440000000-work-permits.js';
import { WorkPermit } from './permit.entity.js';
import { EnterprisePermitsResolver, WorkPermitResolver } from './permit.resolver.js';
import { seedPermits } from './permit.seed.js';
import { PermitService } from './permit.service.js';
import { onCertificateStatusChanged, sweepPermits } from './permit.sweeps.js';

/** Domain §5.9: hazardous-work permits, the qualification gate, P-2 revocations and P-3 findings. */
export const permitsModule: SubgraphModule = {
  name: 'permits',
  seed: seedPermits,
  resolvers: [WorkPermitResolver, EnterprisePermitsResolver],
  entities: [WorkPermit],
  migrations: [WorkPermits1764440000000],
  references: { WorkPermit: (ids, context) => new PermitService(context).byIds(ids) },
  eventHandlers: { CertificateStatusChanged: onCertificateStatusChanged },
  jobs: [
    // `validTo` passed → EXPIRED; and the PermitRevoked notices of P-2. A minute is soon enough.
    { name: 'permit-sweep', cron: '* * * * *', run: (runtime) => sweepPermits(runtime) },
  ],
};
