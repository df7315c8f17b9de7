import { Button, Empty, Typography } from 'antd';
import type { ReactNode } from 'react';

export interface EmptyStateAction {
  label: ReactNode;
  onClick: () => void;
  icon?: ReactNode;
}

export interface EmptyStateProps {
  /** What is missing, e.g. 还没有隐患记录. */
  title: ReactNode;
  /** What to do next, e.g. 点击"上报隐患"登记第一条隐患。 */
  description?: ReactNode;
  /** The next step as a primary button. */
  action?: EmptyStateAction;
  /** `simple` for inside tables and cards. */
  image?: 'default' | 'simple';
}

/** An empty state that tells the user what to do next, not just that nothing is there. */
export function EmptyState({ title, description, action, image = 'default' }: EmptyStateProps) {
  return (
    <Empty
      image={image === 'simple' ? Empty.PRESENTED_IMAGE_SIMPLE : Empty.PRESENTED_IMAGE_DEFAULT}
      description={
        <div role="status">
          <Typography.Title level={5} style={{ marginBottom: 4 }}>
            {title}
          </Typography.Title>
          {description ? <Typography.Text type="secondary">{description}</Typography.Text> : null}
        </div>
      }
    >
      {action ? (
        <Button type="primary" icon={action.icon} onClick={action.onClick}>
          {action.label}
        </Button>
      ) : null}
    </Empty>
  );
}
