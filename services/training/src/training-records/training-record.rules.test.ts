import { describe, expect, it } from 'vitest';
import { SpecialWorkType } from './training-record.enums.js';
import {
  specialWorkTraining,
  specialWorkTrainingValidTo,
  trainingRecordProblems,
} from './training-record.rules.js';

const record = (id: string, completedOn: string, type: SpecialWorkType | null, passed = true) => ({
  id,
  completedOn,
  specialWorkType: type,
  passed,
});

describe('special-work training of a permit guardian (domain §5.9, §7.4)', () => {
  it('counts a passed record of the type for a year from completion [D]', () => {
    expect(specialWorkTrainingValidTo('2025-03-15')).toBe('2026-03-14');
    expect(specialWorkTrainingValidTo('2024-02-29')).toBe('2025-02-27');
    const records = [record('a', '2024-07-01', SpecialWorkType.HOT_WORK)];
    expect(specialWorkTraining(records, SpecialWorkType.HOT_WORK, '2025-06-30')).toMatchObject({ ok: true });
    expect(specialWorkTraining(records, SpecialWorkType.HOT_WORK, '2025-07-01')).toMatchObject({
      ok: false,
      failure: 'SPECIAL_WORK_TRAINING_EXPIRED',
      record: { id: 'a' },
    });
  });

  it('ignores other types, failed assessments and training after the day of the work', () => {
    const records = [
      record('other', '2025-06-01', SpecialWorkType.CONFINED_SPACE),
      record('failed', '2025-06-01', SpecialWorkType.HOT_WORK, false),
      record('later', '2025-07-02', SpecialWorkType.HOT_WORK),
      record('untagged', '2025-06-01', null),
    ];
    expect(specialWorkTraining(records, SpecialWorkType.HOT_WORK, '2025-06-30')).toEqual({
      ok: false,
      failure: 'NO_SPECIAL_WORK_TRAINING',
      record: null,
    });
    expect(specialWorkTraining(records, SpecialWorkType.CONFINED_SPACE, '2025-06-30')).toMatchObject({
      ok: true,
      record: { id: 'other' },
    });
  });

  it('rests on the latest passed record', () => {
    const records = [
      record('old', '2023-01-01', SpecialWorkType.HOT_WORK),
      record('new', '2025-01-01', SpecialWorkType.HOT_WORK),
    ];
    expect(specialWorkTraining(records, SpecialWorkType.HOT_WORK, '2025-06-30')).toMatchObject({
      ok: true,
      record: { id: 'new' },
    });
  });

  it('refuses records in the future or with impossible hours', () => {
    expect(trainingRecordProblems({ completedOn: '2025-07-01', creditedHours: 0 }, '2025-06-30')).toEqual({
      completedOn: 'cannot be in the future',
      creditedHours: 'must be 1 to 200',
    });
    expect(trainingRecordProblems({ completedOn: '2025-06-30', creditedHours: 4 }, '2025-06-30')).toEqual({});
  });
});
