import type { MatchConfig, Viewer } from '@cardtable/engine';
import type { Content } from '../content/content.ts';
import type { ContentRegistry } from '../content/registry.ts';
import type { TcgEvent } from './events.ts';
import { evolve } from './evolve.ts';
import type { TcgOptions } from './options.ts';
import type { TcgState } from './state.ts';
import { view, type TcgView } from './view.ts';

/**
 * What folds a TCG match's log and shows its states: the part of a game a replay needs. It
 * decides nothing, so it brings none of the rules that do (nor the Lua path, nor the schema
 * validator that checks what a script returns): a browser's replay viewer loads this alone.
 */
export interface TcgFold {
  registry: ContentRegistry;
  /** The content a state was created from. */
  contentOf(state: Pick<TcgState, 'content'>): Content;
  initialState(config: MatchConfig<TcgOptions>): TcgState;
  evolve(state: TcgState, event: TcgEvent): TcgState;
  view(state: TcgState, viewer: Viewer): TcgView;
}

export function tcgFold(registry: ContentRegistry): TcgFold {
  const contentOf = (state: Pick<TcgState, 'content'>): Content => {
    const content = registry.find(state.content.id, state.content.version);
    if (!content)
      throw new Error(`Ruleset ${state.content.id}@${state.content.version} is not registered.`);
    return content;
  };
  return {
    registry,
    contentOf,
    initialState: (config) =>
      initialState(config, registry.find(config.options.ruleset, config.options.version)!),
    evolve,
    view: (state, viewer) => view(state, contentOf(state), viewer),
  };
}

export function initialState(config: MatchConfig<TcgOptions>, content: Content): TcgState {
  const zones = () => Object.fromEntries(content.ruleset.zones.map((z) => [z.id, [] as string[]]));
  return {
    content: { id: content.ruleset.id, version: content.ruleset.version, hash: content.hash },
    status: 'setup',
    mulligan: [],
    firstPlayer: 0,
    turn: 0,
    active: 1,
    phase: content.ruleset.turn.phases.length - 1,
    players: config.options.decks.map((deck, seat) => ({
      seat,
      life: content.ruleset.players.life,
      resource: {
        current: 0,
        max: content.ruleset.resources.model === 'pool' ? content.ruleset.resources.start : 0,
      },
      zones: zones(),
      fatigue: 0,
      strikes: 0,
      lost: null,
      decklist: deck.cards.reduce<Record<string, number>>(
        (counts, id) => ({ ...counts, [id]: (counts[id] ?? 0) + 1 }),
        {},
      ),
    })),
    cards: {},
    modifiers: [],
    stack: [],
    priority: null,
    pending: null,
    history: { cardsPlayedThisTurn: [0, 0], spellsCastThisTurn: [0, 0], unitsDiedThisTurn: [0, 0] },
    abilityUses: {},
    seq: 0,
    outcome: null,
    ...(content.ruleset.battler
      ? {
          battler: {
            active: [null, null],
            setup: [null, null],
            turnCounts: {},
            turnsTaken: [0, 0],
          },
        }
      : {}),
  };
}
