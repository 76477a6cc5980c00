import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { GameSummary } from '@cardtable/sdk';
import { GameList } from '../src/home/GameList.tsx';
import { orderGames, playCountText } from '../src/home/games.ts';
import { setupErrors } from '../src/home/setup-errors.ts';
import { playerCounts } from '../src/social/queue-seats.ts';
import { quickPlayLabel } from '../src/game/table-setup.ts';
import { quickPlay } from '../src/home/quick-play.ts';
import { defaultTcgSetup, emptyDeckLists, tcgMatchRequest } from '../src/home/tcg-setup.ts';

const game = (fields: Partial<GameSummary>): GameSummary => ({
  slug: 'reef-war',
  name: 'Reef War',
  description: 'Tides and teeth.',
  kind: 'tcg',
  builtIn: false,
  creator: { id: 'u1', name: 'Marin' },
  latestVersion: 3,
  playCount: 0,
  seats: { min: 2, max: 2 },
  decks: [
    { id: 'shoal', name: 'Shoal' },
    { id: 'abyss', name: 'Abyss' },
  ],
  ...fields,
});

const GOLF = game({
  slug: 'golf',
  name: 'Golf',
  kind: 'golf',
  builtIn: true,
  creator: null,
  latestVersion: null,
  playCount: 12,
  decks: [],
});

describe('the home page game list', () => {
  it('puts the built-in games first in catalog order, then the published ones by name, whatever their play counts', () => {
    const games = [
      GOLF,
      game({ slug: 'tcg', name: 'Ember & Tide', builtIn: true, playCount: 90 }),
      game({ slug: 'b', name: 'Beta', playCount: 2 }),
      game({ slug: 'a', name: 'Alpha', playCount: 2 }),
      game({ slug: 'spiritbound', name: 'Spiritbound', builtIn: true, playCount: 0 }),
      game({ slug: 'c', name: 'Gamma', playCount: 40 }),
    ];
    expect(orderGames(games).map((g) => g.slug)).toEqual([
      'golf',
      'tcg',
      'spiritbound',
      'a',
      'b',
      'c',
    ]);
    // A fresh server (no plays at all) lists them the same way.
    const fresh = games.map((g) => ({ ...g, playCount: 0 }));
    expect(orderGames(fresh).map((g) => g.slug)).toEqual(orderGames(games).map((g) => g.slug));
  });

  it('shows each game with its name, creator, description and play count', () => {
    const html = renderToStaticMarkup(
      createElement(GameList, {
        games: [GOLF, game({ playCount: 1204 })],
        selected: 'reef-war',
        onSelect: () => {},
      }),
    );
    expect(html).toContain('Reef War');
    expect(html).toContain('by Marin');
    expect(html).toContain('version 3');
    expect(html).toContain('Tides and teeth.');
    expect(html).toContain('1,204 matches played');
    expect(html).toContain('Built in');
    expect(html).toContain('12 matches played');
    // One real button per game, its state said to assistive technology.
    expect(html.match(/<button type="button"/g)).toHaveLength(2);
    const names = [...html.matchAll(/aria-pressed="(\w+)"[^>]*>(.*?)<\/button>/g)].map(
      ([, pressed, inner]) => [pressed, inner?.replace(/<[^>]+>/g, '')],
    );
    expect(names).toEqual([
      ['false', 'Set up a match: Golf'],
      ['true', 'Chosen: Reef War'],
    ]);
  });

  it('counts plays in words', () => {
    expect(playCountText(0)).toBe('0 matches played');
    expect(playCountText(1)).toBe('1 match played');
  });
});

describe('setting up a card game match', () => {
  it('defaults to the first two decks against the easy CPU and the latest version', () => {
    const setup = defaultTcgSetup(game({}));
    expect(tcgMatchRequest(game({}), setup, ' Ada ')).toEqual({
      game: 'reef-war',
      seats: [
        { kind: 'human', name: 'Ada', deck: 'shoal' },
        { kind: 'cpu', profile: 'easy', deck: 'abyss' },
      ],
    });
  });

  it('sends a pinned version, a pasted list and an open seat for a friend', () => {
    const request = tcgMatchRequest(
      game({}),
      {
        version: 2,
        decks: [
          { kind: 'list', text: '2 reef/pearl-diver' },
          { kind: 'deck', id: 'abyss' },
        ],
        opponent: { kind: 'friend' },
        turnSeconds: 60,
      },
      '',
    );
    expect(request).toEqual({
      game: 'reef-war',
      version: 2,
      seats: [
        { kind: 'human', deck: { list: '2 reef/pearl-diver' } },
        { kind: 'human', deck: 'abyss' },
      ],
      turnTimeLimitMs: 60_000,
    });
  });

  it('puts the validator sentences under the deck they are about', () => {
    const errors = setupErrors({
      code: 'BAD_REQUEST',
      message: 'The deck of seat 2 is not valid.',
      status: 400,
      details: { seat: 1, problems: ['Pearl Diver is banned.', 'A deck needs 20 cards.'] },
    });
    expect(errors).toEqual({
      decks: [[], ['Pearl Diver is banned.', 'A deck needs 20 cards.']],
      form: [],
    });
    expect(setupErrors({ code: 'NETWORK_ERROR', message: 'offline' })).toEqual({
      decks: [[], []],
      form: ['offline'],
    });
  });

  it('says an empty pasted list at its field before sending', () => {
    const setup = defaultTcgSetup(game({}));
    expect(emptyDeckLists(setup)).toEqual([[], []]);
    setup.decks[1] = { kind: 'list', text: '  \n' };
    expect(emptyDeckLists(setup)).toEqual([[], ['Paste a deck list, or pick a deck.']]);
  });

  it('never sends a version for a built-in game', () => {
    const builtIn = game({ slug: 'tcg', builtIn: true, latestVersion: null });
    const request = tcgMatchRequest(builtIn, { ...defaultTcgSetup(builtIn), version: 4 }, 'Ada');
    expect(request).not.toHaveProperty('version');
  });
});

describe('the player counts Find an opponent offers', () => {
  it('follows the game: a head-to-head game offers no choice, Golf two to four', () => {
    expect(playerCounts({ min: 2, max: 2 })).toEqual([2]);
    expect(playerCounts({ min: 2, max: 8 })).toEqual([2, 3, 4]);
    expect(playerCounts({ min: 3, max: 6 })).toEqual([3, 4]);
  });
});

describe('the quick-play button', () => {
  it('says how many holes it deals, so a nine-hole game is no surprise', () => {
    expect(quickPlayLabel()).toBe('Play Golf now: 9 holes against 3 CPUs');
  });

  it('names the game chosen below it and plays that one, never Golf in its place', () => {
    expect(quickPlay(GOLF)).toEqual({ kind: 'golf', label: quickPlayLabel() });
    // Before the list of games arrives only Golf is known.
    expect(quickPlay(undefined).kind).toBe('golf');
    const reef = game({});
    expect(quickPlay(reef)).toEqual({
      kind: 'tcg',
      label: 'Play Reef War now against the easy CPU',
      game: reef,
      setup: defaultTcgSetup(reef),
    });
    const request = tcgMatchRequest(reef, defaultTcgSetup(reef), 'Ada');
    expect(request.game).toBe('reef-war');
    expect(request.seats[1]).toMatchObject({ kind: 'cpu', profile: 'easy', deck: 'abyss' });
    // No deck to deal yet: the button opens its setup, saying so.
    expect(quickPlay(game({ decks: [] }))).toMatchObject({
      kind: 'setup',
      label: 'Set up a match of Reef War',
    });
  });
});
