import type { Principal } from '../auth/tokens.ts';
import type { ContentStore, GameRow } from '../content/store.ts';
import { gameVisibleTo } from '../content/game-visibility.ts';
import { apiError } from '../errors.ts';

/** Who may see and change a creator's game, as the content routes check it. */
export function contentAccess(store: ContentStore) {
  const findGame = async (slug: string) => {
    const game = await store.gameBySlug(slug);
    if (!game) throw apiError('NOT_FOUND', `No game "${slug}".`);
    return game;
  };
  /** A game nobody but its creator may see until its first version is published. */
  const visibleGame = async (slug: string, user: Principal): Promise<GameRow> => {
    const game = await findGame(slug);
    if (!(await gameVisibleTo(store, game, user.userId)))
      throw apiError('NOT_FOUND', `No game "${slug}".`);
    return game;
  };
  return {
    findGame,
    visibleGame,
    /**
     * A game the caller changes: someone else's published game is `FORBIDDEN` (everyone knows
     * it), someone else's unpublished draft `NOT_FOUND`, as a game that does not exist.
     */
    ownedGame: async (slug: string, user: Principal): Promise<GameRow> => {
      const game = await visibleGame(slug, user);
      if (game.ownerId !== user.userId)
        throw apiError('FORBIDDEN', `Only the creator of "${slug}" may change it.`);
      return game;
    },
  };
}
