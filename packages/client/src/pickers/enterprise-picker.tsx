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

/** The server filters by name, short name or USCC and by the caller's data scope. */
export const EnterprisePickerSearchDocument = graphql(`
  query EnterprisePickerSearch($search: String, $townshipCode: String, $first: Int!) {
    enterprises(search: $search, townshipCode: $townshipCode, first: $first) {
      nodes {
        id
        name
        townshipName
      }
    }
  }
`);

export const EnterprisePickerOneDocument = graphql(`
  query EnterprisePickerOne($id: ID!) {
    enterprise(id: $id) {
      id
      name
      townshipName
    }
  }
`);

export type EnterprisePickerProps = PickerValueProps &
  PickerSelectProps & {
    /** Only enterprises of this town (镇 division code). */
    townshipCode?: string;
    /** Wait this long after the last keystroke before asking the server; default 300 ms. */
    debounceMs?: number;
  };

const PAGE = 20;

const toOption = (e: { id: string; name: string; townshipName: string }): PickerOption => ({
  value: e.id,
  label: e.name,
  description: e.townshipName,
});

/** 企业选择: remote search over the enterprises in the caller's scope; value is the enterprise id. */
export function EnterprisePicker({
  townshipCode,
  debounceMs = 300,
  placeholder,
  ...props
}: EnterprisePickerProps) {
  const t = useT();
  const client = useApolloClient();
  const [text, setText] = useState('');
  const search = useDebouncedValue(text.trim(), debounceMs);
  const { data, previousData, loading } = useQuery(EnterprisePickerSearchDocument, {
    variables: { search: search || undefined, townshipCode, first: PAGE },
  });
  const nodes = (data ?? previousData)?.enterprises.nodes;
  const options = useMemo(() => (nodes ?? []).map(toOption), [nodes]);
  const resolveLabels = useCallback(
    async (ids: string[]) => {
      const found = await Promise.all(
        ids.map((id) =>
          client
            .query({ query: EnterprisePickerOneDocument, variables: { id } })
            .then(({ data: one }) => one?.enterprise)
            .catch(() => null),
        ),
      );
      return found.flatMap((e) => (e ? [toOption(e)] : []));
    },
    [client],
  );
  return (
    <PickerSelect
      {...props}
      placeholder={placeholder ?? t('picker.enterprise')}
      options={options}
      loading={loading || text.trim() !== search}
      onSearch={setText}
      resolveLabels={resolveLabels}
      notFound={t('picker.enterpriseNone')}
    />
  );
}
