import { useApolloClient, useQuery } from '@apollo/client/react';
import { useT } from '@safety/ui';
import { useCallback, useMemo, useState } from 'react';
import { graphql } from '../gql/index.js';
import {
  type PickerOption,
  PickerSelect,
  type PickerSelectProps,
  type PickerValueProps,
} from './picker-select.js';
import { useDebouncedValue } from './use-debounced-value.js';

/** 县直部门: org units of type DEPARTMENT, searched by name or code on the server. */
export const DepartmentPickerSearchDocument = graphql(`
  query DepartmentPickerSearch($search: String, $first: Int!) {
    orgUnits(type: DEPARTMENT, search: $search, first: $first) {
      nodes {
        id
        code
        name
        parent {
          id
          name
        }
      }
    }
  }
`);

export const DepartmentPickerOneDocument = graphql(`
  query DepartmentPickerOne($id: ID!) {
    orgUnit(id: $id) {
      id
      code
      name
      parent {
        id
        name
      }
    }
  }
`);

export type DepartmentPickerProps = PickerValueProps &
  PickerSelectProps & {
    /** Wait this long after the last keystroke before asking the server; default 300 ms. */
    debounceMs?: number;
  };

// The county has a few dozen departments: one page holds them all.
const PAGE = 100;

const toOption = (unit: { id: string; name: string; parent?: { name: string } | null }): PickerOption => ({
  value: unit.id,
  label: unit.name,
  ...(unit.parent ? { description: unit.parent.name } : {}),
});

/** 部门选择: the county's departments (县直部门); value is the org unit id. */
export function DepartmentPicker({ debounceMs = 300, placeholder, ...props }: DepartmentPickerProps) {
  const t = useT();
  const client = useApolloClient();
  const [text, setText] = useState('');
  const search = useDebouncedValue(text.trim(), debounceMs);
  const { data, previousData, loading } = useQuery(DepartmentPickerSearchDocument, {
    variables: { search: search || undefined, first: PAGE },
  });
  const nodes = (data ?? previousData)?.orgUnits.nodes;
  const options = useMemo(() => (nodes ?? []).map(toOption), [nodes]);
  const resolveLabels = useCallback(
    async (ids: string[]) => {
      const found = await Promise.all(
        ids.map((id) =>
          client
            .query({ query: DepartmentPickerOneDocument, variables: { id } })
            .then(({ data: one }) => one?.orgUnit)
            .catch(() => null),
        ),
      );
      return found.flatMap((unit) => (unit ? [toOption(unit)] : []));
    },
    [client],
  );
  return (
    <PickerSelect
      {...props}
      placeholder={placeholder ?? t('picker.department')}
      options={options}
      loading={loading || text.trim() !== search}
      onSearch={setText}
      resolveLabels={resolveLabels}
      notFound={t('picker.departmentNone')}
    />
  );
}
