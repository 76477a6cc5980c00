import type { AnyGame } from '@cardtable/engine';
import { golf } from '@cardtable/golf';

/** Every game Cardtable hosts, by the name matches and replays record. */
const catalog: ReadonlyMap<string, AnyGame> = new Map<string, AnyGame>([[golf.name, golf]]);

export const findGame = (name: string): AnyGame | undefined => catalog.get(name);

export const gameNames = (): string[] => [...catalog.keys()];
