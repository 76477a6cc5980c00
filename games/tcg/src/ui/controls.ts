import type { TcgAction } from '../engine/actions.ts';
import type { TcgView } from '../engine/view.ts';

/** A card in hand that can be played, and what each of its targets may be. */
export interface PlayableCard {
  card: string;
  /** Per target binding, the ids that may be clicked (empty when the card takes no target). */
  targets: Record<string, string[]>;
  /** The complete actions, one per legal combination of targets. */
  actions: TcgAction[];
}

/** A unit's activated ability that can be used now, with its target choices. */
export interface ActivatableAbility extends PlayableCard {
  /** The ability's id on the unit's card (or its keyword). */
  ability: string;
}

/** What a table offers its player right now, grouped for clicking. */
export interface TcgControls {
  mulligan: { hand: string[] } | null;
  playable: PlayableCard[];
  /** Activated abilities of units on the board that can be used now. */
  activations: ActivatableAbility[];
  /** Attacker handle → the ids it may attack. */
  attacks: Record<string, string[]>;
  /** Energy or tool handle → the units it may be attached to. */
  attaches: Record<string, string[]>;
  decision: {
    id: string;
    kind: string;
    prompt: { key: string; params: Record<string, string | number> };
    /** The decision in words ("Firebolt: choose a target to deal 3 damage to ..."). */
    text: string;
    candidates: string[];
    labels: string[] | null;
    min: number;
    max: number;
  } | null;
  canPass: boolean;
  canEndTurn: boolean;
  canNextPhase: boolean;
  /** Battler rulesets only (null otherwise): what the battler's own actions offer. */
  battler: BattlerControls | null;
}

export interface BattlerControls {
  /** Attack ids the active creature may use now (`useAttack`). */
  attacks: string[];
  /** Benched creatures the active one may retreat to. */
  retreats: string[];
  /** Evolution card in hand → the creatures it may evolve. */
  evolutions: Record<string, string[]>;
  /** Setup choices (active + bench), while setting up. */
  setups: { active: string; bench: string[] }[];
}

/**
 * Groups a seat's legal actions the way a table shows them: cards to play with their target
 * choices, attackers with their targets, the decision to answer, pass and end turn. Built from
 * the view and the LEGAL list only, so a client can use it as is.
 */
export function tcgControls(view: TcgView, legal: readonly TcgAction[]): TcgControls {
  const playable = new Map<string, PlayableCard>();
  const activations = new Map<string, ActivatableAbility>();
  const attacks: Record<string, string[]> = {};
  const attaches: Record<string, string[]> = {};
  for (const action of legal) {
    if (action.type === 'play')
      gather(playable, action.payload.card, { card: action.payload.card }, action);
    else if (action.type === 'activate') {
      const { card, ability } = action.payload;
      gather(activations, `${card}/${ability}`, { card, ability }, action);
    } else if (action.type === 'attack')
      (attacks[action.payload.attacker] ??= []).push(action.payload.target);
    else if (action.type === 'attach')
      (attaches[action.payload.card] ??= []).push(action.payload.unit);
  }
  const battler: BattlerControls | null = view.battler
    ? { attacks: [], retreats: [], evolutions: {}, setups: [] }
    : null;
  if (battler)
    for (const action of legal) {
      if (action.type === 'useAttack') battler.attacks.push(action.payload.attack);
      else if (action.type === 'retreat') battler.retreats.push(action.payload.to);
      else if (action.type === 'evolve')
        (battler.evolutions[action.payload.card] ??= []).push(action.payload.unit);
      else if (action.type === 'setup') battler.setups.push(action.payload);
    }
  const pending = view.pending && 'candidates' in view.pending ? view.pending : null;
  const mine = pending && legal.some((a) => a.type === 'answer');
  const hand = view.seat === null ? [] : view.players[view.seat]!.zones.hand;
  return {
    mulligan: legal.some((a) => a.type === 'mulligan') && Array.isArray(hand) ? { hand } : null,
    playable: [...playable.values()],
    activations: [...activations.values()],
    attacks,
    attaches,
    decision: mine
      ? {
          id: pending.id,
          kind: pending.kind,
          prompt: pending.prompt,
          text: pending.text,
          candidates: pending.candidates,
          labels: pending.labels ?? null,
          min: pending.min,
          max: pending.max,
        }
      : null,
    canPass: legal.some((a) => a.type === 'pass'),
    canEndTurn: legal.some((a) => a.type === 'endTurn'),
    canNextPhase: legal.some((a) => a.type === 'nextPhase'),
    battler,
  };
}

/**
 * Adds an action with targets to its entry under `key` (made from `base` the first time): the
 * action, and its targets among the ids each binding may be.
 */
function gather<T extends PlayableCard>(
  entries: Map<string, T>,
  key: string,
  base: Omit<T, 'targets' | 'actions'>,
  action: Extract<TcgAction, { type: 'play' | 'activate' }>,
): void {
  const entry = entries.get(key) ?? ({ ...base, targets: {}, actions: [] } as unknown as T);
  for (const [binding, ids] of Object.entries(action.payload.targets ?? {}))
    entry.targets[binding] = [...new Set([...(entry.targets[binding] ?? []), ...ids])];
  entry.actions.push(action);
  entries.set(key, entry);
}

/**
 * The play (or activate) action for chosen targets, if those targets are a legal combination.
 */
export function playWith(card: PlayableCard, chosen: Record<string, string[]>): TcgAction | null {
  const key = (targets: Record<string, string[]> = {}) =>
    JSON.stringify(
      Object.keys(targets)
        .sort()
        .map((k) => [k, [...targets[k]!].sort()]),
    );
  return (
    card.actions.find(
      (a) => (a.type === 'play' || a.type === 'activate') && key(a.payload.targets) === key(chosen),
    ) ?? null
  );
}
