import { useQuery } from '@apollo/client/react';
import { useT } from '@safety/ui';
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
export function TownPicker({ placeholder, ...props }: TownPickerProps) {
  const t = useT();
  const { data, loading } = useQuery(TownPickerTownsDocument);
  const options = useMemo(
    () => (data?.divisions ?? []).map((town) => ({ value: town.code, label: town.name })),
    [data],
  );
  return (
    <PickerSelect
      {...props}
      placeholder={placeholder ?? t('picker.town')}
      options={options}
      loading={loading}
      notFound={t('picker.townNone')}
    />
  );
}
