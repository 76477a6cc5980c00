import { applyAction, createRng, seatViewer, startMatch, type Seat } from '@cardtable/engine';
import type { TcgGame } from '../engine/game.ts';
import { LuaFailureTally, type LuaFailureCount } from './lua-failures.ts';

export interface BalanceOptions {
  ruleset: string;
  /** Two deck ids of the ruleset; they swap seats every other game. */
  decks: [string, string];
  games: number;
  /** The CPU profile playing each deck. */
  profiles: [string, string];
  seed: string;
  /** A match still running after this many actions counts as an engine error. */
  maxActions?: number;
  onGame?: (done: number) => void;
}

export interface DeckResult {
  id: string;
  name: string;
  games: number;
  wins: number;
  losses: number;
  draws: number;
  winRate: number;
}

export interface CardResult {
  card: string;
  name: string;
  deck: string;
  /** Share of its deck's games in which it was played at least once. */
  playRate: number;
  gamesPlayed: number;
  /** Share of the games in which it was played that its deck won. */
  winRateWhenPlayed: number | null;
}

export interface BalanceReport {
  ruleset: { id: string; version: string };
  games: number;
  profiles: [string, string];
  decks: DeckResult[];
  cards: CardResult[];
  averageTurns: number;
  averageActions: number;
  errors: { game: number; message: string }[];
  /** Lua abilities that failed (`scriptFailed`), per card. */
  luaFailures: LuaFailureCount[];
}

/**
 * Plays CPU-only matches between two decks and reports win rates, per-card play rates and
 * win rates when played, match length, and engine errors (a CPU move the engine refused, an
 * exception, or a match that never ended).
 */
export function simulateBalance(game: TcgGame, options: BalanceOptions): BalanceReport {
  const cpu = game.cpu;
  if (!cpu) throw new Error('This game has no CPU players.');
  const maxActions = options.maxActions ?? 5000;
  const decks = options.decks.map((id, i) => ({
    id,
    name: id,
    games: 0,
    wins: 0,
    losses: 0,
    draws: 0,
    winRate: 0,
    deckIndex: i,
  }));
  const played = new Map<string, { games: number; wins: number }>();
  const errors: BalanceReport['errors'] = [];
  const luaFailures = new LuaFailureTally();
  let turns = 0;
  let actions = 0;
  let finished = 0;
  let version = '';

  for (let g = 0; g < options.games; g++) {
    const swap = g % 2 === 1;
    const deckAt = (seat: Seat) => (swap ? 1 - seat : seat);
    try {
      const parsed = game.parseOptions(
        {
          ruleset: options.ruleset,
          decks: swap ? [options.decks[1], options.decks[0]] : options.decks,
        },
        2,
      );
      if (!parsed.ok) throw new Error(parsed.error.message);
      version = parsed.value.version;
      parsed.value.decks.forEach((deck, seat) => (decks[deckAt(seat)]!.name = deck.name));
      const profiles = [options.profiles[deckAt(0)]!, options.profiles[deckAt(1)]!];
      let { match } = startMatch(game, {
        options: parsed.value,
        seats: profiles.map((profile) => ({ kind: 'cpu' as const, profile })),
        seed: `${options.seed}:${g}`,
      });
      const seen = [new Set<string>(), new Set<string>()];
      let n = 0;
      for (; n < maxActions && !game.outcome(match.state); n++) {
        const seat = game.activeSeats(match.state)[0]!;
        const legal = game.legalActions(match.state, seat);
        const action = cpu.choose({
          view: game.view(match.state, seatViewer(seat)),
          legal,
          seat,
          profile: profiles[seat]!,
          rng: createRng(options.seed, g, n),
        });
        const applied = applyAction(game, match, seat, action, `a${n}`);
        if (!applied.ok)
          throw new Error(
            `a CPU move was refused (${applied.error.code}: ${applied.error.message})`,
          );
        luaFailures.record(g, applied.value.resolution.steps);
        for (const step of applied.value.resolution.steps)
          if (step.type === 'cardPlayed') {
            const data = step.data as { player: Seat; defId: string };
            seen[data.player]!.add(data.defId);
          }
        match = applied.value.match;
      }
      const outcome = game.outcome(match.state);
      if (!outcome) throw new Error(`the match did not end within ${maxActions} actions`);
      finished++;
      turns += match.state.turn;
      actions += n;
      for (const seat of [0, 1] as Seat[]) {
        const deck = decks[deckAt(seat)]!;
        deck.games++;
        const won = !outcome.tie && outcome.winners.includes(seat);
        if (outcome.tie) deck.draws++;
        else if (won) deck.wins++;
        else deck.losses++;
        for (const defId of Object.keys(match.state.players[seat]!.decklist)) {
          const key = `${deck.id}\u0000${defId}`;
          const entry = played.get(key) ?? { games: 0, wins: 0 };
          if (seen[seat]!.has(defId)) {
            entry.games++;
            if (won) entry.wins++;
          }
          played.set(key, entry);
        }
      }
    } catch (error) {
      errors.push({ game: g, message: (error as Error).message });
    }
    options.onGame?.(g + 1);
  }

  for (const deck of decks) deck.winRate = deck.games ? deck.wins / deck.games : 0;
  const content = game.registry.find(options.ruleset, version || undefined);
  const cards = [...played].map(([key, entry]): CardResult => {
    const [deck, card] = key.split('\u0000') as [string, string];
    const games = decks.find((d) => d.id === deck)!.games;
    return {
      card,
      name: content?.cards.get(card)?.name ?? card,
      deck,
      playRate: games ? entry.games / games : 0,
      gamesPlayed: entry.games,
      winRateWhenPlayed: entry.games ? entry.wins / entry.games : null,
    };
  });
  cards.sort(
    (a, b) =>
      a.deck.localeCompare(b.deck) || b.playRate - a.playRate || a.name.localeCompare(b.name),
  );
  return {
    ruleset: { id: options.ruleset, version },
    games: options.games,
    profiles: options.profiles,
    decks: decks.map(({ deckIndex: _i, ...deck }) => deck),
    cards,
    averageTurns: finished ? turns / finished : 0,
    averageActions: finished ? actions / finished : 0,
    errors,
    luaFailures: luaFailures.report(),
  };
}
