import type { ApiError } from '@cardtable/sdk';
import type { SetupErrors } from './TcgMatchForm.tsx';

interface Diagnostic {
  message: string;
  path?: string;
}

const isDiagnostic = (value: unknown): value is Diagnostic =>
  typeof value === 'object' && value !== null && typeof (value as Diagnostic).message === 'string';

/**
 * A refused match, message by message at the field it is about: the validator's diagnostics
 * whose path names a seat (`seats[1].deck...`) go under that seat's deck, the rest under the form.
 */
export function setupErrors(error: ApiError): SetupErrors {
  const found = error.details?.errors;
  const diagnostics = Array.isArray(found) ? found.filter(isDiagnostic) : [];
  const result: SetupErrors = { decks: [[], []], form: [] };
  for (const diagnostic of diagnostics) {
    const seat = /^seats\[(\d)\]/.exec(diagnostic.path ?? '')?.[1];
    if (seat === '0' || seat === '1') result.decks[Number(seat)]!.push(diagnostic.message);
    else result.form.push(diagnostic.message);
  }
  if (diagnostics.length === 0) result.form.push(error.message);
  return result;
}
