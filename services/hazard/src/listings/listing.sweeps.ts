import { localDate, now, type SubgraphContext, writeAudit } from '@safety/subgraph-kit';
import type { SweepRuntime } from '../hazards/hazard.sweeps.js';
import { SupervisedListing } from './listing.entity.js';
import { escalationLevel, overdueCrossing, RUNNING_STATUSES } from './listing.rules.js';

/**
 * Emits `ListingOverdue` once per crossing of a listing's deadline (domain §5.7.2: escalate to the next
 * level, an accountability proposal TASK_OVERDUE): `overdue_notified_for` remembers the deadline crossed,
 * so a granted extension can cross again. Returns the listing ids notified.
 */
export function sweepListingOverdue(runtime: SweepRuntime, at: Date = now()): Promise<string[]> {
  const today = localDate(at);
  return runtime.dataSource.transaction(async (manager) => {
    const listings = (
      await manager
        .getRepository(SupervisedListing)
        .createQueryBuilder('listing')
        .where('listing.deadline < :today', { today })
        .andWhere('listing.status IN (:...running)', { running: RUNNING_STATUSES })
        .andWhere('listing.overdue_notified_for IS DISTINCT FROM listing.deadline')
        .setLock('pessimistic_write')
        .getMany()
    ).filter((listing) => overdueCrossing(listing, today));
    const context = {
      principal: null,
      requestId: 'sweep:sweepListingOverdue',
      mutation: undefined,
    } as unknown as SubgraphContext;
    for (const listing of listings) {
      // Bookkeeping only: the version stays, so nobody's edit conflicts with the sweep.
      await manager.query('UPDATE supervised_listing SET overdue_notified_for = $2 WHERE id = $1', [
        listing.id,
        listing.deadline,
      ]);
      const payload = {
        listingId: listing.id,
        noticeNo: listing.noticeNo,
        level: listing.level,
        escalateTo: escalationLevel(listing.level),
        status: listing.status,
        deadline: listing.deadline,
        hazardIds: listing.hazardIds,
        enterpriseId: listing.enterpriseId,
        townshipCode: listing.townshipCode,
        issuingOrgId: listing.issuingOrgId,
        territorialOrgId: listing.territorialOrgId,
        industryOrgId: listing.industryOrgId,
        // responsibility proposes AccountabilityCase(TASK_OVERDUE) (domain §5.7.2, §10.1).
        accountabilityProposal: 'TASK_OVERDUE',
      };
      await runtime.outbox.emit(manager, 'ListingOverdue', payload, null);
      await writeAudit(manager, context, {
        operation: 'sweepListingOverdue',
        entity: 'SupervisedListing',
        entityId: listing.id,
        after: { event: 'ListingOverdue', ...payload },
      });
    }
    return listings.map((l) => l.id);
  });
}
