import { Tag } from 'antd';
import type { OperatingStatus, SupervisionClass } from '../gql/graphql.js';

/** A–D: lowest to highest concern (domain §6.2); variants as data. */
const CLASS_COLOURS: Record<SupervisionClass, string> = { A: 'blue', B: 'green', C: 'orange', D: 'red' };

const STATUS_COLOURS: Record<OperatingStatus, string> = {
  UNDER_CONSTRUCTION: 'processing',
  TRIAL_RUN: 'processing',
  OPERATING: 'success',
  SUSPENDED: 'warning',
  ORDERED_RECTIFICATION: 'error',
  CLOSED: 'default',
  DEREGISTERED: 'default',
};

export function SupervisionClassTag({ value, label }: { value: SupervisionClass; label: string }) {
  return <Tag color={CLASS_COLOURS[value]}>{label}</Tag>;
}

export function OperatingStatusTag({ value, label }: { value: OperatingStatus; label: string }) {
  return <Tag color={STATUS_COLOURS[value]}>{label}</Tag>;
}
