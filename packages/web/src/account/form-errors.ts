import type { ApiError } from '@cardtable/sdk';

/**
 * A refusal split for a form: every field it names (details.fields, a signup refusing several
 * at once), the one field it names (details.field), or the whole form.
 */
export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
}

export const NO_FORM_ERRORS: FormErrors = { fields: {}, form: null };

export function formErrors(error: ApiError): FormErrors {
  const fields = error.details?.fields;
  if (isSentences(fields)) return { fields, form: null };
  const field = error.details?.field;
  return typeof field === 'string'
    ? { fields: { [field]: error.message }, form: null }
    : { fields: {}, form: error.message };
}

/**
 * Every one of `fields` left blank, each said at its field before anything is sent (one at a
 * time, a new player filled the form in three rounds): the server's schema refuses an empty one
 * in its own words ("Invalid /username: Expected string length…"). In the fields' order: the
 * first is where the cursor goes.
 */
export function blankFields(
  fields: readonly (readonly [name: string, value: string, message: string])[],
): FormErrors | null {
  const blank = fields.filter(([, value]) => value.trim() === '');
  return blank.length === 0
    ? null
    : { fields: Object.fromEntries(blank.map(([name, , message]) => [name, message])), form: null };
}

const isSentences = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  Object.keys(value).length > 0 &&
  Object.values(value).every((sentence) => typeof sentence === 'string');
