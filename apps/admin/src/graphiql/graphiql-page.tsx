import { ApiOutlined } from '@ant-design/icons';
import { useT } from '@safety/ui';
import { Alert, Button, Card, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { ADMIN_NAMESPACE } from '../i18n/resources.js';
import { GATEWAY_GRAPHIQL, openGraphiql, sessionAccessToken } from './launch-graphiql.js';

type Identity = 'session' | 'token' | 'anonymous';

/**
 * GraphiQL: no GraphiQL React package is installed in this workspace, so the console opens the
 * gateway's own offline GraphiQL (bundled by @graphql-yoga/render-graphiql, no CDN) with the chosen
 * identity already in its headers.
 */
export function GraphiqlPage() {
  const t = useT(ADMIN_NAMESPACE);
  const [identity, setIdentity] = useState<Identity>('session');
  const [pasted, setPasted] = useState('');
  const session = sessionAccessToken();
  const token = identity === 'session' ? session : identity === 'token' ? pasted.trim() || null : null;
  const blocked = (identity === 'session' && !session) || (identity === 'token' && !pasted.trim());

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 880 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        GraphiQL
      </Typography.Title>
      <Alert type="info" showIcon title={t('graphiql.offline')} description={t('graphiql.offlineDetail')} />
      <Card>
        <Form layout="vertical">
          <Form.Item label={t('graphiql.identity')}>
            <Radio.Group value={identity} onChange={(event) => setIdentity(event.target.value as Identity)}>
              <Space direction="vertical">
                <Radio value="session">{t('graphiql.asSession')}</Radio>
                <Radio value="token">{t('graphiql.asToken')}</Radio>
                <Radio value="anonymous">{t('graphiql.anonymous')}</Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
          {identity === 'token' ? (
            <Form.Item label={t('graphiql.token')} extra={t('graphiql.tokenHint')}>
              <Input.Password
                data-testid="graphiql-token"
                value={pasted}
                onChange={(event) => setPasted(event.target.value)}
                autoComplete="off"
              />
            </Form.Item>
          ) : null}
          {identity === 'anonymous' ? (
            <Alert type="warning" showIcon title={t('graphiql.anonymousHint')} style={{ marginBottom: 16 }} />
          ) : null}
          {identity === 'session' && !session ? (
            <Alert type="warning" showIcon title={t('graphiql.noSession')} style={{ marginBottom: 16 }} />
          ) : null}
          <Button
            type="primary"
            icon={<ApiOutlined />}
            disabled={blocked}
            onClick={() => openGraphiql(token)}
            data-testid="open-graphiql"
          >
            {t('admin.openGraphiql')}
          </Button>
          <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
            {GATEWAY_GRAPHIQL}
          </Typography.Text>
        </Form>
      </Card>
    </Space>
  );
}
