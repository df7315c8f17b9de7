import { INDUSTRIES } from '@safety/reference';
import { registerEnumType } from 'type-graphql';

/** 经营状态 (domain §3.4). */
export enum OperatingStatus {
  UNDER_CONSTRUCTION = 'UNDER_CONSTRUCTION',
  TRIAL_RUN = 'TRIAL_RUN',
  OPERATING = 'OPERATING',
  SUSPENDED = 'SUSPENDED',
  ORDERED_RECTIFICATION = 'ORDERED_RECTIFICATION',
  CLOSED = 'CLOSED',
  DEREGISTERED = 'DEREGISTERED',
}

/** 分类分级 (domain §6.2). */
export enum SupervisionClass {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}

export enum EnterpriseScale {
  LARGE = 'LARGE',
  MEDIUM = 'MEDIUM',
  SMALL = 'SMALL',
  MICRO = 'MICRO',
}

/** Industry taxonomy of domain §3.3; values come from the shared reference data. */
export const IndustryCode = Object.fromEntries(INDUSTRIES.map((i) => [i.code, i.code])) as Record<
  string,
  string
>;

registerEnumType(OperatingStatus, {
  name: 'OperatingStatus',
  valuesConfig: {
    UNDER_CONSTRUCTION: { description: '在建' },
    TRIAL_RUN: { description: '试生产' },
    OPERATING: { description: '正常生产经营' },
    SUSPENDED: { description: '停产（企业自行）' },
    ORDERED_RECTIFICATION: { description: '责令停产停业整顿' },
    CLOSED: { description: '关闭' },
    DEREGISTERED: { description: '注销' },
  },
});
registerEnumType(SupervisionClass, { name: 'SupervisionClass', description: '监管分类 A–D' });
registerEnumType(EnterpriseScale, { name: 'EnterpriseScale' });
registerEnumType(IndustryCode, {
  name: 'IndustryCode',
  description: '行业分类 (domain §3.3)',
  valuesConfig: Object.fromEntries(INDUSTRIES.map((i) => [i.code, { description: i.labelZh }])),
});
