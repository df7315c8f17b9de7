import { registerEnumType } from 'type-graphql';

/** 性别, as coded in the citizen ID number (GB 11643-1999: 17th digit odd = male). */
export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

/** 文化程度 (domain §3.5 `education`). */
export enum Education {
  PRIMARY = 'PRIMARY',
  JUNIOR_HIGH = 'JUNIOR_HIGH',
  SENIOR_HIGH = 'SENIOR_HIGH',
  VOCATIONAL = 'VOCATIONAL',
  COLLEGE = 'COLLEGE',
  BACHELOR = 'BACHELOR',
  POSTGRADUATE = 'POSTGRADUATE',
}

registerEnumType(Gender, {
  name: 'Gender',
  description: '性别',
  valuesConfig: { MALE: { description: '男' }, FEMALE: { description: '女' } },
});
registerEnumType(Education, {
  name: 'Education',
  description: '文化程度',
  valuesConfig: {
    PRIMARY: { description: '小学' },
    JUNIOR_HIGH: { description: '初中' },
    SENIOR_HIGH: { description: '高中' },
    VOCATIONAL: { description: '中专/技校' },
    COLLEGE: { description: '大专' },
    BACHELOR: { description: '本科' },
    POSTGRADUATE: { description: '研究生' },
  },
});
