import { KeyPeriodKind } from '@safety/reference';
import { registerEnumType } from 'type-graphql';

export { type HolidayKind, KeyPeriodKind } from '@safety/reference';

registerEnumType(KeyPeriodKind, {
  name: 'KeyPeriodKind',
  description: '重大节日和重点时段',
  valuesConfig: {
    NEW_YEAR: { description: '元旦' },
    SPRING_FESTIVAL: { description: '春节' },
    QINGMING: { description: '清明节' },
    LABOUR_DAY: { description: '劳动节' },
    DRAGON_BOAT: { description: '端午节' },
    MID_AUTUMN: { description: '中秋节' },
    NATIONAL_DAY: { description: '国庆节' },
    TWO_SESSIONS: { description: '全国两会' },
    FLOOD_SEASON: { description: '汛期' },
    SAFETY_MONTH: { description: '安全生产月' },
  },
});
