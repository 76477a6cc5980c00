import type { GameSummary } from '@cardtable/sdk';
import { playCountText } from './games.ts';

/** Every game this server offers: built-in and published, each with a button to set up a match. */
export function GameList({
  games,
  selected,
  onSelect,
}: {
  games: readonly GameSummary[];
  selected: string | null;
  onSelect(slug: string): void;
}) {
  return (
    <ul className="game-list" data-testid="game-list">
      {games.map((game) => {
        const chosen = game.slug === selected;
        return (
          <li
            key={game.slug}
            className={chosen ? 'game-item game-chosen' : 'game-item'}
            data-testid={`game-${game.slug}`}
          >
            <h3 className="game-name">{game.name}</h3>
            <p className="game-meta">
              {game.builtIn ? 'Built in' : `by ${game.creator?.name ?? 'unknown'}`}
              {game.latestVersion === null ? '' : ` · version ${game.latestVersion}`}
              {' · '}
              <span data-testid="play-count">{playCountText(game.playCount)}</span>
            </p>
            {game.description ? <p className="game-description">{game.description}</p> : null}
            <button
              type="button"
              className={chosen ? 'primary' : undefined}
              aria-pressed={chosen}
              onClick={() => onSelect(game.slug)}
              data-testid={`choose-${game.slug}`}
            >
              {/* The name heard starts with the words seen (WCAG label in name). */}
              {chosen ? 'Chosen' : 'Set up a match'}
              <span className="visually-hidden">: {game.name}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
