import {
  AlertOutlined,
  AuditOutlined,
  HomeOutlined,
  ReadOutlined,
  SafetyOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { ENTERPRISE_ROLES, REGULATOR_ROLES, Role } from '@safety/auth';
import type { ReactNode } from 'react';
import type { RemoteName } from './remotes/remote-module.js';

/** One entry of the portal's navigation; `remote` names the Module Federation remote that renders it. */
export interface PortalModule {
  key: 'home' | 'responsibility' | 'hazard' | 'supervision' | 'training' | 'emergency' | 'admin';
  path: string;
  icon: ReactNode;
  /** Who may open it (domain §2.2–2.3); empty: every signed-in user. */
  roles: readonly Role[];
  /** Loaded at run time; a module without one shows 建设中. */
  remote?: RemoteName;
}

const REGULATORS = [...REGULATOR_ROLES, Role.DISCIPLINE_VIEWER];
const ENTERPRISE_MANAGERS = [Role.ENT_PRINCIPAL, Role.ENT_SAFETY_DIRECTOR, Role.ENT_SAFETY_MANAGER];

/** Navigation by role, in the order of the Plan's five systems. */
export const PORTAL_MODULES: readonly PortalModule[] = [
  { key: 'home', path: '/', icon: <HomeOutlined />, roles: [] },
  {
    key: 'responsibility',
    path: '/responsibility',
    icon: <TeamOutlined />,
    roles: [...REGULATORS, Role.ENT_PRINCIPAL],
    remote: 'responsibility',
  },
  {
    key: 'hazard',
    path: '/hazard',
    icon: <AlertOutlined />,
    roles: [...REGULATOR_ROLES, ...ENTERPRISE_ROLES, Role.EXPERT],
    remote: 'hazard',
  },
  {
    key: 'supervision',
    path: '/supervision',
    icon: <AuditOutlined />,
    roles: [...REGULATOR_ROLES, ...ENTERPRISE_MANAGERS, Role.EXPERT],
    remote: 'supervision',
  },
  {
    key: 'training',
    path: '/training',
    icon: <ReadOutlined />,
    roles: [...REGULATOR_ROLES, ...ENTERPRISE_ROLES, Role.TRAINING_ORG],
    remote: 'training',
  },
  {
    key: 'emergency',
    path: '/emergency',
    icon: <SafetyOutlined />,
    roles: [...REGULATOR_ROLES, ...ENTERPRISE_MANAGERS, Role.RESCUE_COMMANDER],
    remote: 'emergency',
  },
  // 平台管理: the schema registry's subgraphs and supergraph versions (apps/admin).
  {
    key: 'admin',
    path: '/admin',
    icon: <SettingOutlined />,
    roles: [Role.PLATFORM_ADMIN],
    remote: 'admin',
  },
];

/** The module a location belongs to (the longest matching path prefix). */
export function moduleForPath(pathname: string): PortalModule {
  const matches = PORTAL_MODULES.filter(
    (m) => m.path !== '/' && (pathname === m.path || pathname.startsWith(`${m.path}/`)),
  );
  return matches[0] ?? PORTAL_MODULES[0]!;
}
