import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReplayFile } from '@cardtable/engine';
import type { TcgEvent, TcgView } from '@cardtable/tcg/ui';
import { ReplayPlayer } from '../src/replay/player.ts';
import { TcgDirector } from '../src/tcg/animation/director.ts';
import type { ContentSource, SchemaValidSource } from '@cardtable/tcg/replay';
import { checkReplayContent } from '@cardtable/tcg/replay-check';
import { builtInContent } from '../src/tcg/replay/built-in-content.ts';
import { replayContent, type PublishedFiles } from '../src/tcg/replay/replay-content.ts';
import { buildTcgTimeline, type TcgTimeline } from '../src/tcg/replay/tcg-timeline.ts';
import { playTcg } from './fixtures/tcg-match.ts';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { extraZones, TcgPiles } from '../src/tcg/TcgPiles.tsx';

const instant = () => Promise.resolve();

/** What the page's worker does (`content-check-worker.ts`), here on the test's thread. */
function checked(source: ContentSource): SchemaValidSource {
  const verdict = checkReplayContent(source);
  if (!verdict.ok) throw new Error(verdict.error.message);
  return verdict.value;
}

describe('the card game replay timeline', () => {
  let replay: ReplayFile;
  let timeline: TcgTimeline;
  let demo: SchemaValidSource;
  beforeAll(async () => {
    replay = await playTcg('tcg-replay-1');
    demo = checked((await builtInContent('tcg'))!);
    const built = buildTcgTimeline(structuredClone(replay), demo);
    if (!built.ok) throw new Error(built.error.message);
    timeline = built.value;
  }, 60_000);

  it('folds the log with the content shipped with the app, to the same result', () => {
    const last = timeline.events.length;
    expect(last).toBe(replay.events.length);
    expect(timeline.view(last).outcome).toEqual(replay.match.result);
    expect(timeline.view(0).status).not.toBe('over');
  });

  it("shows everything, one seat's cards, or only what a spectator sees", () => {
    const middle = Math.round(timeline.events.length / 2);
    const all = timeline.view(middle);
    expect(Array.isArray(all.players[0]!.zones.hand)).toBe(true);
    expect(Array.isArray(all.players[1]!.zones.hand)).toBe(true);
    const ada = timeline.seenBy({ kind: 'seat', seat: 0 }).view(middle);
    expect(Array.isArray(ada.players[0]!.zones.hand)).toBe(true);
    expect(typeof ada.players[1]!.zones.hand).toBe('number');
    const spectator = timeline.seenBy({ kind: 'spectator' }).view(middle);
    expect(typeof spectator.players[0]!.zones.hand).toBe('number');
    expect(typeof spectator.players[1]!.zones.hand).toBe('number');
  });

  it("draws the ruleset's own zones as piles (Ember & Tide's exile), with what is on top", () => {
    const view = structuredClone(timeline.view(timeline.events.length));
    expect(extraZones(view, 0)).toEqual(['exile']);
    const piles = (v: TcgView) =>
      renderToStaticMarkup(createElement(TcgPiles, { view: v, seat: 0, who: 'me', art: {} }));
    expect(piles(view)).toContain('aria-label="Exile: 0 cards"');
    // Every pile is named on the table, the deck and the discard pile too (a new player could
    // not tell them apart).
    for (const name of ['Deck', 'Discard', 'Exile'])
      expect(piles(view)).toContain(`title="${name}" role="img">`);
    expect(piles(view).match(/class="tcg-pile-name" aria-hidden="true">(\w+)</g)).toEqual([
      'class="tcg-pile-name" aria-hidden="true">Deck<',
      'class="tcg-pile-name" aria-hidden="true">Discard<',
      'class="tcg-pile-name" aria-hidden="true">Exile<',
    ]);
    const zones = view.players[0]!.zones;
    const gone = (zones.discard as string[]).at(-1)!;
    zones.exile = [gone];
    const name = view.faces[view.cards[gone]!.defId]!.name;
    expect(piles(view)).toContain(`aria-label="Exile: 1 card, ${name} on top"`);
    zones.exile = 3;
    expect(piles(view)).toMatch(
      /aria-label="Exile: 3 cards" title="Exile" role="img"><span class="tcg-card-back"/,
    );
  });

  it('refuses what it cannot fold, with a code', () => {
    const wrongGame = { ...replay, match: { ...replay.match, game: 'golf' } };
    const refused = buildTcgTimeline(wrongGame, demo);
    expect(!refused.ok && refused.error.code).toBe('WRONG_GAME');
    const otherSet = {
      ...replay,
      match: { ...replay.match, options: { ...(replay.match.options as object), ruleset: 'x' } },
    };
    const unknown = buildTcgTimeline(otherSet, demo);
    expect(!unknown.ok && unknown.error.code).toBe('BAD_OPTIONS');
  });

  it('refuses content that fails its schemas before anything folds, naming the place', () => {
    const broken = { ...demo, cards: { cards: [{ id: 'x' }] } };
    const verdict = checkReplayContent(broken);
    expect(!verdict.ok && verdict.error.code).toBe('UNKNOWN_CONTENT');
    expect(!verdict.ok && verdict.error.message).toMatch(
      /^The match's content does not load: cards: schema: is required.*cards\[0\]\.name: is required/,
    );
  });

  it('plays through the shared replay player with the card game director', async () => {
    const director = new TcgDirector({
      timing: () => ({ reducedMotion: false, speed: 1 }),
      name: (seat) => `Seat ${seat}`,
      me: () => null,
      wait: instant,
    });
    const player = new ReplayPlayer<TcgEvent, TcgView>(timeline, director, instant);
    player.seek(10);
    expect(director.getSnapshot().view).toEqual(timeline.view(10));
    player.next();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(player.getSnapshot().position).toBe(11);
    expect(director.getSnapshot().view).toEqual(timeline.view(11));
    player.end();
    expect(director.getSnapshot().view?.outcome).toEqual(replay.match.result);
  });
});

describe("a card game replay's content", () => {
  const noApi: PublishedFiles = () => {
    throw new Error('a built-in or embedded replay never asks the content API');
  };

  it('finds a built-in set by the game the match recorded: a Spiritbound replay opens', async () => {
    const replay = await playTcg('spiritbound-replay-1', 'spiritbound');
    const source = await replayContent(replay, noApi);
    if (!source.ok) throw new Error(source.error.message);
    const built = buildTcgTimeline(replay, checked(source.value));
    if (!built.ok) throw new Error(built.error.message);
    const last = built.value.events.length;
    expect(built.value.view(last).outcome).toEqual(replay.match.result);
    expect(built.value.view(last).battler).toBeDefined();
  }, 60_000);

  it('opens a replay of an earlier demo version with the content of that version', async () => {
    const replay = await playTcg('demo-1.0.0-replay-1', 'tcg', '1.0.0');
    const source = await replayContent(replay, noApi);
    if (!source.ok) throw new Error(source.error.message);
    expect((source.value.ruleset as { version: string }).version).toBe('1.0.0');
    const built = buildTcgTimeline(replay, checked(source.value));
    if (!built.ok) throw new Error(built.error.message);
    expect(built.value.view(built.value.events.length).outcome).toEqual(replay.match.result);
    // The current demo is another version: it would not open this match.
    const current = buildTcgTimeline(replay, checked((await builtInContent('tcg'))!));
    expect(current.ok ? null : current.error.message).toMatch(/No ruleset "demo" version 1\.0\.0/);
  }, 60_000);

  it("fetches a published game's pinned version when the file does not embed it, and checks its hash", async () => {
    const replay = await playTcg('published-replay-1');
    const files = await demoFiles();
    const pinned = { slug: 'ember', version: 3, contentHash: 'sha256:abc', name: 'Ember' };
    const published = { ...replay, match: { ...replay.match, content: pinned } };
    const asked: [string, number][] = [];
    const api =
      (contentHash: string): PublishedFiles =>
      async (slug, version) => {
        asked.push([slug, version]);
        return { ok: true, value: { contentHash, files } };
      };
    const source = await replayContent(published, api('sha256:abc'));
    if (!source.ok) throw new Error(source.error.message);
    expect(asked).toEqual([['ember', 3]]);
    expect(buildTcgTimeline(published, checked(source.value)).ok).toBe(true);

    const other = await replayContent(published, api('sha256:def'));
    expect(!other.ok && other.error.code).toBe('CONTENT_MISMATCH');
    const gone = await replayContent(published, async () => ({
      ok: false,
      error: { status: 404, code: 'NOT_FOUND', message: 'No game "ember".' },
    }));
    expect(!gone.ok && gone.error.code).toBe('UNKNOWN_CONTENT');
    expect(!gone.ok && gone.error.message).toContain('No game "ember".');

    // A file that embeds its content folds with it, without asking.
    const embedded = { ...published, content: { contentHash: 'sha256:abc', files } };
    expect((await replayContent(embedded, noApi)).ok).toBe(true);
    const unknownGame = { ...replay, match: { ...replay.match, game: 'chess' } };
    const none = await replayContent(unknownGame, noApi);
    expect(!none.ok && none.error.code).toBe('UNKNOWN_CONTENT');
  }, 60_000);
});

describe("the card game replay page's bundle", () => {
  it('folds without the rules that decide, the Lua path or the schema validator', async () => {
    // The page runs the schema validator only in its worker (`content-check-worker.ts`, a
    // bundle of its own); the page itself evolves and views. esbuild (which tsx brings)
    // bundles what it imports.
    const result = await build({
      entryPoints: [
        fileURLToPath(new URL('../src/tcg/replay/TcgReplayViewer.tsx', import.meta.url)),
      ],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      loader: { '.css': 'empty' },
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.endsWith('tcg/src/engine/fold.ts'))).toBe(true);
    const unused = /tcg\/src\/(schema\/validat|engine\/(decide|lua)\.ts$)/;
    expect(inputs.filter((input) => unused.test(input))).toEqual([]);
  }, 60_000);
});

/** The demo set as a package's files, the way a published version stores them. */
async function demoFiles(): Promise<Record<string, string>> {
  const demo = (await builtInContent('tcg'))!;
  const files: Record<string, string> = {
    'ruleset.json': JSON.stringify(demo.ruleset),
    'cards.json': JSON.stringify(demo.cards),
    'decks.json': JSON.stringify(demo.decks),
  };
  for (const [module, text] of Object.entries(demo.scripts ?? {}))
    files[`lua/${module}.lua`] = text;
  return files;
}
