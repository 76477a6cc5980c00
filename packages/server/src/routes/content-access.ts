import type { Principal } from '../auth/tokens.ts';
import type { ContentStore, GameRow } from '../content/store.ts';
import { apiError } from '../errors.ts';

/** Who may see and change a creator's game, as the content routes check it. */
export function contentAccess(store: ContentStore) {
  const findGame = async (slug: string) => {
    const game = await store.gameBySlug(slug);
    if (!game) throw apiError('NOT_FOUND', `No game "${slug}".`);
    return game;
  };
  return {
    findGame,
    /** A game nobody but its creator may see until its first version is published. */
    visibleGame: async (slug: string, user: Principal): Promise<GameRow> => {
      const game = await findGame(slug);
      if (game.ownerId !== user.userId && !(await store.latest(game.id)))
        throw apiError('NOT_FOUND', `No game "${slug}".`);
      return game;
    },
    ownedGame: async (slug: string, user: Principal): Promise<GameRow> => {
      const game = await findGame(slug);
      if (game.ownerId !== user.userId)
        throw apiError('FORBIDDEN', `Only the creator of "${slug}" may change it.`);
      return game;
    },
  };
}
