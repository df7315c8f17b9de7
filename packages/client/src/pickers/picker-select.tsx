import { Select, type SelectProps, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';

/** One choice of a picker: `value` is the id the form stores, `description` a second line (e.g. the town). */
export interface PickerOption {
  value: string;
  label: string;
  description?: string;
}

/** Select props a picker passes through (placeholder, style, aria-label, status, …); the picker owns the rest. */
export type PickerSelectProps = Omit<
  SelectProps,
  | 'mode'
  | 'value'
  | 'defaultValue'
  | 'onChange'
  | 'options'
  | 'showSearch'
  | 'onSearch'
  | 'filterOption'
  | 'loading'
  | 'labelInValue'
  | 'optionRender'
  | 'notFoundContent'
>;

/** Single: one id (or none). Works with antd Form.Item, which injects value and onChange. */
export interface SinglePickerProps {
  multiple?: false;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
}

/** Multiple: a list of ids. */
export interface MultiplePickerProps {
  multiple: true;
  value?: string[] | null;
  onChange?: (value: string[]) => void;
}

export type PickerValueProps = SinglePickerProps | MultiplePickerProps;

interface PickerSelectInternalProps {
  options: PickerOption[];
  loading: boolean;
  /** Remote search: called with each keystroke's text (the picker debounces); absent for local filtering. */
  onSearch?: (text: string) => void;
  /** Labels of selected ids not seen in any result yet (e.g. a form opened on saved data). */
  resolveLabels?: (ids: string[]) => Promise<PickerOption[]>;
  notFound: string;
}

function idsOf(value: string | string[] | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * The Select under every picker: remote or local search, name plus a second line, and the labels of
 * selected ids remembered across searches (labelInValue inside, plain ids outside).
 */
export function PickerSelect({
  options,
  loading,
  onSearch,
  resolveLabels,
  notFound,
  multiple,
  value,
  onChange,
  ...select
}: PickerSelectInternalProps & PickerValueProps & PickerSelectProps) {
  const known = useRef(new Map<string, PickerOption>());
  const [, setResolved] = useState(0);
  for (const option of options) known.current.set(option.value, option);

  // Controlled when `value` is given (Form.Item does), otherwise the picker keeps its own selection.
  const [own, setOwn] = useState<string[]>([]);
  const ids = value === undefined ? own : idsOf(value);
  const missing = ids.filter((id) => !known.current.has(id));
  const missingKey = missing.join(',');
  useEffect(() => {
    if (!missingKey || !resolveLabels) return;
    let live = true;
    void resolveLabels(missingKey.split(',')).then((found) => {
      for (const option of found) known.current.set(option.value, option);
      if (live && found.length > 0) setResolved((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [missingKey, resolveLabels]);

  const labelled = ids.map((id) => ({ value: id, label: known.current.get(id)?.label ?? id }));
  const selectOptions = useMemo(
    () => options.map((o) => ({ value: o.value, label: o.label, description: o.description })),
    [options],
  );

  const change = (next: unknown) => {
    const picked = (Array.isArray(next) ? next : next ? [next] : []) as Array<{ value: string }>;
    if (value === undefined) setOwn(picked.map((p) => p.value));
    if (multiple) (onChange as MultiplePickerProps['onChange'])?.(picked.map((p) => p.value));
    else (onChange as SinglePickerProps['onChange'])?.(picked[0]?.value);
  };

  return (
    <Select
      allowClear
      {...select}
      mode={multiple ? 'multiple' : undefined}
      labelInValue
      value={multiple ? labelled : (labelled[0] ?? null)}
      onChange={change}
      options={selectOptions}
      loading={loading}
      onOpenChange={(open) => {
        if (!open) onSearch?.(''); // the next opening starts from the full list again
        select.onOpenChange?.(open);
      }}
      showSearch={onSearch ? { onSearch, filterOption: false } : { optionFilterProp: 'label' }}
      notFoundContent={loading ? null : notFound}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          {option.data.description ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {option.data.description}
            </Typography.Text>
          ) : null}
        </div>
      )}
    />
  );
}
