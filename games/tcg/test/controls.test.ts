import { decideContext, seatViewer } from '@cardtable/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoContent } from '../content/demo/index.ts';
import { playWith, tcgControls, type TcgAction, type TcgGame } from '../src/index.ts';
import {
  abilityNames,
  activationLabel,
  nextPhaseLabel,
  phaseName,
  phaseTrack,
  type TcgView,
} from '../src/ui/index.ts';
import { demoGame, hollowmereGame, saltroadGame } from './helpers.ts';
import { buildState, type Scenario } from './scenario.ts';

let game: TcgGame;
beforeAll(async () => {
  game = await demoGame();
});

const position: Scenario = {
  name: 'controls',
  setup: {
    players: [
      {
        mana: 2,
        hand: ['demo/firebolt', 'demo/assassinate', 'demo/spark'],
        board: ['demo/swift-raider', { card: 'demo/venom-spitter', new: true }],
      },
      { board: ['demo/shield-bearer', 'demo/fire-imp'] },
    ],
  },
  steps: [],
};

describe('tcgControls', () => {
  it('groups the legal actions for a table: playable cards with targets, attackers, end turn', () => {
    const state = buildState(demoContent(), position);
    const controls = tcgControls(game.view(state, seatViewer(0)), game.legalActions(state, 0));
    expect(controls.playable.map((p) => p.card)).toEqual(['s0hand0', 's0hand2']);
    expect(controls.playable[0]!.targets).toEqual({ t: ['hero:1', 's1board0', 's1board1'] });
    expect(controls.attacks).toEqual({ s0board0: ['s1board0'] });
    expect(controls.canEndTurn).toBe(true);
    expect(controls.canPass).toBe(false);
    expect(controls.decision).toBeNull();
    expect(playWith(controls.playable[0]!, { t: ['hero:1'] })).toEqual({
      type: 'play',
      payload: { card: 's0hand0', targets: { t: ['hero:1'] } },
    });
    expect(playWith(controls.playable[0]!, { t: ['s0board0'] })).toBeNull();
  });

  it("groups a unit's activated abilities with their targets, and finds the action for chosen ones", async () => {
    const hollowmere = await hollowmereGame();
    const content = hollowmere.registry.list()[0]!;
    const state = buildState(content, {
      name: 'activations',
      setup: {
        players: [
          { mana: 2, board: ['hollow/lantern-keeper', { card: 'hollow/bone-totem', new: true }] },
          { board: ['hollow/mire-wisp', 'hollow/bog-warden'] },
        ],
      },
      steps: [],
    });
    // The first main phase ("muster") only plays; "clash" attacks, plays and activates.
    const clash = { ...state, phase: 2 };
    expect(
      tcgControls(hollowmere.view(state, seatViewer(0)), hollowmere.legalActions(state, 0))
        .activations,
    ).toEqual([]);
    const controls = tcgControls(
      hollowmere.view(clash, seatViewer(0)),
      hollowmere.legalActions(clash, 0),
    );
    // The totem entered this turn: it cannot exhaust yet.
    expect(controls.activations.map((a) => [a.card, a.ability, a.targets])).toEqual([
      ['s0board0', 'flare', { t: ['s1board0', 's1board1'] }],
    ]);
    expect(playWith(controls.activations[0]!, { t: ['s1board1'] })).toEqual({
      type: 'activate',
      payload: { card: 's0board0', ability: 'flare', targets: { t: ['s1board1'] } },
    });
    expect(playWith(controls.activations[0]!, { t: ['s0board1'] })).toBeNull();
    // Refusals say the ruleset's word for a unit.
    const refused = (action: TcgAction) => {
      const result = hollowmere.decide(clash, 0, action, decideContext('refusals', 1));
      return result.ok ? null : result.error.message;
    };
    expect(refused({ type: 'activate', payload: { card: 's0board1', ability: 'quake' } })).toBe(
      'That thrall entered the board this turn.',
    );
    expect(refused({ type: 'attack', payload: { attacker: 's0board1', target: 'hero:1' } })).toBe(
      'A thrall with no attack cannot attack.',
    );
    expect(hollowmere.view(clash, seatViewer(1)).faces['hollow/lantern-keeper']!.activated).toEqual(
      [
        {
          id: 'flare',
          text: 'Activate (2 embers; once a turn): Deal 1 damage to an enemy thrall.',
          effect: 'Deal 1 damage to an enemy thrall.',
          terms: { cost: 2, exhaust: false, perTurn: 1, condition: null },
        },
      ],
    );
    // The button is worded from those terms, not read back out of the rules line.
    expect(activationLabel(hollowmere.view(clash, seatViewer(0)), controls.activations[0]!)).toBe(
      'Lantern Keeper: deal 1 damage to an enemy thrall (2 embers; once a turn)',
    );
  });

  it("labels a custom keyword's activated ability by its keyword and effect, printed or granted", async () => {
    const saltroad = await saltroadGame();
    const content = saltroad.registry.list()[0]!;
    const state = buildState(content, {
      name: 'wayfarers',
      setup: {
        players: [
          {
            mana: 3,
            deck: ['saltroad/raid', 'saltroad/raid'],
            board: ['saltroad/mule-driver', 'saltroad/pathfinder'],
          },
          { board: ['saltroad/caravan-guard'] },
        ],
      },
      steps: [],
    });
    const view = saltroad.view(state, seatViewer(0));
    const controls = tcgControls(view, saltroad.legalActions(state, 0));
    expect(controls.activations.map((a) => [a.card, a.ability])).toEqual([
      ['s0board0', 'ride'],
      ['s0board1', 'chart'],
    ]);
    expect(controls.activations.map((a) => activationLabel(view, a))).toEqual([
      'Mule Driver, Wayfarer: put the top card of your deck into your road (exhaust; once a turn)',
      'Pathfinder: put the top card of your deck into your road (2 coin; once a turn)',
    ]);
    // The game log calls a keyword's ability by its keyword, a card's own by nothing more.
    expect(abilityNames(view)('s0board0', 'ride')).toBe('Wayfarer');
    expect(abilityNames(view)('s0board1', 'chart')).toBeNull();
    expect(view.glossary.keywords.wayfarer!.activated![0]!.terms).toEqual({
      cost: 0,
      exhaust: true,
      perTurn: 1,
      condition: null,
    });
    // Granted, not printed: the unit's keywords now, as the engine reads them.
    const granted = {
      ...view,
      cards: {
        ...view.cards,
        s0board1: {
          ...view.cards.s0board1!,
          stats: { ...view.cards.s0board1!.stats!, keywords: ['wayfarer'] },
        },
      },
    };
    expect(activationLabel(granted, { card: 's0board1', ability: 'ride' })).toBe(
      'Pathfinder, Wayfarer: put the top card of your deck into your road (exhaust; once a turn)',
    );
  });

  it("refuses in the ruleset's own words: a full board, a guard in the way, a blocker", async () => {
    const hollowmere = await hollowmereGame();
    const content = hollowmere.registry.list()[0]!;
    const full = buildState(content, {
      name: 'full board',
      setup: {
        players: [
          { mana: 5, hand: ['hollow/mire-wisp'], board: Array(5).fill('hollow/grave-caller') },
          { board: ['hollow/bog-warden', 'hollow/mire-wisp'] },
        ],
      },
      steps: [],
    });
    const clash = { ...full, phase: 2 };
    const refused = (action: TcgAction) => {
      const result = hollowmere.decide(clash, 0, action, decideContext('words', 1));
      return result.ok ? null : result.error.message;
    };
    expect(refused({ type: 'play', payload: { card: 's0hand0' } })).toBe(
      'There is no room for another thrall on your board.',
    );
    expect(refused({ type: 'attack', payload: { attacker: 's0board0', target: 's1board1' } })).toBe(
      'That cannot be attacked now (a thrall with Stalwart may be in the way).',
    );
  });

  it('offers the pending decision to its chooser only', () => {
    const state = buildState(demoContent(), {
      ...position,
      setup: {
        players: [
          { mana: 3, hand: ['demo/duelist'] },
          { board: ['demo/shield-bearer', 'demo/fire-imp'] },
        ],
      },
    });
    let next = state;
    for (const [seat, action] of [
      [0, { type: 'play', payload: { card: 's0hand0' } }],
      [1, { type: 'pass', payload: {} }],
    ] as const) {
      const decided = game.decide(next, seat, action, decideContext('controls', 9));
      if (!decided.ok) throw new Error(decided.error.message);
      next = decided.value.reduce(game.evolve, next);
    }
    const mine = tcgControls(game.view(next, seatViewer(0)), game.legalActions(next, 0));
    expect(mine.decision).toMatchObject({
      kind: 'chooseTargets',
      candidates: ['s1board0', 's1board1'],
      min: 1,
      max: 1,
    });
    expect(
      tcgControls(game.view(next, seatViewer(1)), game.legalActions(next, 1)).decision,
    ).toBeNull();
  });
});

describe('phaseTrack', () => {
  const phases: TcgView['phases'] = [
    { id: 'start', kind: 'auto' },
    { id: 'main1', kind: 'main' },
    { id: 'combat', kind: 'main' },
    { id: 'cleanup', kind: 'auto' },
    { id: 'main-2', kind: 'main' },
    { id: 'end', kind: 'auto' },
  ];
  const at = (index: number) => phaseTrack({ phases, phase: { index, id: phases[index]!.id } });

  it('lists the main phases by name, marks the current one and names where next phase leads', () => {
    expect(at(1)).toEqual({
      steps: [
        { id: 'main1', name: 'Main 1', current: true },
        { id: 'combat', name: 'Combat', current: false },
        { id: 'main-2', name: 'Main 2', current: false },
      ],
      next: 'Combat',
    });
    // The automatic phase between is run on the way: next phase leads past it.
    expect(at(2)!.next).toBe('Main 2');
    expect(at(4)!.next).toBeNull();
    // Between turns (an automatic phase, or none yet) no step is current.
    expect(at(0)!.steps.some((step) => step.current)).toBe(false);
  });

  it('is not shown for a turn with one main phase (the demo ruleset)', () => {
    const state = buildState(demoContent(), position);
    expect(phaseTrack(game.view(state, seatViewer(0)))).toBeNull();
  });

  it("labels the next-phase button with the phase's own name, whatever its words", async () => {
    const saltroad = await saltroadGame();
    const state = buildState(saltroad.registry.list()[0]!, {
      name: 'phases',
      setup: { players: [{}, {}] },
      steps: [],
    });
    const track = phaseTrack(saltroad.view(state, seatViewer(0)));
    expect(nextPhaseLabel(track)).toBe('Next: On the trail');
    expect(nextPhaseLabel(phaseTrack(saltroad.view({ ...state, phase: 2 }, seatViewer(0))))).toBe(
      'Next phase',
    );
  });

  it("names the phases by the ruleset's own names where it gives them (Hollowmere)", async () => {
    const hollowmere = await hollowmereGame();
    const state = buildState(hollowmere.registry.list()[0]!, {
      name: 'phases',
      setup: { players: [{ hand: ['hollow/hex'] }, { board: ['hollow/mire-wisp'] }] },
      steps: [],
    });
    expect(phaseTrack(hollowmere.view(state, seatViewer(0)))).toEqual({
      steps: [
        { id: 'muster', name: 'Call to arms', current: true },
        { id: 'clash', name: 'The clash', current: false },
      ],
      next: 'The clash',
    });
    // A refused action says the phase's name too, not its id.
    const attack = hollowmere.decide(
      state,
      0,
      { type: 'attack', payload: { attacker: 's0board0', target: 'hero:1' } },
      decideContext('phase-words', 1),
    );
    expect(attack).toMatchObject({ ok: false, error: { code: 'ILLEGAL_ACTION' } });
    expect(!attack.ok && attack.error.message).toBe(
      'There are no attacks in the Call to arms phase.',
    );
  });

  it('names a phase from its identifier', () => {
    expect(['main', 'preCombat', 'second_main', 'main-2'].map(phaseName)).toEqual([
      'Main',
      'Pre combat',
      'Second main',
      'Main 2',
    ]);
  });
});
