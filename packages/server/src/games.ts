import type { AnyGame } from '@cardtable/engine';

/** A game the server hosts, with the CPU personality that plays a turn whose timer ran out. */
export interface HostedGame {
  game: AnyGame;
  /** The `cpu` profile used by the timeout rule when the game's `timeoutAction` has no move. */
  timeoutProfile?: string;
}

/** The games a server hosts, by name (the `game` of `POST /api/matches`). */
export type GameRegistry = ReadonlyMap<string, HostedGame>;

export const gameRegistry = (...hosted: HostedGame[]): GameRegistry =>
  new Map(hosted.map((entry) => [entry.game.name, entry]));
