import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { type HolidayKind, KeyPeriodKind } from './calendar.enums.js';

/** 工作日历: one day, as decided by the State Council holiday notice of its year (domain §2.7). */
@Entity('work_calendar_day')
@ObjectType({ description: '工作日历（含调休）' })
export class WorkCalendarDay {
  @Field(() => GraphQLLocalDate)
  @PrimaryColumn('date')
  date: string;

  @Field({ description: '是否工作日（调休上班的周末为 true）' })
  @Column({ name: 'is_working_day' })
  isWorkingDay: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Holiday name, or "<name>调休上班" on a make-up working day',
  })
  @Column('text', { name: 'holiday_name', nullable: true })
  holidayName: string | null;

  @Field(() => KeyPeriodKind, { nullable: true })
  @Column('text', { name: 'holiday_kind', nullable: true })
  holidayKind: HolidayKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'The notice that decided this day; null beyond the loaded notices (weekend rule only)',
  })
  @Column('text', { nullable: true })
  source: string | null;
}
