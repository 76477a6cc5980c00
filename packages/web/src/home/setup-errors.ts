import type { ApiError } from '@cardtable/sdk';
import type { SetupErrors } from './TcgMatchForm.tsx';

/**
 * A refused match, each message at the field it is about: a bad deck comes back as
 * `details: {seat, problems}` (the validator's sentences) and goes under that seat's deck;
 * anything else goes under the form.
 */
export function setupErrors(error: ApiError): SetupErrors {
  const { seat, problems } = (error.details ?? {}) as { seat?: unknown; problems?: unknown };
  const sentences = Array.isArray(problems)
    ? problems.filter((p): p is string => typeof p === 'string')
    : [];
  const result: SetupErrors = { decks: [[], []], form: [] };
  if ((seat === 0 || seat === 1) && sentences.length > 0) result.decks[seat] = sentences;
  else result.form.push(error.message, ...sentences);
  return result;
}
