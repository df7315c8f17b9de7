import { addDays, addWorkingDays, demoEnterprise, demoId, orgId } from '@safety/reference';
import { localDate, localYear, nextSequence, type SeedContext } from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { AcceptanceTier, HazardGrade, HazardStatus } from '../hazards/hazard.enums.js';
import type { ListingExtension, ListingStatusChange } from './listing.entity.js';
import { SupervisedListing } from './listing.entity.js';
import { ListingLevel, ListingStatus } from './listing.enums.js';
import {
  DEFAULT_PROGRESS_CADENCE_DAYS,
  extensionDecisionDue,
  extensionRequestInTime,
  listingNoticeNo,
} from './listing.rules.js';

const HOUR = 3_600_000;

interface SeededHazard {
  id: string;
  code: string;
  deadline: string;
  confirmed_at: Date;
  closed_at: Date | null;
}

/** The first seeded MAJOR hazard of an enterprise in a status (the featured ones of the main seed). */
async function majorHazard(
  manager: EntityManager,
  key: string,
  status: HazardStatus,
): Promise<SeededHazard | null> {
  const [row] = await manager.query(
    `SELECT id, code, deadline::text AS deadline, confirmed_at, closed_at FROM hazard
     WHERE enterprise_id = $1 AND grade = $2 AND status = $3 AND confirmed_at IS NOT NULL AND listing_id IS NULL
     ORDER BY code LIMIT 1`,
    [demoEnterprise(key).id, HazardGrade.MAJOR, status],
  );
  return row ?? null;
}

const atLocal = (day: string, time = '10:00:00') => new Date(`${day}T${time}+08:00`);
const earlier = (a: string, b: string) => (a < b ? a : b);
const change = (
  from: ListingStatus | null,
  to: ListingStatus,
  at: Date,
  reason: string | null = null,
): ListingStatusChange => ({
  from,
  to,
  at: at.toISOString(),
  actorId: null,
  actorUsername: null,
  reason,
});

/**
 * Domain §11.4: two active county-level listings (the methanol plant chem1 and the cold store it2) and
 * one delisted (chem2), on the featured MAJOR hazards of the main seed, with realistic dates relative to
 * the demo's today and a granted extension on the cold store's. Hazards are attached as `listHazards`
 * would (listing id, level, COUNTY acceptance tier); a granted extension also moves their deadlines.
 */
export async function seedListings(manager: EntityManager, context: SeedContext): Promise<void> {
  const today = localDate(context.today);
  const yesterday = addDays(today, -1);
  const issuingOrgId = orgId('SAC');
  const plans: Array<{
    key: string;
    status: HazardStatus;
    requirements: string;
    extend?: boolean;
    delisted?: boolean;
  }> = [
    {
      key: 'chem1',
      status: HazardStatus.RECTIFYING,
      requirements:
        '立即对泵房增设可燃有毒气体检测报警装置并与通风联锁；整改期间停用二号泵房；每15日报告进展（演示）',
    },
    {
      key: 'it2',
      status: HazardStatus.RECTIFYING,
      requirements: '快速冻结装置设置单独作业间，作业间人员不超过9人；整改期间限员作业并专人监护（演示）',
      extend: true,
    },
    {
      key: 'chem2',
      status: HazardStatus.CLOSED,
      requirements: '重点监管危险化工工艺按规范实现自动化控制并投用紧急停车系统（演示）',
      delisted: true,
    },
  ];
  const rows: Array<Partial<SupervisedListing> & { listedAt: Date }> = [];
  for (const plan of plans) {
    const hazard = await majorHazard(manager, plan.key, plan.status);
    if (!hazard) continue;
    const enterprise = demoEnterprise(plan.key);
    const confirmedOn = localDate(hazard.confirmed_at);
    const history = [change(null, ListingStatus.PROPOSED, hazard.confirmed_at)];
    let listedAt: Date;
    let status: ListingStatus;
    let deadline = hazard.deadline;
    const extensions: ListingExtension[] = [];
    let delistingAppliedAt: Date | null = null;
    let delistedAt: Date | null = null;
    if (plan.delisted && hazard.closed_at) {
      // Listed the day it was confirmed; delisted when the county accepted it on site.
      listedAt = new Date(hazard.confirmed_at.getTime() + 2 * HOUR);
      delistingAppliedAt = new Date(hazard.closed_at.getTime() - HOUR);
      delistedAt = hazard.closed_at;
      history.push(
        change(ListingStatus.PROPOSED, ListingStatus.LISTED, listedAt),
        change(ListingStatus.LISTED, ListingStatus.RECTIFYING, listedAt),
        change(ListingStatus.RECTIFYING, ListingStatus.DELISTING_APPLIED, delistingAppliedAt),
        change(
          ListingStatus.DELISTING_APPLIED,
          ListingStatus.DELISTED,
          delistedAt,
          '现场核查合格，予以摘牌（演示）',
        ),
      );
      status = ListingStatus.DELISTED;
    } else {
      // Evaluated within the 5 working days (3 here), never later than yesterday.
      const listedOn = earlier(addWorkingDays(confirmedOn, 3), yesterday);
      listedAt = listedOn > confirmedOn ? atLocal(listedOn) : new Date(hazard.confirmed_at.getTime() + HOUR);
      const startedAt = new Date(listedAt.getTime() + HOUR);
      history.push(
        change(ListingStatus.PROPOSED, ListingStatus.LISTED, listedAt),
        change(ListingStatus.LISTED, ListingStatus.RECTIFYING, startedAt),
      );
      status = ListingStatus.RECTIFYING;
      if (plan.extend) {
        const listedDay = localDate(listedAt);
        const requestedOn = earlier(addWorkingDays(listedDay, 2), today);
        const decidedOn = earlier(addWorkingDays(requestedOn, 3), today);
        if (extensionRequestInTime(requestedOn, deadline)) {
          const requestedDeadline = addDays(deadline, 30);
          extensions.push({
            requestedOn,
            requestedById: null,
            previousDeadline: deadline,
            requestedDeadline,
            reason: '单独作业间土建改造需采购保温板材，工期不足（演示）',
            decisionDue: extensionDecisionDue(requestedOn),
            granted: true,
            decidedAt: atLocal(decidedOn, '16:00:00').toISOString(),
            decidedById: null,
            decisionNote: '同意延期30日，延期期间落实限员措施（演示）',
            decidedLate: false,
          });
          history.push(
            change(
              ListingStatus.RECTIFYING,
              ListingStatus.EXTENSION_REQUESTED,
              atLocal(requestedOn, '09:00:00'),
            ),
            change(
              ListingStatus.EXTENSION_REQUESTED,
              ListingStatus.RECTIFYING,
              atLocal(decidedOn, '16:00:00'),
              'extension granted',
            ),
          );
          deadline = requestedDeadline;
        }
      }
    }
    rows.push({
      id: demoId('listing', plan.key),
      level: ListingLevel.COUNTY_SAC,
      status,
      hazardIds: [hazard.id],
      enterpriseId: enterprise.id,
      townshipCode: enterprise.townshipCode,
      issuingOrgId,
      territorialOrgId: null,
      industryOrgId: enterprise.regulatorOrgIds[0] ?? null,
      requirements: plan.requirements,
      deadline,
      originalDeadline: hazard.deadline,
      progressCadenceDays: DEFAULT_PROGRESS_CADENCE_DAYS,
      publicNoticeUrl: null,
      extensions,
      history,
      proposedAt: hazard.confirmed_at,
      proposedById: null,
      listedAt,
      delistingAppliedAt,
      delistedAt,
      overdueNotifiedFor: null,
      version: 1,
    });
  }
  // Notices are numbered per year in the order issued.
  rows.sort((a, b) => a.listedAt.getTime() - b.listedAt.getTime());
  for (const row of rows) {
    const year = localYear(row.listedAt);
    row.noticeNo = listingNoticeNo(year, await nextSequence(manager, 'DB', year));
    await manager.insert(SupervisedListing, row);
    await manager.query(
      `UPDATE hazard SET listing_id = $2, listing_level = $3, acceptance_tier = $4 WHERE id = ANY($1::uuid[])`,
      [row.hazardIds, row.id, row.level, AcceptanceTier.COUNTY],
    );
    // A granted extension moved the listed hazards' deadlines with the listing's (§5.7.2), as
    // `decideListingExtension` does through `HazardService.moveDeadline`: same deadline, and a history entry.
    for (const extension of row.extensions ?? []) {
      if (!extension.granted || !extension.decidedAt) continue;
      const reason = `挂牌督办延期 ${row.noticeNo}`;
      await manager.query(
        `INSERT INTO hazard_status_change (hazard_id, from_status, to_status, at, reason)
         SELECT id, status, status, $2, $3 || ' (' || COALESCE(deadline::text, '—') || ' → ' || $4 || ')'
           FROM hazard WHERE id = ANY($1::uuid[]) AND status NOT IN ('ACCEPTED', 'CLOSED', 'REJECTED')`,
        [row.hazardIds, extension.decidedAt, reason, extension.requestedDeadline],
      );
      await manager.query(
        `UPDATE hazard SET deadline = $2 WHERE id = ANY($1::uuid[]) AND status NOT IN ('ACCEPTED', 'CLOSED', 'REJECTED')`,
        [row.hazardIds, extension.requestedDeadline],
      );
    }
    if (row.status === ListingStatus.DELISTED)
      await manager.query(
        `UPDATE hazard_status_change SET reason = 'delisted' WHERE hazard_id = ANY($1::uuid[]) AND to_status = 'CLOSED'`,
        [row.hazardIds],
      );
  }
}
