import type { ApiIssue } from './types';

export interface FieldErrors<F extends string> {
  /** First reason per form field. */
  byField: Partial<Record<F, string>>;
  /** Issues the form has no field for, shown above the buttons. */
  general: string[];
}

/**
 * Spreads the server's `details.issues` over the form's fields. `field` is a dotted path
 * (`deliveryCommunes.2`); `fieldFor` maps its first segment to a form field, or null.
 */
export function mapIssuesToFields<F extends string>(issues: ApiIssue[], fieldFor: (apiField: string) => F | null): FieldErrors<F> {
  const byField: Partial<Record<F, string>> = {};
  const general: string[] = [];
  for (const issue of issues) {
    const head = issue.field.split(/[.[]/)[0] ?? '';
    const field = fieldFor(head);
    if (field === null) general.push(issue.field ? `${issue.field} : ${issue.reason}` : issue.reason);
    else if (byField[field] === undefined) byField[field] = issue.reason;
  }
  return { byField, general };
}
