import { describe, expect, it } from 'vitest';
import type { VersionSummary } from '@cardtable/sdk';
import {
  bannableCards,
  cardNames,
  currentVersion,
  decksHit,
  newestFirst,
} from '../src/studio/version-list.ts';

const version = (n: number, deprecated = false): VersionSummary => ({
  version: n,
  contentHash: `sha256:${n}`,
  publishedAt: '2026-12-06T00:00:00.000Z',
  deprecated,
  banlist: [],
});

const cards = [
  { id: 'reef/moray-eel', name: 'Moray Eel' },
  { id: 'reef/crab', name: 'Crab' },
  { id: 'reef/spawn', name: 'Spawn', token: true },
];

describe('the studio’s published versions', () => {
  it('lists them newest first and names the one new matches take', () => {
    const versions = [version(1), version(3, true), version(2)];
    expect(newestFirst(versions).map((v) => v.version)).toEqual([3, 2, 1]);
    expect(currentVersion(versions)).toBe(2);
    expect(currentVersion([version(1, true)])).toBeNull();
  });

  it('offers the version’s own cards for a banlist, not its tokens, by name', () => {
    expect(bannableCards(cards).map((c) => c.name)).toEqual(['Crab', 'Moray Eel']);
  });

  it('names a banlist’s cards as the version calls them', () => {
    expect(cardNames(['reef/moray-eel', 'reef/crab'], cards)).toEqual(['Moray Eel', 'Crab']);
    expect(cardNames(['reef/gone'], cards)).toEqual(['reef/gone']);
  });

  it('says which decks a banlist makes unplayable, and for which cards', () => {
    const decks = [
      { id: 'depths', name: 'Depths', cards: [{ card: 'reef/moray-eel', count: 2 }] },
      { id: 'shallows', name: 'Shallows', cards: [{ card: 'reef/crab', count: 3 }] },
    ];
    expect(decksHit(decks, cards, new Set(['reef/moray-eel']))).toEqual([
      { deck: 'Depths', cards: ['Moray Eel'] },
    ]);
    expect(decksHit(decks, cards, new Set())).toEqual([]);
  });
});
