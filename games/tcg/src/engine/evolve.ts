import { Draft } from './draft.ts';
import type { TcgEvent, ZoneRef } from './events.ts';
import { ATTACHED, heroSeat, STACK, type CardInstance, type TcgState } from './state.ts';

/**
 * Folds one event into the state. Total, cheap and free of randomness: events carry results.
 * The state it is given is never changed (copy-on-write through `Draft`).
 */
export function evolve(state: TcgState, event: TcgEvent): TcgState {
  const draft = new Draft(state);
  applyEvent(draft, event);
  return draft.s;
}

const bump = (pair: [number, number], seat: number): [number, number] =>
  seat === 0 ? [pair[0] + 1, pair[1]] : [pair[0], pair[1] + 1];

/** Applies an event to a draft: what `evolve` does, for a caller that folds many events. */
export function applyEvent(d: Draft, event: TcgEvent): void {
  const s = d.s;
  switch (event.type) {
    case 'matchStarted': {
      const e = event.data;
      s.content = { id: e.ruleset, version: e.version, hash: e.hash };
      s.firstPlayer = e.firstPlayer;
      s.active = e.firstPlayer === 0 ? 1 : 0;
      for (const player of s.players) d.player(player.seat).life = e.life;
      return;
    }
    case 'deckBuilt': {
      const e = event.data;
      for (const card of e.cards ?? [])
        place(d, { player: e.player, zone: 'deck' }, card.handle, card.defId, e.player, -1);
      return;
    }
    case 'deckShuffled':
      d.player(event.data.player).zones[event.data.zone] = [...(event.data.order ?? [])];
      return;
    case 'cardDrawn': {
      const e = event.data;
      const old = take(d, e.card as string);
      place(d, { player: e.player, zone: 'hand' }, e.handle as string, old.defId, old.owner, -1);
      return;
    }
    case 'cardMoved': {
      const e = event.data;
      const old = take(d, e.card as string);
      place(d, e.to, e.handle as string, old.defId, old.owner, e.index);
      return;
    }
    case 'cardCreated': {
      const e = event.data;
      place(d, { player: e.player, zone: e.zone }, e.handle, e.defId, e.player, e.index);
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
      if (s.battler) {
        const taken = [...s.battler.turnsTaken] as [number, number];
        taken[player] = (taken[player] ?? 0) + 1;
        s.battler = { ...s.battler, turnCounts: {}, turnsTaken: taken };
      }
      s.modifiers = s.modifiers.filter(
        (m) => !(m.duration === 'untilYourNextTurn' && m.controller === player),
      );
      return;
    }
    case 'phaseEntered':
      s.phase = event.data.phase;
      return;
    case 'resourceChanged':
      d.player(event.data.player).resource = { current: event.data.current, max: event.data.max };
      return;
    case 'unitsReadied':
      for (const handle of s.players[event.data.player]!.zones.board ?? [])
        if (s.cards[handle]!.attacks !== 0) d.card(handle).attacks = 0;
      return;
    case 'cardPlayed': {
      const e = event.data;
      const old = take(d, e.card as string);
      place(
        d,
        { player: e.player, zone: e.to === 'board' ? 'board' : STACK },
        e.handle,
        old.defId,
        old.owner,
        e.index,
      );
      s.history = {
        ...s.history,
        cardsPlayedThisTurn: bump(s.history.cardsPlayedThisTurn, e.player),
        spellsCastThisTurn: e.spell
          ? bump(s.history.spellsCastThisTurn, e.player)
          : s.history.spellsCastThisTurn,
      };
      return;
    }
    case 'toolAttached':
    case 'energyAttached': {
      const e = event.data;
      const old = take(d, e.card as string);
      place(d, { player: e.player, zone: ATTACHED }, e.handle, old.defId, old.owner, -1, e.unit);
      return;
    }
    case 'stackItemAdded':
      s.seq += 1;
      s.stack = [...s.stack, event.data.item];
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
      d.card(event.data.attacker).attacks += 1;
      return;
    case 'damageDealt': {
      const { target, amount } = event.data;
      const seat = heroSeat(target);
      if (seat !== null) d.player(seat).life -= amount;
      else d.card(target).damage += amount;
      return;
    }
    case 'shieldBroken':
      s.seq += 1;
      s.modifiers = [
        ...s.modifiers,
        {
          id: s.seq,
          target: event.data.target,
          effect: { revoke: event.data.keyword },
          duration: 'permanent',
          controller: s.cards[event.data.target]!.controller,
        },
      ];
      return;
    case 'healed': {
      const { target, amount } = event.data;
      const seat = heroSeat(target);
      if (seat !== null) d.player(seat).life += amount;
      else d.card(target).damage -= amount;
      return;
    }
    case 'destroyMarked':
      d.card(event.data.target).doomed = true;
      return;
    case 'unitDied': {
      const e = event.data;
      const old = take(d, e.card);
      s.history = { ...s.history, unitsDiedThisTurn: bump(s.history.unitsDiedThisTurn, e.player) };
      if (!e.token)
        place(d, { player: e.owner, zone: 'discard' }, e.handle, old.defId, old.owner, -1);
      return;
    }
    case 'modifierAdded':
      s.seq = Math.max(s.seq, event.data.modifier.id);
      s.modifiers = [...s.modifiers, event.data.modifier];
      return;
    case 'modifiersExpired': {
      const ids = new Set(event.data.ids);
      s.modifiers = s.modifiers.filter((m) => !ids.has(m.id));
      return;
    }
    case 'abilityActivated': {
      const { source, abilityId, attacks } = event.data;
      const key = `${source}/${abilityId}`;
      s.abilityUses = { ...s.abilityUses, [key]: (s.abilityUses[key] ?? 0) + 1 };
      if (attacks !== null) d.card(source).attacks = attacks;
      return;
    }
    case 'abilityTriggered': {
      const key = `${event.data.source}/${event.data.abilityId}`;
      s.abilityUses = { ...s.abilityUses, [key]: (s.abilityUses[key] ?? 0) + 1 };
      return;
    }
    case 'fatigue':
      d.player(event.data.player).fatigue = event.data.amount;
      return;
    case 'decisionRequested':
      s.seq += 1;
      s.pending = { decision: event.data.decision!, continuation: event.data.continuation! };
      return;
    case 'decisionResolved':
      s.pending = null;
      return;
    case 'timedOut':
      d.player(event.data.player).strikes = event.data.strikes;
      return;
    case 'strikesCleared':
      d.player(event.data.player).strikes = 0;
      return;
    case 'playerLost':
      d.player(event.data.player).lost = event.data.reason;
      return;
    case 'gameEnded':
      s.status = 'over';
      s.outcome = event.data.outcome;
      s.priority = null;
      return;
    case 'setupChosen': {
      const e = event.data;
      const setup = [...s.battler!.setup] as NonNullable<TcgState['battler']>['setup'];
      setup[e.player] = { active: e.active!, bench: [...(e.bench ?? [])] };
      s.battler = { ...s.battler!, setup };
      return;
    }
    case 'activeSet': {
      const active = [...s.battler!.active] as [string | null, string | null];
      active[event.data.player] = event.data.card;
      s.battler = { ...s.battler!, active };
      return;
    }
    case 'conditionAdded': {
      const card = d.card(event.data.target);
      card.conditions = [...(card.conditions ?? []), event.data.condition];
      return;
    }
    case 'conditionRemoved': {
      const card = d.card(event.data.target);
      const left = (card.conditions ?? []).filter((c) => c !== event.data.condition);
      if (left.length) card.conditions = left;
      else delete card.conditions;
      return;
    }
    case 'creatureEvolved': {
      const e = event.data;
      take(d, e.card);
      const unit = s.cards[e.unit]!;
      place(
        d,
        { player: unit.controller, zone: ATTACHED },
        e.under,
        e.underDefId,
        unit.owner,
        -1,
        e.unit,
      );
      d.card(e.under).under = true;
      const evolved = d.card(e.unit);
      evolved.defId = e.defId;
      evolved.enteredTurn = s.turn;
      delete evolved.conditions;
      return;
    }
    case 'creatureDevolved': {
      const e = event.data;
      const unit = s.cards[e.unit]!;
      take(d, e.under);
      place(d, { player: unit.owner, zone: 'hand' }, e.card, e.cardDefId, unit.owner, -1);
      const devolved = d.card(e.unit);
      devolved.defId = e.defId;
      delete devolved.conditions;
      return;
    }
    case 'turnCounted': {
      const key = event.data.key;
      const counts = s.battler!.turnCounts;
      s.battler = { ...s.battler!, turnCounts: { ...counts, [key]: (counts[key] ?? 0) + 1 } };
      return;
    }
    case 'mulliganRevealed':
    case 'coinFlipped':
    case 'attackUsed':
    case 'turnEnded':
    case 'blockDeclared':
    case 'priorityPassed':
    case 'stepFizzled':
    case 'scriptFailed':
    case 'cardRevealed':
    case 'decisionAutoResolved':
      return;
  }
}

/** Removes a card from wherever it is, with the modifiers that pointed at it. */
function take(d: Draft, handle: string): CardInstance {
  const s = d.s;
  const card = d.removeCard(handle);
  if (s.players[card.controller]!.zones[card.zone]?.includes(handle)) {
    const list = d.zone(card.controller, card.zone);
    list.splice(list.indexOf(handle), 1);
  }
  if (s.battler?.active.includes(handle)) {
    const active = [...s.battler.active] as [string | null, string | null];
    active[active.indexOf(handle)] = null;
    s.battler = { ...s.battler, active };
  }
  if (s.modifiers.some((m) => m.target === handle))
    s.modifiers = s.modifiers.filter((m) => m.target !== handle);
  return card;
}

/**
 * Puts a new card object into a zone at `index` (-1: the end, i.e. a deck's top); `attachedTo`:
 * the unit it is attached to (zone `attached`).
 */
function place(
  d: Draft,
  to: ZoneRef,
  handle: string,
  defId: string,
  owner: number,
  index: number,
  attachedTo: string | null = null,
): void {
  const s = d.s;
  s.seq += 1;
  d.addCard({
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
    attachedTo,
  });
  if (to.zone === STACK || to.zone === ATTACHED) return;
  const list = d.zone(to.player, to.zone);
  if (index < 0 || index >= list.length) list.push(handle);
  else list.splice(index, 0, handle);
}
