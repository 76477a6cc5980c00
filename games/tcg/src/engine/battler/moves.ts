import { fail, type Seat } from '@cardtable/engine';
import { cardOf, cardTypeOf } from '../../content/content.ts';
import type { Frame } from '../state.ts';
import type { Runner } from '../runner.ts';
import { raise } from '../triggers.ts';
import { moveCard } from '../zones.ts';
import { attackAbilityId } from '../../content/keywords.ts';
import { dealDamage } from '../damage.ts';
import { flipCoins, setActive } from './creatures.ts';
import { stadiumInPlay, toolProblem } from './play-rules.ts';
import {
  activeOf,
  attachedOf,
  battlerOf,
  benchOf,
  canEvolve,
  canPay,
  energyTypes,
  isFirstTurnOfGame,
  preventedBy,
} from './rules.ts';
import { pluralNoun } from '../../content/words.ts';

type Problem = ReturnType<typeof fail> | null;

/**
 * The battler's player actions, validated here and run by `decide`: attacking with one of the
 * active creature's attacks, retreating, evolving, attaching a tool and playing a stadium.
 * Each returns a rejection (changing nothing) or null once its events are emitted; the caller
 * then runs the work.
 */
export function attackProblem(r: Pick<Runner, 'state' | 'content'>, seat: Seat, id: string) {
  const rules = battlerOf(r.content);
  const attacker = activeOf(r.state, seat);
  if (!rules || !attacker) return `You have no active ${r.content.ruleset.vocabulary.unit}.`;
  if (rules.firstTurn.noAttack && isFirstTurnOfGame(r.state, seat))
    return 'The first player cannot attack on the first turn.';
  const def = cardOf(r.content, r.state.cards[attacker]!.defId);
  const attack = def.attacks?.find((a) => a.id === id);
  if (!attack) return `${def.name} has no attack "${id}".`;
  const condition = preventedBy(r.state, r.content, attacker, 'attack');
  if (condition) return `${def.name} is ${rules.conditions[condition]!.name.toLowerCase()}.`;
  if (!canPay(attack.cost, energyTypes(r.state, r.content, attacker), rules.wildcard))
    return `${attack.name} needs ${attack.cost.join(', ')} ${r.content.ruleset.resources.name} attached.`;
  return null;
}

export function useAttack(r: Runner, seat: Seat, id: string): Problem {
  const problem = attackProblem(r, seat, id);
  if (problem) return fail('CANNOT_ATTACK', problem);
  const rules = battlerOf(r.content)!;
  const attacker = activeOf(r.state, seat)!;
  const card = r.state.cards[attacker]!;
  const def = cardOf(r.content, card.defId);
  const attack = def.attacks!.find((a) => a.id === id)!;
  const defender = activeOf(r.state, seat === 0 ? 1 : 0);
  r.emit({ type: 'attackUsed', data: { attacker, attack: id, name: attack.name, defender } });
  r.work.push({ kind: 'advance', endTurn: true, step: null });
  for (const condition of card.conditions ?? []) {
    const flip = rules.conditions[condition]?.attackFlip;
    if (!flip) continue;
    const [heads] = flipCoins(r, seat, attacker, 1, `condition:${condition}`);
    if (!heads) {
      dealDamage(r, null, attacker, flip.tailsDamage, false);
      r.emit({ type: 'stepFizzled', data: { reason: condition, source: attacker } });
      return null;
    }
  }
  const frame: Frame = {
    id: `f${r.state.seq}-${r.events.length}`,
    ability: { card: card.defId, ability: attackAbilityId(id) },
    source: { handle: attacker, defId: card.defId, controller: seat, owner: card.owner },
    controller: seat,
    bindings: defender ? { defender: [defender] } : {},
    event: null,
    stage: { kind: 'run', loaded: false },
    cursors: [],
    awaiting: null,
    chosen: null,
  };
  r.work.push({ kind: 'ability', frame });
  raise(r, { on: 'attacks', subject: attacker, player: seat });
  return null;
}

export function retreatProblem(r: Pick<Runner, 'state' | 'content'>, seat: Seat, to: string) {
  const rules = battlerOf(r.content);
  const active = activeOf(r.state, seat);
  const { vocabulary, resources } = r.content.ruleset;
  if (!rules || !active) return `You have no active ${vocabulary.unit}.`;
  if ((r.state.battler!.turnCounts.retreat ?? 0) >= rules.retreatsPerTurn)
    return 'You have already retreated this turn.';
  if (!benchOf(r.state, seat).includes(to))
    return `Retreat to one of your benched ${pluralNoun(vocabulary.unit)}.`;
  const condition = preventedBy(r.state, r.content, active, 'retreat');
  const def = cardOf(r.content, r.state.cards[active]!.defId);
  if (condition) return `${def.name} is ${rules.conditions[condition]!.name.toLowerCase()}.`;
  const cost = def.retreat ?? 0;
  if (attachedOf(r.state, r.content, active, 'energy').length < cost)
    return `Retreating ${def.name} costs ${cost} ${resources.name}.`;
  return null;
}

/** Pays the retreat cost (the energy attached longest goes first) and swaps the creatures. */
export function retreat(r: Runner, seat: Seat, to: string): Problem {
  const problem = retreatProblem(r, seat, to);
  if (problem) return fail('CANNOT_RETREAT', problem);
  const active = activeOf(r.state, seat)!;
  const cost = cardOf(r.content, r.state.cards[active]!.defId).retreat ?? 0;
  for (const energy of attachedOf(r.state, r.content, active, 'energy').slice(0, cost))
    moveCard(r, energy.handle, { player: energy.owner, zone: 'discard' }, -1, 'retreat');
  r.emit({ type: 'turnCounted', data: { player: seat, key: 'retreat' } });
  setActive(r, seat, to, 'retreat');
  return null;
}

export function evolveProblem(
  r: Pick<Runner, 'state' | 'content'>,
  seat: Seat,
  hand: string,
  unit: string,
) {
  const card = r.state.cards[hand];
  if (!card || card.zone !== 'hand' || card.controller !== seat)
    return 'That card is not in your hand.';
  return canEvolve(r.state, r.content, seat, cardOf(r.content, card.defId), unit);
}

/** The creature keeps its handle, damage and attachments; the old card goes under it. */
export function evolve(r: Runner, seat: Seat, hand: string, unit: string): Problem {
  const problem = evolveProblem(r, seat, hand, unit);
  if (problem) return fail('CANNOT_EVOLVE', problem);
  r.emit({
    type: 'creatureEvolved',
    data: {
      player: seat,
      card: hand,
      unit,
      defId: r.state.cards[hand]!.defId,
      under: r.newHandle(),
      underDefId: r.state.cards[unit]!.defId,
    },
  });
  raise(r, { on: 'played', subject: unit, player: seat });
  return null;
}

export function attachTool(r: Runner, seat: Seat, hand: string, unit: string): Problem {
  const problem = toolProblem(r.state, r.content, seat, unit);
  if (problem) return fail('INVALID_TARGET', problem);
  r.emit({
    type: 'toolAttached',
    data: {
      player: seat,
      card: hand,
      handle: r.newHandle(),
      defId: r.state.cards[hand]!.defId,
      unit,
    },
  });
  return null;
}

/** A stadium goes to the shared spot (its owner's stadium zone); the one it replaces is discarded. */
export function playStadium(r: Runner, seat: Seat, hand: string): void {
  const zone = battlerOf(r.content)!.stadiumZone!;
  const old = stadiumInPlay(r.state, r.content);
  if (old) moveCard(r, old, { player: r.state.cards[old]!.owner, zone: 'discard' }, -1, 'discard');
  const def = cardOf(r.content, r.state.cards[hand]!.defId);
  r.emit({ type: 'turnCounted', data: { player: seat, key: `type:${def.type}` } });
  moveCard(r, hand, { player: seat, zone }, -1, 'played');
}

/** Records a card type played this turn (for per-turn limits such as one supporter). */
export function countPlay(r: Runner, seat: Seat, defId: string): void {
  const def = cardOf(r.content, defId);
  const type = cardTypeOf(r.content, def);
  if (type.kind === 'spell' && type.perTurn !== undefined)
    r.emit({ type: 'turnCounted', data: { player: seat, key: `type:${def.type}` } });
}
