import { describe, expect, it } from 'vitest';
import { healthGone, statsOf } from '../src/engine/stats.ts';
import { buildState, scenarioContent, type Scenario } from './scenario.ts';

/** A unit whose static changes the health of the units it affects by `value` (`op`). */
const aura = (id: string, affects: string, op: 'add' | 'set', value: number) => ({
  id,
  name: id,
  type: 'unit',
  cost: 3,
  stats: { attack: 1, health: 4 },
  abilities: [{ id: 'aura', kind: 'static', affects, modify: [{ stat: 'health', op, value }] }],
  art: { palette: 'gold', glyph: 'flag' },
});

const cards = [
  aura('test/warding-totem', 'unit & friendly & !$self', 'add', 2),
  aura('test/withering-totem', 'unit & enemy', 'add', -2),
];

/** A state whose seat 0 has `mine` on the board and seat 1 `theirs`. */
function state(mine: Scenario['setup']['players'][number]['board'], theirs: string[] = []) {
  const content = scenarioContent({ cards });
  const scenario: Scenario = {
    name: 'stats',
    cards,
    setup: { players: [{ board: mine }, { board: theirs }] },
    steps: [],
  };
  const s = buildState(content, scenario);
  return { s, content, imp: s.players[0]!.zones.board![0]! };
}

describe('healthGone (state-based checks)', () => {
  it('a unit with damage at or above its health is gone; with less it is not', () => {
    const hurt = state([{ card: 'demo/fire-imp', damage: 1 }]);
    expect(healthGone(hurt.s, hurt.content, hurt.imp)).toBe(false);
    const dead = state([{ card: 'demo/fire-imp', damage: 2 }]);
    expect(healthGone(dead.s, dead.content, dead.imp)).toBe(true);
  });

  it('a static that adds health keeps alive a unit its plain health would not', () => {
    const { s, content, imp } = state([{ card: 'demo/fire-imp', damage: 3 }, 'test/warding-totem']);
    expect(statsOf(s, content, imp, true).health).toBe(-1);
    expect(healthGone(s, content, imp)).toBe(false);
  });

  it('a static that lowers health kills a unit its plain health would keep alive', () => {
    const { s, content, imp } = state(
      [{ card: 'demo/fire-imp', damage: 1 }],
      ['test/withering-totem'],
    );
    expect(statsOf(s, content, imp, true).health).toBe(1);
    expect(healthGone(s, content, imp)).toBe(true);
  });
});

describe('statsOf with statics in force', () => {
  it('gives a state the same stats again after other states pushed it out of the cache', () => {
    const { s, content, imp } = state([{ card: 'demo/fire-imp', damage: 3 }, 'test/warding-totem']);
    const first = statsOf(s, content, imp);
    expect(first.health).toBe(1);
    for (let i = 0; i < 12; i++) statsOf({ ...s }, content, imp);
    expect(statsOf(s, content, imp)).toEqual(first);
  });
});
