export {
  type FilterValues,
  type PageInfo,
  ServerTable,
  type ServerTableColumn,
  type ServerTableFilter,
  type ServerTableProps,
  useUrlFilters,
} from './server-table.js';
