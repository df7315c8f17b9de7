import { useQuery } from '@apollo/client/react';
import { useT } from '@safety/ui';
import { Tooltip, Typography } from 'antd';
import { ADMIN_NAMESPACE } from '../i18n/resources.js';
import { registryClient } from './client.js';
import { TokenUsageDocument } from './schema-operations.js';
import { formatTime } from './sdl-view.js';

/** What a machine token did in the last 30 days, from the gateway's usage reports to the registry. */
export function TokenUsageCell({ jti }: { jti: string }) {
  const t = useT(ADMIN_NAMESPACE);
  const { data, error } = useQuery(TokenUsageDocument, {
    client: registryClient(),
    variables: { jti, days: 30 },
    fetchPolicy: 'cache-and-network',
  });
  if (error) return <Typography.Text type="secondary">—</Typography.Text>;
  const usage = data?.tokenUsage;
  if (!usage) return null;
  if (usage.requests === 0) return <Typography.Text type="secondary">{t('token.unused')}</Typography.Text>;
  return (
    <Tooltip
      title={usage.operations
        .slice(0, 10)
        .map((o) => `${o.name ?? t('usage.anonymousOperation')} × ${o.count}`)
        .join('\n')}
    >
      <span data-testid={`token-usage-${jti}`}>
        {t('token.usageSummary', {
          requests: usage.requests,
          errors: usage.errors,
          lastSeen: formatTime(usage.lastSeen),
        })}
      </span>
    </Tooltip>
  );
}
