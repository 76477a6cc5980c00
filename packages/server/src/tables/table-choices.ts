import type { CreateMatchRequest, ErrorBody } from '@cardtable/sdk/protocol';
import type { Principal } from '../auth/tokens.ts';
import { isRegistered } from '../auth/registered.ts';
import { errorBody } from '../errors.ts';
import { rulesCountForRatings } from '../social/rated-rules.ts';

const people = (seats: CreateMatchRequest['seats']) =>
  seats.filter((seat) => seat.kind === 'human').length;

/**
 * Why a hand-made table's rated or listed choice is refused, or null. Rated: accounts only,
 * rules that count for ratings (Golf: standard rules), and someone else to play. Listed: a free
 * seat for someone to join.
 */
export function tableChoiceRefusal(
  user: Pick<Principal, 'guest'>,
  game: string,
  options: unknown,
  body: Pick<CreateMatchRequest, 'seats' | 'rated' | 'listed' | 'draft'>,
): ErrorBody | null {
  if (body.draft && (body.rated || body.listed))
    return errorBody('BAD_REQUEST', 'A playtest of a draft is never rated or listed.');
  if (body.rated) {
    if (!isRegistered(user))
      return errorBody('FORBIDDEN', 'Rated play needs an account; guests play casual.');
    if (!rulesCountForRatings(game, options))
      return errorBody(
        'BAD_REQUEST',
        'Only standard Golf rules count for ratings: no house rules, jokers, flips after discarding or changed starting flips.',
      );
    if (people(body.seats) < 2)
      return errorBody('BAD_REQUEST', 'A rated table needs a seat for another person.');
  }
  if (body.listed && people(body.seats) < 2)
    return errorBody('BAD_REQUEST', 'An open table needs a free seat for someone to join.');
  return null;
}
