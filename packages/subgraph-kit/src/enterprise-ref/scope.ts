import { enterpriseScopeCondition, type Principal } from '@safety/auth';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Restricts a query to the rows the principal may see (domain §2.4), in SQL: the row's
 * enterprise must satisfy the scope rule over `enterprise_ref`. Applies to lists, counts,
 * lookups by id, `_entities` and aggregates alike, because they all build on this.
 */
export function applyScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  principal: Principal | null,
  enterpriseIdExpression: string,
): SelectQueryBuilder<T> {
  if (!principal) return query.andWhere('false');
  const condition = enterpriseScopeCondition(principal, 'scope_ref');
  if (!condition) return query;
  return query.andWhere(
    `EXISTS (SELECT 1 FROM enterprise_ref scope_ref WHERE scope_ref.id = ${enterpriseIdExpression} AND ${condition.sql})`,
    condition.params,
  );
}
