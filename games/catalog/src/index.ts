import type { AnyGame } from '@cardtable/engine';
import { golf } from '@cardtable/golf';
import type { Content, TcgGame } from '@cardtable/tcg';

/** A game built for one content version (a TCG set): `dispose` frees its Lua VM. */
export type ContentGame = TcgGame & { dispose(): void };

/** The TCG's code is loaded only when a TCG is played: a Golf-only process never pays for it. */
const tcgModule = () => import('@cardtable/tcg/demo');

/**
 * Every built-in game Cardtable hosts, by the name matches and replays record. A game may take a
 * moment to build (the TCG starts a Lua sandbox), so each is built once, on first use.
 */
const builders: ReadonlyMap<string, () => AnyGame | Promise<AnyGame>> = new Map<
  string,
  () => AnyGame | Promise<AnyGame>
>([
  [golf.name, () => golf],
  [
    'tcg',
    async () => {
      // Every version of the demo: a match plays (and replays) with the version it recorded.
      const { demoVersions, tcgGameFor } = await tcgModule();
      return tcgGameFor(demoVersions());
    },
  ],
  [
    'spiritbound',
    async () => {
      const { spiritboundContent, tcgGameFor } = await tcgModule();
      return tcgGameFor(spiritboundContent(), 'spiritbound');
    },
  ],
]);

/** How the built-in games present themselves in lists, by name. */
const BUILT_IN_TITLES: Readonly<Record<string, { name: string; description: string }>> = {
  golf: {
    name: 'Golf',
    description: 'Six-card Golf: flip and swap to finish with the lowest score.',
  },
  tcg: {
    name: 'Ember & Tide',
    description: 'The demo trading card game: two constructed decks, fire against water.',
  },
  spiritbound: {
    name: 'Spiritbound',
    description:
      'A monster battler: active and bench, typed energy, evolution, conditions and prizes. Five starter decks.',
  },
};

/** A built-in game's name and description for lists, or undefined for other names. */
export const builtInTitle = (name: string): { name: string; description: string } | undefined =>
  BUILT_IN_TITLES[name];

const built = new Map<string, Promise<AnyGame>>();

/** The built-in game of this name, or undefined when there is none. */
export function loadGame(name: string): Promise<AnyGame> | undefined {
  const build = builders.get(name);
  if (!build) return undefined;
  let game = built.get(name);
  if (!game) {
    game = Promise.resolve(build());
    built.set(name, game);
  }
  return game;
}

export const gameNames = (): string[] => [...builders.keys()];

/** Every built-in game, built. */
export const loadBuiltInGames = (): Promise<AnyGame[]> =>
  Promise.all(gameNames().map((name) => loadGame(name)!));

/**
 * The game that plays one creator's content version: a TCG with exactly that set registered, its
 * own Lua sandbox and the CPU players. Published versions and local folders are hosted this way.
 */
export const gameForContent = async (content: Content): Promise<ContentGame> =>
  (await tcgModule()).tcgGameFor(content);
