import { applyAction, seatViewer, type MatchState } from '@cardtable/engine';
import { describe, expect, it } from 'vitest';
import type { TcgOptions } from '../src/engine/options.ts';
import type { TcgState } from '../src/engine/state.ts';
import type { TcgAction } from '../src/index.ts';
import { describeScriptFailure, logLine, outcomeSentence, type LogNames } from '../src/ui/index.ts';
import { demoGame } from './helpers.ts';
import { buildState, scenarioContent, type Scenario } from './scenario.ts';

const content = scenarioContent({});

/** Player 0 plays the first card of `hand` (with 3 mana) against two enemy units. */
async function decisionAfter(hand: string, extra: Partial<TcgAction['payload']> = {}) {
  const game = await demoGame();
  const scenario: Scenario = {
    name: 'words',
    setup: {
      players: [
        {
          mana: 3,
          hand: [hand, 'demo/spark', 'demo/firebolt'],
          deck: ['demo/spark', 'demo/spark'],
        },
        { board: ['demo/fire-imp', 'demo/shield-bearer'], deck: ['demo/spark'] },
      ],
    },
    steps: [],
  };
  const state = buildState(content, scenario);
  const match: MatchState<TcgState, TcgOptions> = {
    config: {
      options: { ruleset: 'demo', version: content.ruleset.version, decks: [] } as never,
      seats: [{ kind: 'human' }, { kind: 'human' }],
      seed: 'words',
    },
    state,
    version: 1,
  };
  let current = match;
  const act = (seat: number, action: TcgAction) => {
    const applied = applyAction(game, current, seat, action, `a${current.version}`);
    if (!applied.ok) throw new Error(applied.error.message);
    current = applied.value.match;
  };
  act(0, {
    type: 'play',
    payload: { card: state.players[0]!.zones.hand![0]!, ...extra },
  } as TcgAction);
  // Both players pass until a decision is asked.
  for (let i = 0; i < 4 && !current.state.pending && current.state.priority; i++)
    act(current.state.priority.holder, { type: 'pass', payload: {} });
  const pending = game.view(current.state, seatViewer(0)).pending;
  return pending && 'text' in pending ? pending.text : null;
}

describe('a decision in words', () => {
  it('names the card and what the choice is for, never an internal binding name', async () => {
    expect(await decisionAfter('demo/duelist')).toBe(
      'Duelist: choose an enemy unit, then deal 2 damage to it',
    );
    expect(await decisionAfter('demo/grave-whisper')).toBe(
      'Grave Whisper: choose a card to discard',
    );
    expect(await decisionAfter('demo/battle-cry')).toBe('Battle Cry: choose one');
  });
});

describe('a script failure for its creator (lua run, the studio dry run)', () => {
  it("names the module's line, the code and the sandbox's own words", () => {
    const failure = {
      source: 'c1',
      card: 'x/lamp',
      ability: 'glow',
      module: 'lamp',
      entry: 'run',
      code: 'RUNTIME',
      line: 3,
      message: 'The script raised an error and did nothing.',
      detail: "attempt to get length of a nil value (field 'bord')",
    };
    expect(describeScriptFailure(failure)).toBe(
      "lamp.lua:3: RUNTIME: attempt to get length of a nil value (field 'bord')",
    );
    expect(describeScriptFailure({ ...failure, line: null, detail: null })).toBe(
      'lamp.lua: RUNTIME: The script raised an error and did nothing.',
    );
  });
});

describe('the game log', () => {
  const names: LogNames = {
    me: 0,
    seat: (seat) => ['Ada', 'Dana'][seat]!,
    card: (defId) => (defId ? (content.cards.get(defId)?.name ?? 'a card') : 'a card'),
    object: (id) => (id === 'u1' ? 'Fire Imp' : 'a card'),
  };

  it('says what happened in words, from the viewer’s side', () => {
    expect(logLine({ type: 'turnStarted', data: { player: 1, turn: 4 } }, names)).toBe(
      'Turn 4: Dana’s turn.'.replace('’', "'"),
    );
    expect(logLine({ type: 'turnStarted', data: { player: 0, turn: 5 } }, names)).toBe(
      'Turn 5: your turn.',
    );
    expect(
      logLine(
        {
          type: 'cardPlayed',
          data: {
            player: 1,
            card: null,
            handle: 'h9',
            defId: 'demo/firebolt',
            to: 'stack',
            index: -1,
            spell: true,
            targets: { t: ['u1'] },
          },
        },
        names,
      ),
    ).toBe('Dana plays Firebolt, targeting Fire Imp.');
    expect(
      logLine(
        { type: 'cardDrawn', data: { player: 1, card: null, handle: null, defId: null } },
        names,
      ),
    ).toBe('Dana draws a card.');
    expect(
      logLine(
        { type: 'damageDealt', data: { source: 'u1', target: 'hero:0', amount: 3, combat: true } },
        names,
      ),
    ).toBe('Fire Imp deals 3 damage to you.');
    expect(logLine({ type: 'priorityPassed', data: { player: 0 } }, names)).toBeNull();
  });

  it('says where an effect sent a card the viewer knows, and nothing of one it does not', () => {
    const moved = (from: string, to: string, defId: string | null, player: 0 | 1 = 1) =>
      logLine(
        {
          type: 'cardMoved',
          data: {
            card: null,
            handle: 'h1',
            defId,
            from: { player, zone: from },
            to: { player, zone: to },
            index: -1,
            reason: 'effect',
          },
        },
        names,
      );
    // A mill into a zone of the ruleset's own, a discard shuffled back, a unit sent away.
    expect(moved('deck', 'oblivion', 'demo/firebolt')).toBe(
      "Firebolt goes from Dana's deck to Dana's oblivion.",
    );
    expect(moved('discard', 'deck', 'demo/spark', 0)).toBe(
      'Spark goes from your discard to your deck.',
    );
    expect(moved('board', 'deck', 'demo/fire-imp')).toBe(
      "Fire Imp goes from Dana's board to Dana's deck.",
    );
    expect(moved('deck', 'discard', null)).toBeNull();
    expect(moved('deck', 'hand', 'demo/spark', 0)).toBeNull();
  });

  it("says who used a unit's activated ability, and on what", () => {
    const used = (player: 0 | 1, targets: Record<string, string[]>) =>
      logLine(
        {
          type: 'abilityActivated',
          data: {
            player,
            source: 'u1',
            defId: 'demo/fire-imp',
            abilityId: 'x',
            targets,
            attacks: null,
          },
        },
        names,
      );
    expect(used(1, { t: ['hero:0'] })).toBe("Dana uses Fire Imp's ability, targeting you.");
    expect(used(0, {})).toBe("You use Fire Imp's ability.");
    // A custom keyword's ability is called by its keyword.
    const named = { ...names, ability: (source: string) => (source === 'u1' ? 'Wayfarer' : null) };
    const ridden = logLine(
      {
        type: 'abilityActivated',
        data: {
          player: 1,
          source: 'u1',
          defId: 'demo/fire-imp',
          abilityId: 'ride',
          targets: {},
          attacks: 1,
        },
      },
      named,
    );
    expect(ridden).toBe("Dana uses Fire Imp's Wayfarer.");
  });

  it("says a hero's healing in the ruleset's word for life, a sentence that starts with a capital", () => {
    const healed = (target: string, words: LogNames) =>
      logLine({ type: 'healed', data: { target, amount: 2 } }, words);
    expect(healed('hero:0', names)).toBe('You gain 2 life.');
    expect(healed('hero:1', { ...names, life: 'resolve' })).toBe('Dana gains 2 resolve.');
    expect(healed('u1', { ...names, life: 'resolve' })).toBe('Fire Imp gains 2 health.');
    expect(
      logLine(
        { type: 'playerLost', data: { player: 0, reason: 'lifeZero' } },
        { ...names, life: 'resolve' },
      ),
    ).toBe('You lose: your resolve reached 0.');
    // Said of the loser's own life and deck, in the ruleset's word or the plain one.
    const lost = (player: number, reason: string, words: LogNames) =>
      logLine({ type: 'playerLost', data: { player, reason } }, words);
    expect(lost(1, 'lifeZero', { ...names, life: 'focus' })).toBe(
      'Dana loses: their focus reached 0.',
    );
    expect(lost(0, 'lifeZero', names)).toBe('You lose: your life reached 0.');
    expect(lost(0, 'deckOut', names)).toBe('You lose: your deck ran out.');
    expect(lost(1, 'deckOut', names)).toBe('Dana loses: their deck ran out.');
  });

  it('gives the result in words', () => {
    const outcome = (winner: number, reason: string) => ({
      winners: [winner],
      tie: false,
      standings: [
        { seat: winner, place: 1 },
        { seat: 1 - winner, place: 2 },
      ],
      reason,
    });
    expect(outcomeSentence(outcome(1, 'lifeZero'), names)).toBe('Dana wins: your life reached 0.');
    expect(outcomeSentence(outcome(0, 'lifeZero'), { ...names, life: 'resolve' })).toBe(
      "You win: Dana's resolve reached 0.",
    );
    expect(outcomeSentence(outcome(0, 'surrender'), names)).toBe('You win: Dana conceded.');
    expect(
      outcomeSentence({ winners: [0, 1], tie: true, standings: [], reason: 'turnLimit' }, names),
    ).toBe('A draw: the turn limit was reached.');
    // The battler's end reasons are words too, never their ids.
    expect(outcomeSentence(outcome(0, 'noPrizesLeft'), names)).toBe(
      'You win: you took the last prize.',
    );
    expect(outcomeSentence(outcome(1, 'noPrizesLeft'), names)).toBe(
      'Dana wins: Dana took the last prize.',
    );
    expect(outcomeSentence(outcome(1, 'noCreatureInPlay'), names)).toBe(
      'Dana wins: you have no creature left in play.',
    );
    expect(outcomeSentence(outcome(0, 'noCreatureInPlay'), names)).toBe(
      'You win: Dana has no creature left in play.',
    );
    expect(outcomeSentence(outcome(0, 'someFutureReason'), names)).toBe('You win.');
    // A creator's win rule says its own words; without them, the general ones.
    expect(outcomeSentence(outcome(0, 'winCondition'), names)).toBe(
      'You win: a win condition was met.',
    );
    expect(
      outcomeSentence(
        { ...outcome(1, 'winCondition'), reasonText: 'four units on the board' },
        names,
      ),
    ).toBe('Dana wins: four units on the board.');
    // A life rule in the creator's words, too (The Bone Orchard's).
    expect(
      outcomeSentence(
        { ...outcome(1, 'lifeZero'), reasonText: "the necromancer's vigor is spent" },
        names,
      ),
    ).toBe("Dana wins: the necromancer's vigor is spent.");
    expect(
      logLine(
        { type: 'playerLost', data: { player: 1, reason: 'winCondition', text: 'an empty hand' } },
        names,
      ),
    ).toBe('Dana loses: an empty hand.');
    expect(
      logLine({ type: 'playerLost', data: { player: 1, reason: 'noCreatureInPlay' } }, names),
    ).toBe('Dana loses: no creature left in play.');
    expect(
      logLine({ type: 'playerLost', data: { player: 1, reason: 'someFutureReason' } }, names),
    ).toBe('Dana loses: a losing condition was met.');
  });
});
