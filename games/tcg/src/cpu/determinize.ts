import type { Rng } from '@cardtable/engine';
import type { Content } from '../content/content.ts';
import { attachedByUnit, cardsCopied } from '../engine/attachments.ts';
import { copyRecord, handleRecord } from '../engine/draft.ts';
import type { CardInstance, Pending, TcgState } from '../engine/state.ts';
import type { PlayerView, TcgView, ViewCard } from '../engine/view.ts';

/**
 * One guess at the full state behind a view: the cards the viewer cannot see are dealt at
 * random from what each deck list has left once every visible card is accounted for. The CPU
 * searches over many such guesses (information-set Monte Carlo), never over the true state.
 */
export function determinize(view: TcgView, content: Content, rng: Rng): TcgState {
  return dealer(view, content)(rng);
}

/**
 * `determinize` in two parts: what every guess at a view shares (the visible cards, each
 * seat's unseen cards, the paused work) is prepared once, and each call of the dealer it returns
 * deals one guess, drawing from `rng` exactly as `determinize` does. Guesses share the
 * prepared objects: the engine never changes a state in place (copy-on-write).
 */
export function dealer(view: TcgView, content: Content): (rng: Rng) => TcgState {
  const visible = handleRecord<CardInstance>();
  for (const [handle, card] of Object.entries(view.cards)) visible[handle] = strip(card);
  attachedByUnit(visible);
  const unseen = unseenPools(view, content);
  const zones = view.players.map(zonePlan);
  const pending = pendingOf(view);
  return (rng) => {
    const cards = copyRecord(visible);
    const players = view.players.map((player, i) => {
      const unknown = rng.shuffle(unseen[i]!);
      const dealt: Record<string, string[]> = {};
      for (const { zone, shown, slots } of zones[i]!) {
        if (shown) {
          dealt[zone] = [...shown];
          continue;
        }
        const handles: string[] = [];
        for (const slot of slots) {
          cards[slot.handle] = slot.card(unknown.pop() ?? anyCard(player.decklist, rng));
          handles.push(slot.handle);
        }
        dealt[zone] = handles;
      }
      return {
        seat: player.seat,
        life: player.life,
        resource: { ...player.resource },
        zones: dealt,
        fatigue: player.fatigue,
        strikes: player.strikes,
        lost: player.lost,
        decklist: player.decklist,
      };
    });
    // The unseen cards are attached to nothing: every guess has the visible cards' index.
    cardsCopied(visible, cards);
    return {
      content: view.content,
      status: view.status,
      mulligan: [...view.mulligan],
      firstPlayer: view.firstPlayer,
      turn: view.turn,
      active: view.active,
      phase: view.phase.index,
      players,
      cards,
      modifiers: view.modifiers,
      stack: view.stack,
      priority: view.priority,
      pending,
      history: view.history,
      abilityUses: view.abilityUses,
      seq: view.seq,
      outcome: view.outcome,
      ...(view.battler ? { battler: battlerGuess(view, players, cards, content) } : {}),
    };
  };
}

/**
 * A zone of a player's view, in the view's order, as every guess deals it: the handles `shown`,
 * or (a hidden zone, given as a size) the slots its unseen cards are dealt to.
 */
interface ZonePlan {
  zone: string;
  shown: readonly string[] | null;
  slots: readonly HiddenSlot[];
}

function zonePlan(player: PlayerView): ZonePlan[] {
  const plan: ZonePlan[] = [];
  for (const [zone, entry] of Object.entries(player.zones)) {
    if (Array.isArray(entry)) {
      plan.push({ zone, shown: entry, slots: [] });
      continue;
    }
    const slots: HiddenSlot[] = [];
    for (let i = 0; i < entry; i++)
      slots.push(new HiddenSlot(`x${player.seat}${zone}${i}`, player.seat, zone));
    plan.push({ zone, shown: null, slots });
  }
  return plan;
}

/**
 * A place for an unseen card in a guess: its handle, and the card object for each definition
 * dealt to it, made once per decision. Guesses share card objects as they share the visible
 * ones (nothing changes a card in place), so a guess makes no handle and no card of its own.
 */
class HiddenSlot {
  /** The first definition dealt here and its card (most slots see one guess at `easy`). */
  private firstDefId: string | null = null;
  private first: CardInstance | null = null;
  /** The cards made for the other definitions dealt here, made with the second. */
  private others: Map<string, CardInstance> | null = null;

  constructor(
    readonly handle: string,
    private readonly seat: number,
    private readonly zone: string,
  ) {}

  card(defId: string): CardInstance {
    if (this.firstDefId === defId) return this.first!;
    if (this.firstDefId === null) {
      this.firstDefId = defId;
      return (this.first = this.made(defId));
    }
    let card = this.others?.get(defId);
    if (!card) (this.others ??= new Map()).set(defId, (card = this.made(defId)));
    return card;
  }

  private made(defId: string): CardInstance {
    return {
      handle: this.handle,
      defId,
      owner: this.seat,
      controller: this.seat,
      zone: this.zone,
      playOrder: 0,
      damage: 0,
      attacks: 0,
      enteredTurn: 0,
      doomed: false,
      attachedTo: null,
    };
  }
}

/**
 * The battler's state behind a view: public but for the other player's setup choice, guessed
 * as the first basic in their (guessed) hand.
 */
function battlerGuess(
  view: TcgView,
  players: TcgState['players'],
  cards: Record<string, CardInstance>,
  content: Content,
): NonNullable<TcgState['battler']> {
  const b = view.battler!;
  const setup = ([0, 1] as const).map((seat) => {
    if (!b.setupChosen[seat]) return null;
    if (view.seat === seat && b.mySetup) return b.mySetup;
    const hand = players[seat]!.zones.hand ?? [];
    const basic = hand.find((h) => {
      const def = content.cards.get(cards[h]!.defId);
      return def && (def.stage ?? 0) === 0 && content.ruleset.cardTypes[def.type]?.kind === 'unit';
    });
    return { active: basic ?? hand[0] ?? '', bench: [] };
  }) as NonNullable<TcgState['battler']>['setup'];
  return {
    active: [...b.active] as [string | null, string | null],
    setup,
    turnCounts: { ...b.turnCounts },
    turnsTaken: [...b.turnsTaken] as [number, number],
  };
}

/**
 * The card behind a view's card. A card off the board is the state's own card object in the view
 * (no stats added), so guesses share it as they share each other's (nothing changes a card in
 * place) instead of a copy per decision: and its plain stats, kept by card object, carry over.
 */
function strip(card: ViewCard): CardInstance {
  if (card.stats === undefined) return card;
  const { stats: _stats, ...instance } = card;
  return instance;
}

/**
 * The chooser's decision with its paused work when the view carries it (else nothing follows).
 * The work is the view's own (the state's), not a `structuredClone` per decision: no step
 * writes a state's paused work (`answer` resumes a copy of it, `resumable`).
 */
function pendingOf(view: TcgView): Pending | null {
  const pending = view.pending;
  if (!pending || !('candidates' in pending)) return null;
  const { continuation, ...decision } = pending;
  return {
    decision: { ...decision, defaultPicks: decision.candidates.slice(0, decision.min) },
    continuation: continuation ?? { work: [], queue: [], batch: [] },
  };
}

/**
 * Each seat's deck list minus the visible cards it owns (the dealer shuffles it per guess), by
 * seat: one pass over the view's cards for both.
 */
function unseenPools(view: TcgView, content: Content): string[][] {
  const left = view.players.map((player) => {
    const counts = new Map<string, number>();
    for (const id of Object.keys(player.decklist)) counts.set(id, player.decklist[id]!);
    return counts;
  });
  for (const card of Object.values(view.cards)) {
    const counts = left[card.owner];
    if (!counts || content.cards.get(card.defId)?.token) continue;
    const count = counts.get(card.defId);
    if (count) counts.set(card.defId, count - 1);
  }
  return left.map((counts) => {
    const pool: string[] = [];
    for (const [id, count] of counts) for (let i = 0; i < count; i++) pool.push(id);
    return pool;
  });
}

function anyCard(decklist: Record<string, number>, rng: Rng): string {
  const ids = Object.keys(decklist).sort();
  return ids[rng.int(0, ids.length - 1)]!;
}
