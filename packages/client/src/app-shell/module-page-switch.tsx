import { useT } from '@safety/ui';
import { Segmented } from 'antd';
import type { DepartmentPage } from './standalone-shell.js';

export interface ModulePageSwitchProps {
  pages: readonly DepartmentPage[];
  /** The module's i18n namespace (labels `module.<page key>`). */
  namespace: string;
  /** Where the module is mounted (`/hazard` in the portal, `/` standalone). */
  basePath: string;
  /** From the app's router (this package does not depend on react-router). */
  pathname: string;
  navigate: (path: string) => void;
}

/** Switches between a module's pages: the portal's menu has one entry per module, so the module shows its own. */
export function ModulePageSwitch({ pages, namespace, basePath, pathname, navigate }: ModulePageSwitchProps) {
  const t = useT(namespace);
  const active = pages.find((page) => pathname.includes(`/${page.path}`)) ?? pages[0];
  if (!active || pages.length < 2) return null;
  return (
    <Segmented
      style={{ marginBottom: 16 }}
      value={active.path}
      options={pages.map((page) => ({ value: page.path, label: t(`module.${page.key}`) }))}
      onChange={(path) => navigate(`${basePath.replace(/\/$/, '')}/${path}`)}
    />
  );
}
