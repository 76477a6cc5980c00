import type { Rng, Seat } from '@cardtable/engine';
import type { GolfAction, GolfView } from '../types.ts';
import { Appraiser, type Assessment } from './appraiser.ts';
import { knowledgeOf } from './knowledge.ts';
import { findProfile, type CpuProfile } from './profiles.ts';
import { temperamentOf } from './temperament.ts';

export interface CpuInput {
  view: GolfView;
  legal: readonly GolfAction[];
  seat: Seat;
  profile: string;
  rng: Rng;
}

interface Option extends Assessment {
  action: GolfAction;
}

/**
 * A CPU's move: every legal action is rated from the seat's view; the cheapest sane one is
 * played, except that with the profile's unpredictability a random sane one is.
 */
export function chooseAction({ view, legal, seat, profile: name, rng }: CpuInput): GolfAction {
  const profile = findProfile(name);
  if (!profile) throw new RangeError(`Golf has no CPU profile named "${name}".`);
  const only = legal.length === 1 ? legal[0] : undefined;
  if (only) return only;
  if (legal.length === 0) throw new RangeError(`Seat ${seat} has no legal action to choose.`);
  const options = rateAll(view, legal, seat, profile);
  return pick(options, rng, profile.unpredictability);
}

function rateAll(
  view: GolfView,
  legal: readonly GolfAction[],
  seat: Seat,
  profile: CpuProfile,
): Option[] {
  const knowledge = knowledgeOf(view, seat);
  const appraiser = new Appraiser(knowledge, temperamentOf(profile, knowledge));
  return legal.map((action) => {
    const { cost, dumb, reckless } = rate(action, appraiser);
    return { action, cost, dumb, reckless };
  });
}

const SANE = (cost: number): Assessment => ({ cost, dumb: false, reckless: false });

function rate(action: GolfAction, appraiser: Appraiser): Assessment {
  const { held } = appraiser.knowledge;
  switch (action.type) {
    case 'initialFlip':
      // Spread the first flips over different columns: more cards that a draw may pair.
      return SANE(-new Set(action.payload.slots.map((slot) => slot % 3)).size);
    case 'drawDeck':
      return appraiser.drawDeck();
    case 'takeDiscard':
      return appraiser.takeDiscard();
    case 'returnDiscard':
      // Taking and returning could go round for ever: a taken discard is always placed.
      return { cost: 0, dumb: true, reckless: false };
    case 'swap':
      return held
        ? appraiser.swap(held.card, held.source, action.payload.slot)
        : { cost: 0, dumb: true, reckless: false };
    case 'discard':
      return held ? appraiser.discard(held.card) : { cost: 0, dumb: true, reckless: false };
    case 'flip':
      return appraiser.flip(action.payload.slot);
    case 'skipFlip':
      return SANE(0);
    case 'knock':
      return appraiser.knock();
  }
}

/**
 * The cheapest sane option (ties broken at random), or, with probability `unpredictability`,
 * a random sane one: first a random kind of move, then a random move of that kind, so that six
 * possible flips do not crowd out drawing.
 */
function pick(options: readonly Option[], rng: Rng, unpredictability: number): GolfAction {
  const pool = [
    options.filter((o) => !o.dumb && !o.reckless),
    options.filter((o) => !o.dumb),
    options,
  ].find((candidates) => candidates.length > 0) as Option[];
  if (pool.length > 1 && rng.float() < unpredictability) {
    const types = [...new Set(pool.map((o) => o.action.type))];
    const type = types[rng.int(0, types.length - 1)];
    const ofType = pool.filter((o) => o.action.type === type);
    return (ofType[rng.int(0, ofType.length - 1)] as Option).action;
  }
  const lowest = Math.min(...pool.map((o) => o.cost));
  const best = pool.filter((o) => o.cost <= lowest + 1e-9);
  return (best[rng.int(0, best.length - 1)] as Option).action;
}
