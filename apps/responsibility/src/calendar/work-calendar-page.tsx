import { useQuery } from '@apollo/client/react';
import { formatShanghaiDate, useT } from '@safety/ui';
import { Alert, Calendar, Card, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { RESPONSIBILITY_NAMESPACE } from '../i18n/resources.js';
import { monthRange } from './month.js';
import { WorkCalendarDocument } from './operations.js';

/** 工作日历: the working days, holidays and 调休 of one month (deadlines count working days, domain §0.3). */
export function WorkCalendarPage() {
  const t = useT(RESPONSIBILITY_NAMESPACE);
  const [month, setMonth] = useState(() => formatShanghaiDate(new Date()).slice(0, 7));
  const { data, error } = useQuery(WorkCalendarDocument, { variables: monthRange(month) });
  const days = useMemo(() => new Map((data?.workCalendar ?? []).map((d) => [d.date, d])), [data]);
  const all = data?.workCalendar ?? [];
  const working = all.filter((d) => d.isWorkingDay).length;

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('calendar.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('calendar.hint')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} /> : null}
      <Space size="large" style={{ marginBottom: 8 }} data-testid="calendar-summary">
        <Typography.Text strong>{t('calendar.workingDays', { count: working })}</Typography.Text>
        <Typography.Text>{t('calendar.restDays', { count: all.length - working })}</Typography.Text>
        <Typography.Text>
          {t('calendar.makeUp', { count: all.filter((d) => d.isMakeUpWorkday).length })}
        </Typography.Text>
      </Space>
      <Card size="small">
        <Calendar
          onPanelChange={(date) => setMonth(date.format('YYYY-MM'))}
          onSelect={(date) => setMonth(date.format('YYYY-MM'))}
          cellRender={(date, info) => {
            if (info.type !== 'date') return info.originNode;
            const entry = days.get(date.format('YYYY-MM-DD'));
            if (!entry) return null;
            if (entry.isMakeUpWorkday)
              return <Tag color="orange">{entry.holidayName ?? t('calendar.work')}</Tag>;
            if (!entry.isWorkingDay)
              return (
                <Tag color={entry.holidayName ? 'red' : 'default'}>
                  {entry.holidayName ?? t('calendar.rest')}
                </Tag>
              );
            return null;
          }}
        />
      </Card>
    </>
  );
}
