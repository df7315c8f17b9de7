import {
  ALL_DIVISIONS,
  calendarEntries,
  DEMO_ACCOUNTS,
  DEMO_OFFICIALS,
  DEMO_ORG_UNITS,
  DEMO_PASSWORD,
  demoAccountOrgId,
  noticeCoverage,
  orgId,
} from '@safety/reference';
import type { SeedContext } from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { AccountKind } from '../accounts/account.enums.js';
import { hashPassword } from '../accounts/password.js';
import { UserAccount } from '../accounts/user-account.entity.js';
import { WorkCalendarDay } from '../calendar/work-calendar-day.entity.js';
import { AdministrativeDivision } from '../divisions/division.entity.js';
import type { DivisionLevel } from '../divisions/division.enums.js';
import { Official } from '../org-units/official.entity.js';
import { OrgUnit } from '../org-units/org-unit.entity.js';
import type { OrgUnitType, SupervisoryRole } from '../org-units/org-unit.enums.js';

const CHUNK = 500;

/**
 * Reference data (real divisions, the county's bodies, the holiday notices) and the demo officials
 * and accounts of domain §11, with the fixture's ids so every service agrees on them.
 */
export async function seed(manager: EntityManager, _context: SeedContext): Promise<void> {
  await manager.insert(
    AdministrativeDivision,
    ALL_DIVISIONS.map((d) => ({ ...d, level: d.level as DivisionLevel })),
  );
  await manager.insert(
    OrgUnit,
    DEMO_ORG_UNITS.map((o) => ({
      id: o.id,
      code: o.code,
      name: o.name,
      type: o.type as OrgUnitType,
      parentId: o.parentCode ? orgId(o.parentCode) : null,
      divisionCode: o.divisionCode,
      isSafetyCommitteeMember: o.isSafetyCommitteeMember,
      supervisoryRole: o.supervisoryRole as SupervisoryRole,
    })),
  );
  await manager.insert(
    Official,
    DEMO_OFFICIALS.map((o) => ({
      id: o.id,
      name: o.name,
      orgUnitId: orgId(o.orgCode),
      position: o.position,
      isPrincipal: o.isPrincipal,
    })),
  );

  const { from, to } = noticeCoverage();
  const days = calendarEntries(from, to);
  for (let i = 0; i < days.length; i += CHUNK)
    await manager.insert(WorkCalendarDay, days.slice(i, i + CHUNK));

  // Hashed in parallel on libuv's pool: ~20 argon2 hashes take a fraction of a second.
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));
  await manager.insert(
    UserAccount,
    DEMO_ACCOUNTS.map((a, index) => ({
      id: a.id,
      username: a.username,
      displayName: a.displayName,
      passwordHash: hashes[index]!,
      kind: AccountKind.USER,
      roles: a.roles,
      permissions: a.permissions,
      orgUnitId: demoAccountOrgId(a),
      townshipCodes: a.townshipCodes,
      industryCodes: a.industryCodes,
      enterpriseIds: a.enterpriseIds,
      officialId: null,
      isDemo: true,
    })),
  );
}
