import { Tag } from 'antd';
import { useT } from '../i18n/i18n.js';
import { type DateInput, formatShanghaiDate } from '../time/shanghai.js';
import { type DeadlineUrgency, deadlineState } from './deadline.js';

/** Urgency → colour + label: variants as data. */
export const DEADLINE_VARIANTS: Record<DeadlineUrgency, { colour: string; labelKey: string }> = {
  DONE: { colour: 'success', labelKey: 'deadline.done' },
  OVERDUE: { colour: 'error', labelKey: 'deadline.overdue' },
  DUE_TODAY: { colour: 'volcano', labelKey: 'deadline.dueToday' },
  DUE_SOON: { colour: 'warning', labelKey: 'deadline.remaining' },
  ON_TRACK: { colour: 'processing', labelKey: 'deadline.remaining' },
};

export interface DeadlineBadgeProps {
  /** A `YYYY-MM-DD` Shanghai date or an instant. */
  deadline: DateInput;
  /** "Today"; defaults to now. Both are compared as Asia/Shanghai calendar days. */
  today?: DateInput;
  /** The work is finished: shows 已完成 whatever the date. */
  closed?: boolean;
  /** Up to this many days left counts as urgent (default 3). */
  soonWithinDays?: number;
}

/** 剩余 N 天 / 今日到期 / 逾期 N 天 / 已完成, coloured by urgency. */
export function DeadlineBadge({ deadline, today = new Date(), closed, soonWithinDays }: DeadlineBadgeProps) {
  const t = useT();
  const state = deadlineState(deadline, today, { closed, soonWithinDays });
  const variant = DEADLINE_VARIANTS[state.urgency];
  return (
    <Tag
      color={variant.colour}
      data-urgency={state.urgency}
      title={t('deadline.deadlineOn', { date: formatShanghaiDate(deadline) })}
    >
      {t(variant.labelKey, { count: state.days })}
    </Tag>
  );
}
