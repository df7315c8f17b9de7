import { registerEnumType } from 'type-graphql';

/** 挂牌督办级别 (domain §5.7.2). */
export enum ListingLevel {
  COUNTY_SAC = 'COUNTY_SAC',
  COUNTY_DEPT = 'COUNTY_DEPT',
  TOWNSHIP = 'TOWNSHIP',
  CITY = 'CITY',
  PROVINCE = 'PROVINCE',
}

/** 挂牌督办状态 (domain §5.7.2); OVERDUE is derived (`overdue`), never stored. */
export enum ListingStatus {
  PROPOSED = 'PROPOSED',
  LISTED = 'LISTED',
  RECTIFYING = 'RECTIFYING',
  EXTENSION_REQUESTED = 'EXTENSION_REQUESTED',
  DELISTING_APPLIED = 'DELISTING_APPLIED',
  DELISTED = 'DELISTED',
}

registerEnumType(ListingLevel, {
  name: 'ListingLevel',
  description: '挂牌督办级别',
  valuesConfig: {
    COUNTY_SAC: { description: '县安委会挂牌督办' },
    COUNTY_DEPT: { description: '县直部门挂牌督办' },
    TOWNSHIP: { description: '镇级挂牌督办' },
    CITY: { description: '市级挂牌督办' },
    PROVINCE: { description: '省级挂牌督办' },
  },
});

registerEnumType(ListingStatus, {
  name: 'ListingStatus',
  description: '挂牌督办状态',
  valuesConfig: {
    PROPOSED: { description: '拟挂牌' },
    LISTED: { description: '已挂牌（督办通知书已下达）' },
    RECTIFYING: { description: '整改中' },
    EXTENSION_REQUESTED: { description: '申请延期' },
    DELISTING_APPLIED: { description: '申请摘牌' },
    DELISTED: { description: '已摘牌' },
  },
});
