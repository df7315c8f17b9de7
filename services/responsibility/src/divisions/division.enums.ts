import { registerEnumType } from 'type-graphql';

/** 行政区划级别 (domain §3.1). */
export enum DivisionLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWN = 'TOWN',
  SUBDISTRICT = 'SUBDISTRICT',
  VILLAGE = 'VILLAGE',
  COMMUNITY = 'COMMUNITY',
}

registerEnumType(DivisionLevel, {
  name: 'DivisionLevel',
  description: '行政区划级别',
  valuesConfig: {
    PROVINCE: { description: '省' },
    CITY: { description: '市' },
    COUNTY: { description: '县' },
    TOWN: { description: '镇' },
    SUBDISTRICT: { description: '街道' },
    VILLAGE: { description: '村' },
    COMMUNITY: { description: '社区' },
  },
});
