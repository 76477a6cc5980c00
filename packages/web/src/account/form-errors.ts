import type { ApiError } from '@cardtable/sdk';

/** A refusal split for a form: the field it names (details.field), or the whole form. */
export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
}

export const NO_FORM_ERRORS: FormErrors = { fields: {}, form: null };

export function formErrors(error: ApiError): FormErrors {
  const field = error.details?.field;
  return typeof field === 'string'
    ? { fields: { [field]: error.message }, form: null }
    : { fields: {}, form: error.message };
}

/**
 * The first of `fields` left blank, said at its field before anything is sent: the server's
 * schema refuses an empty one in its own words ("Invalid /username: Expected string length…").
 */
export function blankField(
  fields: readonly (readonly [name: string, value: string, message: string])[],
): FormErrors | null {
  const blank = fields.find(([, value]) => value.trim() === '');
  return blank ? { fields: { [blank[0]]: blank[2] }, form: null } : null;
}
