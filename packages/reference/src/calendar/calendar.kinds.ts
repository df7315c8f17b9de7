/** Kinds of "major festivals and key periods" (重大节日和重点时段, domain §4.5). */
export enum KeyPeriodKind {
  NEW_YEAR = 'NEW_YEAR',
  SPRING_FESTIVAL = 'SPRING_FESTIVAL',
  QINGMING = 'QINGMING',
  LABOUR_DAY = 'LABOUR_DAY',
  DRAGON_BOAT = 'DRAGON_BOAT',
  MID_AUTUMN = 'MID_AUTUMN',
  NATIONAL_DAY = 'NATIONAL_DAY',
  TWO_SESSIONS = 'TWO_SESSIONS',
  FLOOD_SEASON = 'FLOOD_SEASON',
  SAFETY_MONTH = 'SAFETY_MONTH',
}

/** The statutory holidays (a subset of the key-period kinds): they come from the State Council notices. */
export type HolidayKind =
  | KeyPeriodKind.NEW_YEAR
  | KeyPeriodKind.SPRING_FESTIVAL
  | KeyPeriodKind.QINGMING
  | KeyPeriodKind.LABOUR_DAY
  | KeyPeriodKind.DRAGON_BOAT
  | KeyPeriodKind.MID_AUTUMN
  | KeyPeriodKind.NATIONAL_DAY;
