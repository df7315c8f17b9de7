import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { graphql } from '../gql/index.js';
import { PickerSelect, type PickerSelectProps, type PickerValueProps } from './picker-select.js';

/** The county's 18 towns (镇), ordered by code. */
export const TownPickerTownsDocument = graphql(`
  query TownPickerTowns {
    divisions(level: TOWN) {
      code
      name
    }
  }
`);

export type TownPickerProps = PickerValueProps & PickerSelectProps;

/** 乡镇选择: the towns, filtered locally as you type; value is the division code (e.g. 620621100). */
export function TownPicker({ placeholder = '选择乡镇', ...props }: TownPickerProps) {
  const { data, loading } = useQuery(TownPickerTownsDocument);
  const options = useMemo(
    () => (data?.divisions ?? []).map((town) => ({ value: town.code, label: town.name })),
    [data],
  );
  return (
    <PickerSelect
      {...props}
      placeholder={placeholder}
      options={options}
      loading={loading}
      notFound="没有匹配的乡镇"
    />
  );
}
