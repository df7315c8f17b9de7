import { Space, Timeline, Typography } from 'antd';
import { useT } from '../i18n/i18n.js';
import { StatusTag, type StatusVariants } from '../status-tag/status-tag.js';
import { type DateInput, formatShanghaiDateTime } from '../time/shanghai.js';

/** One state-machine transition as the services record it. `from: null` is the creation. */
export interface StatusTransition<S extends string> {
  from: S | null;
  to: S;
  actor: string;
  at: DateInput;
  reason?: string | null;
}

export interface StatusTimelineProps<S extends string> {
  transitions: ReadonlyArray<StatusTransition<S>>;
  variants: StatusVariants<S>;
  /** i18n namespace of the variants' label keys. */
  ns?: string;
  /** Show the newest transition first (default: oldest first, the order of the history). */
  newestFirst?: boolean;
}

/** Map a status colour onto the timeline's dot colours; hex colours pass through. */
const DOT_COLOURS: Record<string, string> = {
  success: 'green',
  processing: 'blue',
  error: 'red',
  warning: 'orange',
  default: 'gray',
};

/** The history of a state machine: who moved it from which status to which, when (Asia/Shanghai) and why. */
export function StatusTimeline<S extends string>({
  transitions,
  variants,
  ns,
  newestFirst = false,
}: StatusTimelineProps<S>) {
  const t = useT();
  if (transitions.length === 0)
    return <Typography.Text type="secondary">{t('timeline.empty')}</Typography.Text>;
  const ordered = newestFirst ? [...transitions].reverse() : transitions;
  const items = ordered.map((transition, index) => {
    const colour = variants[transition.to]?.colour ?? 'gray';
    return {
      key: `${index}-${transition.to}`,
      color: DOT_COLOURS[colour] ?? colour,
      title: (
        <time dateTime={new Date(transition.at).toISOString()}>{formatShanghaiDateTime(transition.at)}</time>
      ),
      content: (
        <Space orientation="vertical" size={2} data-testid="status-transition">
          <Space size={4} wrap>
            {transition.from === null ? (
              <Typography.Text>{t('timeline.created')}</Typography.Text>
            ) : (
              <StatusTag status={transition.from} variants={variants} ns={ns} />
            )}
            <span aria-hidden="true">→</span>
            <StatusTag status={transition.to} variants={variants} ns={ns} />
          </Space>
          <Typography.Text type="secondary">
            {t('timeline.actor', { actor: transition.actor })}
          </Typography.Text>
          {transition.reason ? (
            <Typography.Text>{t('timeline.reason', { reason: transition.reason })}</Typography.Text>
          ) : null}
        </Space>
      ),
    };
  });
  return <Timeline items={items} />;
}
