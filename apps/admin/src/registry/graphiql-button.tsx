import { ApiOutlined } from '@ant-design/icons';
import { useT } from '@safety/ui';
import { Button } from 'antd';
import { ADMIN_NAMESPACE } from '../i18n/resources.js';

/** The gateway's offline GraphiQL, served at `/graphql` on this origin (static server proxy). */
export function GraphiqlButton() {
  const t = useT(ADMIN_NAMESPACE);
  return (
    <Button icon={<ApiOutlined />} href="/graphql" target="_blank" rel="noopener noreferrer">
      {t('admin.openGraphiql')}
    </Button>
  );
}
