import { ApiOutlined } from '@ant-design/icons';
import { useT } from '@safety/ui';
import { Button } from 'antd';
import { openGraphiql, sessionAccessToken } from '../graphiql/launch-graphiql.js';
import { ADMIN_NAMESPACE } from '../i18n/resources.js';

/** The gateway's offline GraphiQL (`/graphql` on this origin), signed in as the admin. */
export function GraphiqlButton() {
  const t = useT(ADMIN_NAMESPACE);
  return (
    <Button icon={<ApiOutlined />} onClick={() => openGraphiql(sessionAccessToken())}>
      {t('admin.openGraphiql')}
    </Button>
  );
}
