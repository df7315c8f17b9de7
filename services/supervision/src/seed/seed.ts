import { DEMO_ENTERPRISES } from '@safety/reference';
import type { SeedContext } from '@safety/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import type { EnterpriseScale, OperatingStatus, SupervisionClass } from '../enterprises/enterprise.enums.js';

/** The ≈53 demo enterprises of domain §11.3, with the fixture's ids (the other services hold the same). */
export async function seed(manager: EntityManager, _context: SeedContext): Promise<void> {
  for (const e of DEMO_ENTERPRISES) {
    await manager.insert(Enterprise, {
      id: e.id,
      uscc: e.uscc,
      name: e.name,
      shortName: e.shortName,
      industryCode: e.industryCode,
      townshipCode: e.townshipCode,
      address: e.address,
      legalRepresentative: e.legalRepresentative,
      employeeCount: e.employeeCount,
      scale: e.scale as EnterpriseScale,
      regulatorOrgIds: e.regulatorOrgIds,
      operatingStatus: e.operatingStatus as OperatingStatus,
      supervisionClass: e.supervisionClass as SupervisionClass,
      isConstructionProject: e.isConstructionProject,
    });
  }
}
