import { applyAction, decideContext, seatViewer, SPECTATOR, startMatch } from '@cardtable/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoContent } from '../content/demo/index.ts';
import { ContentRegistry, createTcgGame, type TcgAction, type TcgGame } from '../src/index.ts';
import type { TcgEvent } from '../src/engine/events.ts';
import { buildState, scenarioContent } from './scenario.ts';
import { projectEvent } from '../src/engine/project.ts';
import { resumable, type Continuation } from '../src/engine/state.ts';
import { demoGame, hollowmereGame } from './helpers.ts';

let game: TcgGame;
beforeAll(async () => {
  game = await demoGame();
});

describe('options', () => {
  it('default to the newest demo ruleset and its first two decks', () => {
    const parsed = game.parseOptions(undefined, 2);
    expect(parsed.ok && parsed.value.ruleset).toBe('demo');
    expect(parsed.ok && parsed.value.version).toBe('1.0.2');
    expect(parsed.ok && parsed.value.decks.map((d) => d.name)).toEqual([
      'Ember Rush',
      'Tide Control',
    ]);
  });

  it('refuse unknown rulesets, bad decks (with every problem) and a wrong seat count', () => {
    expect(game.parseOptions({ ruleset: 'chess' }, 2)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_RULESET' },
    });
    expect(game.parseOptions({ ruleset: 'demo', version: '9.9.9' }, 2)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_RULESET' },
    });
    expect(game.parseOptions({}, 3)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_OPTIONS' },
    });
    expect(game.parseOptions({ decks: ['A', 'Z'] }, 2)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_DECK', details: { seat: 1 } },
    });
    const bad = game.parseOptions(
      { decks: ['A', { name: 'Pact', cards: [{ card: 'demo/doom-pact', count: 3 }] }] },
      2,
    );
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_DECK',
        details: {
          problems: [
            'The deck has 3 cards; Ember & Tide 1.0.2 needs exactly 20.',
            'Doom Pact is banned in Ember & Tide 1.0.2.',
            'The deck has 3 copies of Doom Pact; at most 2 are allowed.',
          ],
        },
      },
    });
  });

  it('refuse content with Lua abilities when the host has no Lua sandbox', () => {
    const bare = createTcgGame({ registry: new ContentRegistry([demoContent()]) });
    expect(bare.parseOptions({}, 2)).toMatchObject({
      ok: false,
      error: { code: 'LUA_UNAVAILABLE' },
    });
  });
});

describe('actions', () => {
  it('checks the shape of untrusted actions', () => {
    expect(game.parseAction({ type: 'play', payload: { card: 'c1' } }).ok).toBe(true);
    expect(game.parseAction({ type: 'play', payload: { card: 7 } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD' },
    });
    expect(game.parseAction({ type: 'fly' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_ACTION' },
    });
    expect(game.parseAction({ type: 'endTurn', payload: { extra: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD' },
    });
    // An activation: a handle, an ability id, targets by binding; nothing else.
    expect(
      game.parseAction({
        type: 'activate',
        payload: { card: 'c1', ability: 'flare', targets: { t: ['c2'] } },
      }),
    ).toEqual({
      ok: true,
      value: {
        type: 'activate',
        payload: { card: 'c1', ability: 'flare', targets: { t: ['c2'] } },
      },
    });
    for (const payload of [
      { card: 'c1' },
      { card: 'c1', ability: 7 },
      { card: 'c1', ability: 'a', targets: { t: 'c2' } },
      { card: 'c1', ability: 'a', extra: true },
      { card: 'c1', ability: 'x'.repeat(65) },
    ])
      expect(game.parseAction({ type: 'activate', payload })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_PAYLOAD' },
      });
  });

  it('shows the targets of an activation only to those who may see them', () => {
    const main = { id: 'main', kind: 'main', actions: ['play', 'attack', 'activate'] };
    const content = scenarioContent({
      ruleset: { turn: { 'phases!': [main] } },
      cards: [
        {
          id: 'test/sifter',
          name: 'Sifter',
          type: 'unit',
          cost: 1,
          stats: { attack: 1, health: 1 },
          abilities: [
            {
              id: 'sift',
              kind: 'activated',
              targets: [{ id: 't', choose: 'card & friendly & @hand' }],
              effects: [{ do: 'move', cards: '$t', to: 'discard' }],
            },
          ],
        },
      ],
    });
    const sifting = createTcgGame({ registry: new ContentRegistry([content]) });
    const state = buildState(content, {
      name: 'hidden targets',
      setup: { players: [{ board: ['test/sifter'], hand: ['demo/spark'] }, {}] },
      steps: [],
    });
    const action: TcgAction = {
      type: 'activate',
      payload: { card: 's0board0', ability: 'sift', targets: { t: ['s0hand0'] } },
    };
    const decided = sifting.decide(state, 0, action, decideContext('hidden', 1));
    if (!decided.ok) throw new Error(decided.error.message);
    const used = (decided.value as TcgEvent[]).find((e) => e.type === 'abilityActivated')!;
    const targetsFor = (seat: number) => {
      const seen = projectEvent(used, seatViewer(seat), state, content);
      return seen.type === 'abilityActivated' ? seen.data.targets : null;
    };
    expect(targetsFor(0)).toEqual({ t: ['s0hand0'] });
    expect(targetsFor(1)).toEqual({ t: [] });
  });

  it("keeps a play's and an activation's event as chosen: what the ability binds later is its own", async () => {
    const hollowmere = await hollowmereGame();
    const content = hollowmere.registry.list()[0]!;
    // Barrow Call (no target) runs Lua that damages each enemy thrall; the Bone Totem's
    // activated ability runs the same script.
    const state = {
      ...buildState(content, {
        name: 'events',
        setup: {
          players: [
            { mana: 3, hand: ['hollow/barrow-call'], board: ['hollow/bone-totem'] },
            { board: ['hollow/mere-drake', 'hollow/bog-warden'] },
          ],
        },
        steps: [],
      }),
      phase: 2,
    };
    const events = (action: TcgAction) => {
      const decided = hollowmere.decide(state, 0, action, decideContext('events', 1));
      if (!decided.ok) throw new Error(decided.error.message);
      return decided.value as TcgEvent[];
    };
    const played = events({ type: 'play', payload: { card: 's0hand0' } });
    expect(played.filter((e) => e.type === 'damageDealt')).toHaveLength(2);
    const cardPlayed = played.find((e) => e.type === 'cardPlayed');
    expect(cardPlayed?.type === 'cardPlayed' && cardPlayed.data.targets).toEqual({});
    const used = events({ type: 'activate', payload: { card: 's0board0', ability: 'quake' } });
    expect(used.filter((e) => e.type === 'damageDealt')).toHaveLength(2);
    const activated = used.find((e) => e.type === 'abilityActivated');
    expect(activated?.type === 'abilityActivated' && activated.data.targets).toEqual({});
  });
});

describe('opening', () => {
  const open = () => {
    const options = game.parseOptions({}, 2);
    if (!options.ok) throw new Error(options.error.message);
    return startMatch(game, {
      options: options.value,
      seats: [{ kind: 'human' }, { kind: 'human' }],
      seed: 'opening',
    });
  };

  it('deals opening hands, gives the second player its bonus card and waits for both mulligans', () => {
    const { match } = open();
    const first = match.state.firstPlayer;
    const second = 1 - first;
    expect(match.state.players[first]!.zones.hand).toHaveLength(3);
    expect(match.state.players[second]!.zones.hand).toHaveLength(5);
    expect(match.state.cards[match.state.players[second]!.zones.hand!.at(-1)!]!.defId).toBe(
      'demo/spark',
    );
    expect(game.activeSeats(match.state)).toEqual([0, 1]);
  });

  it('replaces the chosen cards, then starts the first turn once both players have decided', () => {
    let { match } = open();
    const hand = match.state.players[0]!.zones.hand!;
    const replaced = applyAction(
      game,
      match,
      0,
      { type: 'mulligan', payload: { replace: hand.slice(0, 2) } },
      'm0',
    );
    if (!replaced.ok) throw new Error(replaced.error.message);
    match = replaced.value.match;
    expect(match.state.players[0]!.zones.hand).toHaveLength(hand.length);
    expect(match.state.players[0]!.zones.hand!.filter((h) => hand.includes(h))).toHaveLength(
      hand.length - 2,
    );
    expect(
      applyAction(game, match, 0, { type: 'mulligan', payload: { replace: [] } }, 'm1'),
    ).toMatchObject({ ok: false, error: { code: 'NOT_YOUR_TURN' } });
    const kept = applyAction(game, match, 1, { type: 'timeout', payload: {} }, 'm2');
    if (!kept.ok) throw new Error(kept.error.message);
    const state = kept.value.match.state;
    expect(state.status).toBe('playing');
    expect(state.turn).toBe(1);
    expect(state.active).toBe(state.firstPlayer);
    expect(state.players[state.active]!.resource).toEqual({ current: 1, max: 1 });
  });

  it('shows a hand to its owner only and never a deck', () => {
    const { match } = open();
    const mine = game.view(match.state, seatViewer(0)).players;
    expect(Array.isArray(mine[0]!.zones.hand)).toBe(true);
    expect(typeof mine[1]!.zones.hand).toBe('number');
    expect(typeof mine[0]!.zones.deck).toBe('number');
    const spectator = game.view(match.state, SPECTATOR);
    expect(spectator.players.map((p) => typeof p.zones.hand)).toEqual(['number', 'number']);
    expect(Object.values(spectator.cards)).toEqual([]);
    expect(spectator.faces).toEqual({});
    const own = game.view(match.state, seatViewer(0));
    const handIds = (own.players[0]!.zones.hand as string[]).map((h) => own.cards[h]!.defId);
    expect(Object.keys(own.faces).sort()).toEqual([...new Set(handIds)].sort());
    expect(own.faces[handIds[0]!]).toMatchObject({
      name: expect.any(String),
      text: expect.any(String),
      art: { palette: expect.any(String) },
    });
  });

  it('plays a timed-out seat with the timeout action', () => {
    const { match } = open();
    expect(game.timeoutAction(match.state, 0)).toEqual({ type: 'timeout', payload: {} });
  });
});

describe('paused work', () => {
  it('resumes a copy that shares the effect lists only', () => {
    const effects = [{ do: 'damage', to: '$target', amount: 1 }];
    const option = { label: 'a', effects: [{ do: 'draw', count: 1 }] };
    const event = { on: 'attacks', subject: 'c1', source: null, player: 0, amount: 0 };
    const paused = {
      work: [
        {
          kind: 'ability',
          frame: {
            id: 'f1',
            ability: { card: 'demo/x', ability: 'a' },
            source: { handle: 'c1', defId: 'demo/x', controller: 0, owner: 0 },
            controller: 0,
            // A target the content named `effects`: a binding, copied like any other.
            bindings: { effects: ['c2'], target: ['c3'] },
            event,
            stage: { kind: 'run', loaded: true },
            cursors: [{ nodes: effects, index: 1, repeat: 0, each: { as: 'u', items: ['c4'] } }],
            awaiting: { kind: 'option', options: [option] },
            chosen: null,
          },
        },
      ],
      queue: [],
      batch: [],
    } as unknown as Continuation;
    const copy = resumable(paused);
    expect(copy).toEqual(paused);
    const [frame, original] = [copy.work[0], paused.work[0]].map((t) =>
      t?.kind === 'ability' ? t.frame : null,
    );
    expect(frame!.cursors[0]!.nodes).toBe(original!.cursors[0]!.nodes);
    const awaiting = frame!.awaiting as { options: { effects: unknown }[] };
    expect(awaiting.options[0]!.effects).toBe(option.effects);
    for (const written of [
      frame!.bindings.effects,
      frame!.bindings.target,
      frame!.cursors[0]!.each!.items,
    ])
      written!.push('c9');
    frame!.cursors[0]!.index = 5;
    expect(original!.bindings).toEqual({ effects: ['c2'], target: ['c3'] });
    expect(original!.cursors[0]).toEqual({
      nodes: effects,
      index: 1,
      repeat: 0,
      each: { as: 'u', items: ['c4'] },
    });
  });
});
