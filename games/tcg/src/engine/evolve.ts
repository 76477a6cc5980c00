import { Immer } from 'immer';
import type { TcgEvent, ZoneRef } from './events.ts';
import { ATTACHED, heroSeat, STACK, type CardInstance, type TcgState } from './state.ts';

// States are never mutated after they are made, so freezing them would only cost time.
const immer = new Immer({ autoFreeze: false });

/** Folds one event into the state. Total, cheap and free of randomness: events carry results. */
export function evolve(state: TcgState, event: TcgEvent): TcgState {
  return immer.produce(state, (draft) => apply(draft, event));
}

function apply(s: TcgState, event: TcgEvent): void {
  switch (event.type) {
    case 'matchStarted': {
      const d = event.data;
      s.content = { id: d.ruleset, version: d.version, hash: d.hash };
      s.firstPlayer = d.firstPlayer;
      s.active = d.firstPlayer === 0 ? 1 : 0;
      for (const player of s.players) player.life = d.life;
      return;
    }
    case 'deckBuilt': {
      const d = event.data;
      for (const card of d.cards ?? [])
        place(s, { player: d.player, zone: 'deck' }, card.handle, card.defId, d.player, -1);
      return;
    }
    case 'deckShuffled':
      s.players[event.data.player]!.zones[event.data.zone] = event.data.order ?? [];
      return;
    case 'cardDrawn': {
      const d = event.data;
      const old = take(s, d.card as string);
      place(s, { player: d.player, zone: 'hand' }, d.handle as string, old.defId, old.owner, -1);
      return;
    }
    case 'cardMoved': {
      const d = event.data;
      const old = take(s, d.card as string);
      place(s, d.to, d.handle as string, old.defId, old.owner, d.index);
      return;
    }
    case 'cardCreated': {
      const d = event.data;
      place(s, { player: d.player, zone: d.zone }, d.handle, d.defId, d.player, d.index);
      return;
    }
    case 'mulliganStarted':
      s.status = 'mulligan';
      s.mulligan = [...event.data.seats];
      return;
    case 'mulliganDone':
      s.mulligan = s.mulligan.filter((seat) => seat !== event.data.player);
      if (s.mulligan.length === 0) s.status = 'playing';
      return;
    case 'turnStarted': {
      const { player, turn } = event.data;
      s.turn = turn;
      s.active = player;
      s.phase = -1;
      s.status = 'playing';
      s.history = {
        cardsPlayedThisTurn: [0, 0],
        spellsCastThisTurn: [0, 0],
        unitsDiedThisTurn: [0, 0],
      };
      s.abilityUses = {};
      s.modifiers = s.modifiers.filter(
        (m) => !(m.duration === 'untilYourNextTurn' && m.controller === player),
      );
      return;
    }
    case 'phaseEntered':
      s.phase = event.data.phase;
      return;
    case 'resourceChanged':
      s.players[event.data.player]!.resource = { current: event.data.current, max: event.data.max };
      return;
    case 'unitsReadied':
      for (const handle of s.players[event.data.player]!.zones.board ?? [])
        s.cards[handle]!.attacks = 0;
      return;
    case 'cardPlayed': {
      const d = event.data;
      const old = take(s, d.card as string);
      place(
        s,
        { player: d.player, zone: d.to === 'board' ? 'board' : STACK },
        d.handle,
        old.defId,
        old.owner,
        d.index,
      );
      s.history.cardsPlayedThisTurn[d.player]! += 1;
      if (d.spell) s.history.spellsCastThisTurn[d.player]! += 1;
      return;
    }
    case 'energyAttached': {
      const d = event.data;
      const old = take(s, d.card as string);
      place(s, { player: d.player, zone: ATTACHED }, d.handle, old.defId, old.owner, -1);
      s.cards[d.handle]!.attachedTo = d.unit;
      return;
    }
    case 'stackItemAdded':
      s.seq += 1;
      s.stack.push(event.data.item);
      return;
    case 'stackItemRemoved':
      s.stack = s.stack.filter((item) => item.id !== event.data.id);
      return;
    case 'priority':
      s.priority =
        event.data.holder === null
          ? null
          : { holder: event.data.holder, otherPassed: event.data.otherPassed };
      return;
    case 'attackDeclared':
      s.cards[event.data.attacker]!.attacks += 1;
      return;
    case 'damageDealt': {
      const { target, amount } = event.data;
      const seat = heroSeat(target);
      if (seat !== null) s.players[seat]!.life -= amount;
      else s.cards[target]!.damage += amount;
      return;
    }
    case 'shieldBroken':
      s.seq += 1;
      s.modifiers.push({
        id: s.seq,
        target: event.data.target,
        effect: { revoke: event.data.keyword },
        duration: 'permanent',
        controller: s.cards[event.data.target]!.controller,
      });
      return;
    case 'healed': {
      const { target, amount } = event.data;
      const seat = heroSeat(target);
      if (seat !== null) s.players[seat]!.life += amount;
      else s.cards[target]!.damage -= amount;
      return;
    }
    case 'destroyMarked':
      s.cards[event.data.target]!.doomed = true;
      return;
    case 'unitDied': {
      const d = event.data;
      const old = take(s, d.card);
      s.history.unitsDiedThisTurn[d.player]! += 1;
      if (!d.token)
        place(s, { player: d.owner, zone: 'discard' }, d.handle, old.defId, old.owner, -1);
      return;
    }
    case 'modifierAdded':
      s.seq = Math.max(s.seq, event.data.modifier.id);
      s.modifiers.push(event.data.modifier);
      return;
    case 'modifiersExpired': {
      const ids = new Set(event.data.ids);
      s.modifiers = s.modifiers.filter((m) => !ids.has(m.id));
      return;
    }
    case 'abilityTriggered': {
      const key = `${event.data.source}/${event.data.abilityId}`;
      s.abilityUses[key] = (s.abilityUses[key] ?? 0) + 1;
      return;
    }
    case 'fatigue':
      s.players[event.data.player]!.fatigue = event.data.amount;
      return;
    case 'decisionRequested':
      s.seq += 1;
      s.pending = { decision: event.data.decision!, continuation: event.data.continuation! };
      return;
    case 'decisionResolved':
      s.pending = null;
      return;
    case 'timedOut':
      s.players[event.data.player]!.strikes = event.data.strikes;
      return;
    case 'strikesCleared':
      s.players[event.data.player]!.strikes = 0;
      return;
    case 'playerLost':
      s.players[event.data.player]!.lost = event.data.reason;
      return;
    case 'gameEnded':
      s.status = 'over';
      s.outcome = event.data.outcome;
      s.priority = null;
      return;
    case 'turnEnded':
    case 'blockDeclared':
    case 'priorityPassed':
    case 'stepFizzled':
    case 'cardRevealed':
    case 'decisionAutoResolved':
      return;
  }
}

/** Removes a card from wherever it is, with the modifiers that pointed at it. */
function take(s: TcgState, handle: string): CardInstance {
  const card = s.cards[handle];
  if (!card) throw new Error(`evolve: no card ${handle}`);
  const list = s.players[card.controller]!.zones[card.zone];
  if (list) {
    const at = list.indexOf(handle);
    if (at >= 0) list.splice(at, 1);
  }
  delete s.cards[handle];
  if (s.modifiers.some((m) => m.target === handle))
    s.modifiers = s.modifiers.filter((m) => m.target !== handle);
  return card;
}

/** Puts a new card object into a zone at `index` (-1: the end, i.e. a deck's top). */
function place(
  s: TcgState,
  to: ZoneRef,
  handle: string,
  defId: string,
  owner: number,
  index: number,
): void {
  s.seq += 1;
  s.cards[handle] = {
    handle,
    defId,
    owner,
    controller: to.player,
    zone: to.zone,
    playOrder: s.seq,
    damage: 0,
    attacks: 0,
    enteredTurn: s.turn,
    doomed: false,
    attachedTo: null,
  };
  if (to.zone === STACK || to.zone === ATTACHED) return;
  const list = (s.players[to.player]!.zones[to.zone] ??= []);
  if (index < 0 || index >= list.length) list.push(handle);
  else list.splice(index, 0, handle);
}
