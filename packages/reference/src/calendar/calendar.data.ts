import { type HolidayKind, KeyPeriodKind } from './calendar.kinds.js';

/** One holiday block of a notice: the days off (with the weekends joined to them) and the weekend days worked instead (调休). */
export interface HolidayBlock {
  kind: HolidayKind;
  name: string;
  from: string;
  to: string;
  makeUpWorkdays: string[];
}

/** 国务院办公厅关于某年部分节假日安排的通知: loaded once a year (domain §2.7). */
export interface HolidayNotice {
  year: number;
  document: string;
  /** Source marker of domain §0.2: how far the dates were checked. */
  marker: 'K' | 'K?';
  holidays: HolidayBlock[];
}

const { NEW_YEAR, SPRING_FESTIVAL, QINGMING, LABOUR_DAY, DRAGON_BOAT, MID_AUTUMN, NATIONAL_DAY } =
  KeyPeriodKind;

/** The State Council holiday notices for 2023–2026, as data; add next year's when it is published (usually November). */
export const HOLIDAY_NOTICES: HolidayNotice[] = [
  {
    year: 2023,
    document: '国办发明电〔2022〕16号',
    marker: 'K',
    holidays: [
      { kind: NEW_YEAR, name: '元旦', from: '2022-12-31', to: '2023-01-02', makeUpWorkdays: [] },
      {
        kind: SPRING_FESTIVAL,
        name: '春节',
        from: '2023-01-21',
        to: '2023-01-27',
        makeUpWorkdays: ['2023-01-28', '2023-01-29'],
      },
      { kind: QINGMING, name: '清明节', from: '2023-04-05', to: '2023-04-05', makeUpWorkdays: [] },
      {
        kind: LABOUR_DAY,
        name: '劳动节',
        from: '2023-04-29',
        to: '2023-05-03',
        makeUpWorkdays: ['2023-04-23', '2023-05-06'],
      },
      {
        kind: DRAGON_BOAT,
        name: '端午节',
        from: '2023-06-22',
        to: '2023-06-24',
        makeUpWorkdays: ['2023-06-25'],
      },
      // Mid-Autumn (29 Sep) and National Day were one block in 2023: one key period.
      {
        kind: NATIONAL_DAY,
        name: '中秋节、国庆节',
        from: '2023-09-29',
        to: '2023-10-06',
        makeUpWorkdays: ['2023-10-07', '2023-10-08'],
      },
    ],
  },
  {
    year: 2024,
    document: '国办发明电〔2023〕7号',
    marker: 'K',
    holidays: [
      { kind: NEW_YEAR, name: '元旦', from: '2023-12-30', to: '2024-01-01', makeUpWorkdays: [] },
      {
        kind: SPRING_FESTIVAL,
        name: '春节',
        from: '2024-02-10',
        to: '2024-02-17',
        makeUpWorkdays: ['2024-02-04', '2024-02-18'],
      },
      {
        kind: QINGMING,
        name: '清明节',
        from: '2024-04-04',
        to: '2024-04-06',
        makeUpWorkdays: ['2024-04-07'],
      },
      {
        kind: LABOUR_DAY,
        name: '劳动节',
        from: '2024-05-01',
        to: '2024-05-05',
        makeUpWorkdays: ['2024-04-28', '2024-05-11'],
      },
      { kind: DRAGON_BOAT, name: '端午节', from: '2024-06-08', to: '2024-06-10', makeUpWorkdays: [] },
      {
        kind: MID_AUTUMN,
        name: '中秋节',
        from: '2024-09-15',
        to: '2024-09-17',
        makeUpWorkdays: ['2024-09-14'],
      },
      {
        kind: NATIONAL_DAY,
        name: '国庆节',
        from: '2024-10-01',
        to: '2024-10-07',
        makeUpWorkdays: ['2024-09-29', '2024-10-12'],
      },
    ],
  },
  {
    // First year under the 2024 amendment of 全国年节及纪念日放假办法: 13 statutory days (adds 除夕 and 5月2日).
    year: 2025,
    document: '国办发明电〔2024〕12号',
    marker: 'K',
    holidays: [
      { kind: NEW_YEAR, name: '元旦', from: '2025-01-01', to: '2025-01-01', makeUpWorkdays: [] },
      {
        kind: SPRING_FESTIVAL,
        name: '春节',
        from: '2025-01-28',
        to: '2025-02-04',
        makeUpWorkdays: ['2025-01-26', '2025-02-08'],
      },
      { kind: QINGMING, name: '清明节', from: '2025-04-04', to: '2025-04-06', makeUpWorkdays: [] },
      {
        kind: LABOUR_DAY,
        name: '劳动节',
        from: '2025-05-01',
        to: '2025-05-05',
        makeUpWorkdays: ['2025-04-27'],
      },
      { kind: DRAGON_BOAT, name: '端午节', from: '2025-05-31', to: '2025-06-02', makeUpWorkdays: [] },
      {
        kind: NATIONAL_DAY,
        name: '国庆节、中秋节',
        from: '2025-10-01',
        to: '2025-10-08',
        makeUpWorkdays: ['2025-09-28', '2025-10-11'],
      },
    ],
  },
  {
    // [K?] drafter's knowledge of the 2026 notice (document number included): check against the official text.
    year: 2026,
    document: '国办发明电〔2025〕7号',
    marker: 'K?',
    holidays: [
      {
        kind: NEW_YEAR,
        name: '元旦',
        from: '2026-01-01',
        to: '2026-01-03',
        makeUpWorkdays: ['2026-01-04'],
      },
      {
        kind: SPRING_FESTIVAL,
        name: '春节',
        from: '2026-02-15',
        to: '2026-02-23',
        makeUpWorkdays: ['2026-02-14', '2026-02-28'],
      },
      { kind: QINGMING, name: '清明节', from: '2026-04-04', to: '2026-04-06', makeUpWorkdays: [] },
      {
        kind: LABOUR_DAY,
        name: '劳动节',
        from: '2026-05-01',
        to: '2026-05-05',
        makeUpWorkdays: ['2026-05-09'],
      },
      { kind: DRAGON_BOAT, name: '端午节', from: '2026-06-19', to: '2026-06-21', makeUpWorkdays: [] },
      { kind: MID_AUTUMN, name: '中秋节', from: '2026-09-25', to: '2026-09-27', makeUpWorkdays: [] },
      {
        kind: NATIONAL_DAY,
        name: '国庆节',
        from: '2026-10-01',
        to: '2026-10-07',
        makeUpWorkdays: ['2026-09-20', '2026-10-10'],
      },
    ],
  },
];

/** Statutory holiday days per year (全国年节及纪念日放假办法): 11 until 2024, 13 from 2025. Used to check the data. */
export const STATUTORY_HOLIDAY_DAYS: Record<number, number> = { 2023: 11, 2024: 11, 2025: 13, 2026: 13 };

/** A period fixed by month and day each year, optionally with known dates per year. */
export interface ConfiguredPeriod {
  kind: KeyPeriodKind;
  name: string;
  /** MM-DD of the default window. */
  from: string;
  to: string;
  /** Actual dates where known (year → [from, to] as YYYY-MM-DD). */
  byYear?: Record<number, [string, string]>;
  source: string;
}

/** Key periods not in the holiday notices (domain §4.5, [D] configurable). */
export const CONFIGURED_PERIODS: ConfiguredPeriod[] = [
  {
    kind: KeyPeriodKind.TWO_SESSIONS,
    name: '全国两会',
    // Default window when a year's dates are not yet known [D].
    from: '03-03',
    to: '03-15',
    // [K?] opening of the CPPCC session to the close of the NPC session.
    byYear: {
      2023: ['2023-03-04', '2023-03-13'],
      2024: ['2024-03-04', '2024-03-11'],
      2025: ['2025-03-04', '2025-03-11'],
      2026: ['2026-03-04', '2026-03-12'],
    },
    source: '[K?] 全国人大、全国政协会期',
  },
  {
    kind: KeyPeriodKind.SAFETY_MONTH,
    name: '安全生产月',
    from: '06-01',
    to: '06-30',
    source: '[K] 全国“安全生产月”活动（每年6月）',
  },
  {
    kind: KeyPeriodKind.FLOOD_SEASON,
    name: '汛期',
    // [K?] northern provinces' main flood season; confirm Gansu's dates with the county flood office.
    from: '06-01',
    to: '09-30',
    source: '[K?] 主汛期',
  },
];
