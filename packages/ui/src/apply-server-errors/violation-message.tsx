import { type TranslateFn, useT } from '../i18n/i18n.js';
import { zhCN } from '../i18n/resources.js';

/** One failed class-validator constraint as the server reports it (`extensions.violations[path][i]`). */
export interface Violation {
  /** class-validator's constraint name: `isNotEmpty`, `minLength`, `isLength`, `min`, `isUuid`, … */
  constraint: string;
  /** The decorator's bounds, named: `{ min: 2 }`, `{ min: 2, max: 40 }`. */
  args?: Record<string, number | string>;
}

type ValidationKey = keyof typeof zhCN.validation;

/** The placeholders each message needs (from the source strings), so a message never shows a bare `{{min}}`. */
const NEEDED_ARGS = Object.fromEntries(
  Object.entries(zhCN.validation).map(([key, text]) => [
    key,
    [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]!),
  ]),
) as Record<ValidationKey, string[]>;

const isKnown = (constraint: string): constraint is ValidationKey =>
  constraint !== 'invalid' && Object.hasOwn(NEEDED_ARGS, constraint);

const present = (value: unknown) => value !== undefined && value !== null && value !== '';

/** `@Length(2)` is a minimum, `@Length(0, 40)` a maximum, `@Length(18, 18)` an exact length. */
function lengthKey(args: Record<string, number | string>): ValidationKey {
  if (!present(args.max)) return 'minLength';
  if (!present(args.min) || Number(args.min) === 0) return 'maxLength';
  return Number(args.min) === Number(args.max) ? 'isLengthExact' : 'isLength';
}

/**
 * A violation in the current language (namespace `safety`, block `validation`); an unknown constraint
 * or one missing its bounds gets the generic `validation.invalid`, which in English is `fallback`
 * (the server's own sentence).
 */
export function violationMessage(t: TranslateFn, violation: Violation, fallback: string): string {
  const args = violation.args ?? {};
  const key = violation.constraint === 'isLength' ? lengthKey(args) : violation.constraint;
  if (isKnown(key) && NEEDED_ARGS[key].every((name) => present(args[name])))
    return t(`validation.${key}`, args);
  return t('validation.invalid', { message: fallback });
}

/** Renders {@link violationMessage} and follows language switches, as a form field's error. */
export function ViolationMessage({ violation, fallback }: { violation: Violation; fallback: string }) {
  const t = useT();
  return <>{violationMessage(t, violation, fallback)}</>;
}
