export { createDepartmentApp, type DepartmentApp } from './department-app.js';
export {
  DepartmentModule,
  type DepartmentModuleProps,
  type DepartmentRoutesProps,
} from './department-module.js';
export { ModulePageSwitch, type ModulePageSwitchProps } from './module-page-switch.js';
export { PagedTable, type PagedTableProps } from './paged-table.js';
export { type DepartmentPage, StandaloneShell, type StandaloneShellProps } from './standalone-shell.js';
export {
  type ConnectionPage,
  type FilterArgs,
  filterVariables,
  type PagedConnection,
  type PagedConnectionOptions,
  usePagedConnection,
} from './use-paged-connection.js';
