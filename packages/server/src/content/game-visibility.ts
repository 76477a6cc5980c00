import type { ContentStore, GameRow } from './store.ts';

/**
 * Whether `userId` may know that `game` exists: its creator always, anyone else once a version
 * is published. A draft nobody else can see answers every route as an unknown game would, so
 * neither its name nor its slug being taken shows through a refusal.
 */
export async function gameVisibleTo(
  store: ContentStore,
  game: GameRow,
  userId: string | null,
): Promise<boolean> {
  return game.ownerId === userId || (await store.latest(game.id)) !== null;
}
