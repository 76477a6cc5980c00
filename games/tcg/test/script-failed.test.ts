import { seatViewer, SPECTATOR, EVERYTHING } from '@cardtable/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { demoContent, tcgGameFor } from '../content/demo/index.ts';
import { samplePosition, type TcgEvent } from '../src/index.ts';

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
