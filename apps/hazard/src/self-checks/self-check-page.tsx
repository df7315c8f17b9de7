import { useSession } from '@safety/client';
import { useT } from '@safety/ui';
import { Tabs, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Route, Routes } from 'react-router';
import { HAZARD_NAMESPACE } from '../i18n/resources.js';
import { DueChecks } from './due-checks.js';
import { ENTERPRISE_ROLES } from './labels.js';
import { RecordSelfCheckPage } from './record-self-check-page.js';
import { MissedSelfChecks, SelfCheckPlans, SelfCheckRecords } from './self-check-lists.js';

/** 自查任务 (domain §5.8): the tabs, and the phone-sized record form at `self-checks/record/:planId`. */
export function SelfCheckPage() {
  return (
    <Routes>
      <Route index element={<SelfCheckTabs />} />
      <Route path="record/:planId" element={<RecordSelfCheckPage />} />
      <Route path="*" element={<SelfCheckTabs />} />
    </Routes>
  );
}

type TabKey = 'due' | 'plans' | 'records' | 'missed';

/**
 * An enterprise user starts from the checks due now; a regulator from the missed checks in scope
 * (domain §5.8: missed planned checks are visible to the enterprise and its regulator).
 */
function SelfCheckTabs() {
  const t = useT(HAZARD_NAMESPACE);
  const account = useSession()?.account;
  const enterpriseUser = account?.roles.some((role) => ENTERPRISE_ROLES.includes(role)) ?? false;
  const own = enterpriseUser ? account?.scope.enterpriseIds[0] : undefined;
  const keys: TabKey[] = enterpriseUser
    ? ['due', 'plans', 'records', 'missed']
    : ['missed', 'plans', 'records'];
  // The tab is in the URL (?tab=), so a link (e.g. after recording a check) opens it.
  const [tab, setTabState] = useState<TabKey>(() => {
    const asked = new URLSearchParams(window.location.search).get('tab') as TabKey | null;
    return asked && keys.includes(asked) ? asked : keys[0]!;
  });
  const setTab = (key: string) => {
    // Each tab's list keeps its own filters in the URL: start each tab clean.
    const url = new URL(window.location.href);
    url.search = '';
    url.searchParams.set('tab', key);
    window.history.replaceState(window.history.state, '', url);
    setTabState(key as TabKey);
  };
  const content: Record<TabKey, ReactNode> = {
    due: <DueChecks enterpriseId={own} />,
    plans: <SelfCheckPlans enterpriseId={own} />,
    records: <SelfCheckRecords enterpriseId={own} />,
    missed: <MissedSelfChecks regulator={!enterpriseUser} />,
  };
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('selfCheck.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={keys.map((key) => ({ key, label: t(`selfCheck.tabs.${key}`), children: content[key] }))}
      />
    </>
  );
}
