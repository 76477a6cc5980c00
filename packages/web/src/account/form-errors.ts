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
