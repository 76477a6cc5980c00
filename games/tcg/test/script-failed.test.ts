import { seatViewer, SPECTATOR, EVERYTHING } from '@cardtable/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { demoContent, tcgGameFor } from '../content/demo/index.ts';
import { decideContext } from '@cardtable/engine';
import { samplePosition, type TcgEvent } from '../src/index.ts';
import { runScript } from '../src/engine/lua.ts';
import { Runner } from '../src/engine/runner.ts';
import type { ScriptHost } from '../src/engine/scripts.ts';
import type { Frame } from '../src/engine/state.ts';
import { contentOf, hourglassGame } from './helpers.ts';

const game = await tcgGameFor(demoContent());
afterAll(() => game.dispose());

describe('scriptFailed: a Lua failure in the log, projected like any other event', () => {
  const state = samplePosition(game, demoContent(), 'failures');
  const failure = (source: string): TcgEvent => ({
    type: 'scriptFailed',
    data: {
      source,
      card: state.cards[source]!.defId,
      ability: 'roll',
      module: 'gambler',
      entry: 'resolve',
      code: 'RUNTIME',
      line: 3,
      message: 'The script raised an error and did nothing.',
      detail: 'attempt to index a nil value (local "t")',
    },
  });

  it('shows card, module, line and code to whoever can see the source; the detail stays on the server', () => {
    const onBoard = state.players[0]!.zones.board![0]!;
    const event = failure(onBoard);
    expect(game.projectEvent(event, EVERYTHING, state)).toEqual(event);
    for (const viewer of [seatViewer(0), seatViewer(1), SPECTATOR])
      expect(game.projectEvent(event, viewer, state)).toEqual({
        type: 'scriptFailed',
        data: { ...event.data, detail: null },
      });
  });

  it('names no card to a viewer who cannot see the source (a card in a hand)', () => {
    const inHand = state.players[0]!.zones.hand![0]!;
    const event = failure(inHand);
    expect(game.projectEvent(event, seatViewer(0), state)).toMatchObject({
      data: {
        source: inHand,
        card: event.type === 'scriptFailed' ? event.data.card : '',
        detail: null,
      },
    });
    expect(game.projectEvent(event, seatViewer(1), state)).toEqual({
      type: 'scriptFailed',
      data: {
        source: '',
        card: '',
        ability: '',
        module: '',
        entry: '',
        code: 'RUNTIME',
        line: null,
        message: 'The script raised an error and did nothing.',
        detail: null,
      },
    });
  });
});

describe("a keyword's script names its tokens with their card, in a match as in the validator", () => {
  it('refuses "#grain" from a keyword even when the unit running it has a Grain', async () => {
    const hourglass = await hourglassGame();
    try {
      const content = contentOf(hourglass);
      const state = samplePosition(hourglass, content, '0');
      const asked: ScriptHost = {
        engine: 'stub',
        run: () => ({
          ok: true,
          value: {
            effects: [{ do: 'summon', card: '#grain', count: 1, for: '$controller' }],
            bindings: {},
          },
        }),
      };
      const r = new Runner(state, content, decideContext('keyword-token', state.seq + 1), asked);
      const seat = state.active;
      // The Sand Golem has a Grain of its own: a keyword's "#grain" still names no card's.
      const frame: Frame = {
        id: 'f',
        ability: { keyword: 'sandfall', ability: 'spill' },
        source: { handle: 'golem', defId: 'hourglass/sand-golem', controller: seat, owner: seat },
        controller: seat,
        bindings: {},
        event: null,
        stage: { kind: 'run', loaded: true },
        cursors: [],
        awaiting: null,
        chosen: null,
      };
      expect(runScript(r, frame, { module: 'oracle', entry: 'trickle' })).toEqual([]);
      const failed = r.events.find((e) => e.type === 'scriptFailed');
      expect(failed?.data).toMatchObject({ code: 'INVALID_EFFECTS' });
      expect((failed?.data as { detail: string }).detail).toContain(
        'an ability of the keyword "sandfall" belongs to no card',
      );
      // The card's own ability names its own Grain.
      const own = { ...frame, ability: { card: 'hourglass/sand-golem', ability: 'spill' } };
      expect(runScript(r, own, { module: 'oracle', entry: 'trickle' })).toHaveLength(1);
    } finally {
      hourglass.dispose();
    }
  });
});
