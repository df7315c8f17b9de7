import { useLazyQuery, useQuery } from '@apollo/client/react';
import { useT } from '@safety/ui';
import { Alert, Button, Card, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ADMIN_NAMESPACE } from '../i18n/resources.js';
import { ChangesTable } from './changes-table.js';
import { registryClient } from './client.js';
import { CheckSubgraphDocument, CheckSubgraphsDocument } from './schema-operations.js';
import { errorMarkers, SdlView } from './sdl-view.js';

/**
 * 变更检查: a proposed subgraph SDL checked against the live supergraph without publishing it:
 * composition errors at their line, the classified public API diff (usage-aware), the operations and
 * clients a breaking change would fail, and the registered app documents it breaks.
 */
export function CheckPage() {
  const t = useT(ADMIN_NAMESPACE);
  const client = registryClient();
  const { data, error: listError } = useQuery(CheckSubgraphsDocument, {
    client,
    fetchPolicy: 'cache-and-network',
  });
  const [name, setName] = useState<string>();
  const [sdl, setSdl] = useState('');
  const [checkedSdl, setCheckedSdl] = useState('');
  const [runCheck, { data: result, loading, error }] = useLazyQuery(CheckSubgraphDocument, {
    client,
    fetchPolicy: 'network-only',
  });
  const subgraphs = data?.subgraphs ?? [];
  const chosen = subgraphs.find((s) => s.name === name);
  const current = chosen?.liveVersion ?? chosen?.latestVersion;
  const check = result?.checkSubgraph;
  const placed = useMemo(() => (check ? errorMarkers(check.errors) : null), [check]);

  const run = () => {
    if (!name || !sdl.trim()) return;
    setCheckedSdl(sdl);
    void runCheck({ variables: { name, sdl } });
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('check.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('check.hint')}</Typography.Text>
      {listError ? (
        <Alert type="error" showIcon title={t('admin.loadFailed')} description={listError.message} />
      ) : null}
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Select
              data-testid="check-subgraph"
              style={{ width: 220 }}
              placeholder={t('check.pickSubgraph')}
              value={name}
              onChange={(value: string) => {
                setName(value);
                const picked = subgraphs.find((s) => s.name === value);
                setSdl((picked?.liveVersion ?? picked?.latestVersion)?.sdl ?? '');
              }}
              options={subgraphs.map((s) => ({ value: s.name, label: s.name }))}
            />
            <Button disabled={!current} onClick={() => setSdl(current?.sdl ?? '')}>
              {t('check.loadCurrent')}
              {current ? ` (v${current.version})` : ''}
            </Button>
            <Button
              type="primary"
              data-testid="run-check"
              disabled={!name || !sdl.trim()}
              loading={loading}
              onClick={run}
            >
              {t('check.run')}
            </Button>
          </Space>
          <Input.TextArea
            data-testid="check-sdl"
            value={sdl}
            onChange={(event) => setSdl(event.target.value)}
            placeholder={t('check.sdlPlaceholder')}
            spellCheck={false}
            autoSize={{ minRows: 12, maxRows: 28 }}
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 }}
          />
        </Space>
      </Card>
      {error ? <Alert type="error" showIcon title={t('check.failed')} description={error.message} /> : null}
      {check && placed ? (
        <Card size="small" title={t('check.result')} data-testid="check-result">
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Space wrap>
              <Tag color={check.composes ? 'green' : 'red'} data-testid="check-composes">
                {check.composes ? t('check.composes') : t('check.doesNotCompose')}
              </Tag>
              {check.composes ? (
                <Tag color={check.breaking ? 'red' : 'green'} data-testid="check-verdict">
                  {check.breaking ? t('check.breaking') : t('check.notBreaking')}
                </Tag>
              ) : null}
              {check.liveSupergraphVersion ? (
                <Typography.Text type="secondary">
                  {t('check.against', { version: check.liveSupergraphVersion })}
                </Typography.Text>
              ) : null}
            </Space>
            {check.pinned ? <Alert type="warning" showIcon title={t('check.pinned')} /> : null}
            {check.composes && check.breaking ? (
              <Alert type="error" showIcon title={t('check.wouldBeHeld')} />
            ) : null}
            {!check.composes ? (
              <>
                <Alert type="error" showIcon title={t('check.neverLive')} />
                {placed.unplaced.map((message) => (
                  <Alert key={message} type="error" showIcon title={message} />
                ))}
                <SdlView sdl={checkedSdl} markers={placed.markers} testId="check-errors-sdl" />
              </>
            ) : null}
            {check.composes ? <ChangesTable changes={check.changes} testId="check-changes" /> : null}
            {check.brokenDocuments.length ? (
              <div data-testid="broken-documents">
                <Typography.Title level={5}>{t('check.brokenDocuments')}</Typography.Title>
                <List
                  size="small"
                  bordered
                  dataSource={check.brokenDocuments}
                  renderItem={(doc) => (
                    <List.Item>
                      <Tag color="purple">{doc.clientName}</Tag>
                      {doc.operationName ?? t('usage.anonymousOperation')}{' '}
                      <Typography.Text type="secondary" code>
                        {doc.hash.replace(/^sha256:/, '').slice(0, 12)}
                      </Typography.Text>
                    </List.Item>
                  )}
                />
              </div>
            ) : null}
          </Space>
        </Card>
      ) : null}
    </Space>
  );
}
