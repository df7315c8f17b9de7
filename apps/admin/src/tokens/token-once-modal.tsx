import { useT } from '@safety/ui';
import { Alert, Descriptions, Modal, Typography } from 'antd';
import { ADMIN_NAMESPACE } from '../i18n/resources.js';
import { formatTime } from '../registry/sdl-view.js';

export interface IssuedSecret {
  username: string;
  token: string;
  jti: string;
  expiresAt: string;
}

/** A new machine token, shown this once: responsibility keeps only its jti, so a lost token is revoked and reissued. */
export function TokenOnceModal({ secret, onClose }: { secret: IssuedSecret | null; onClose: () => void }) {
  const t = useT(ADMIN_NAMESPACE);
  return (
    <Modal
      open={Boolean(secret)}
      title={t('token.onceTitle')}
      onCancel={onClose}
      onOk={onClose}
      okText={t('token.onceDone')}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
      width={720}
      destroyOnHidden
    >
      {secret ? (
        <>
          <Alert type="warning" showIcon title={t('token.onceWarning')} style={{ marginBottom: 16 }} />
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('token.account')}>{secret.username}</Descriptions.Item>
            <Descriptions.Item label="jti">
              <Typography.Text code>{secret.jti}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('token.expiresAt')}>{formatTime(secret.expiresAt)}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph
            data-testid="issued-token"
            copyable={{ text: secret.token, tooltips: [t('token.copy'), t('token.copied')] }}
            style={{
              fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
              fontSize: 12,
              wordBreak: 'break-all',
              background: '#f6f8fa',
              padding: 12,
              borderRadius: 6,
            }}
          >
            {secret.token}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('token.onceUsage')}</Typography.Text>
        </>
      ) : null}
    </Modal>
  );
}
