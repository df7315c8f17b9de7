import { Tag } from 'antd';
import { useT } from '../i18n/i18n.js';

export interface StatusVariant {
  /** An antd preset (`success`, `processing`, `error`, `warning`, `default`, `red`, …) or a hex colour. */
  colour: string;
  /** i18n key; looked up in `ns` (an app namespace) and shown as is when missing. */
  labelKey: string;
}

/** A state machine's statuses as data: status → colour + label. */
export type StatusVariants<S extends string> = Record<S, StatusVariant>;

export interface StatusTagProps<S extends string> {
  status: S;
  variants: StatusVariants<S>;
  /** i18n namespace of the label keys (default: the library's). */
  ns?: string;
  /** Interpolation values for the label. */
  values?: Record<string, unknown>;
  className?: string;
}

/** A state-machine status as a coloured tag; unknown statuses show their code in the default colour. */
export function StatusTag<S extends string>({ status, variants, ns, values, className }: StatusTagProps<S>) {
  const t = useT(ns);
  const variant = variants[status] as StatusVariant | undefined;
  return (
    <Tag className={className} color={variant?.colour ?? 'default'} data-status={status}>
      {variant ? t(variant.labelKey, values) : status}
    </Tag>
  );
}
