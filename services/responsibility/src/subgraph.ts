import { defineSubgraph } from '@safety/subgraph-kit';
import { AccountResolver } from './accounts/account.resolver.js';
import { accountRoutes } from './accounts/account.routes.js';
import { accountAuth } from './accounts/account-auth.js';
import { IssuedToken } from './accounts/issued-token.entity.js';
import { SessionResolver } from './accounts/session.resolver.js';
import { SigningKeyRow } from './accounts/signing-key.entity.js';
import { TokenResolver } from './accounts/token.resolver.js';
import { UserAccount } from './accounts/user-account.entity.js';
import { CalendarResolver } from './calendar/calendar.resolver.js';
import { WorkCalendarDay } from './calendar/work-calendar-day.entity.js';
import { AdministrativeDivision } from './divisions/division.entity.js';
import { DivisionResolver } from './divisions/division.resolver.js';
import { EnterpriseResolver } from './enterprises/enterprise.resolver.js';
import { EnterpriseResponsibility } from './enterprises/enterprise.stub.js';
import { migrations } from './migrations/index.js';
import { Official } from './org-units/official.entity.js';
import { OfficialResolver } from './org-units/official.resolver.js';
import { OrgUnit } from './org-units/org-unit.entity.js';
import { OrgUnitResolver } from './org-units/org-unit.resolver.js';
import { OrgUnitService } from './org-units/org-unit.service.js';
import { seed } from './seed/seed.js';
import { tasksModule } from './tasks/tasks.module.js';

/** 全面责任体系: owner of divisions, org units, officials and the work calendar, and the platform's accounts and tokens. */
export const responsibilitySubgraph = defineSubgraph({
  name: 'responsibility',
  port: 4101,
  resolvers: [
    DivisionResolver,
    OrgUnitResolver,
    OfficialResolver,
    CalendarResolver,
    SessionResolver,
    AccountResolver,
    TokenResolver,
    EnterpriseResolver,
  ],
  orphanedTypes: [EnterpriseResponsibility],
  entities: [
    AdministrativeDivision,
    OrgUnit,
    Official,
    WorkCalendarDay,
    UserAccount,
    IssuedToken,
    SigningKeyRow,
  ],
  migrations,
  references: {
    OrgUnit: (ids, context) => new OrgUnitService(context).byIds(ids),
    Official: (ids, context) => new OrgUnitService(context).officialsByIds(ids),
    // Keyed by code, not id: the Division resolvers load the row from the code themselves.
    Division: 'stub',
    Enterprise: 'stub',
  },
  seed,
  modules: [tasksModule],
  routes: accountRoutes,
  auth: accountAuth,
});
