import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TcgGame } from '../src/index.ts';
import {
  CONTENT_SETS,
  gameForSet,
  playCpuMatch,
  replayMatch,
  type ContentSet,
  type RecordedMatch,
} from './cpu-games.ts';

/**
 * The determinism guard of the engine and CPU speed work: seeded CPU-vs-CPU matches at each
 * difficulty on both shipped sets, their events (canonical JSON, hashed) against the golden
 * files in `determinism/`, one per set and difficulty, which also hold every action played.
 *
 * - `engine replay` plays those recorded actions back: it checks the engine alone, whatever
 *   the CPU would choose today.
 * - `cpu` plays the matches again with the CPU choosing: it checks the CPU's choices too.
 *
 * After an intended change of CPU policy, regenerate the golden files of the affected set and
 * difficulty only (the engine part then replays the new actions), e.g.
 *   npx vitest run games/tcg/test/determinism.test.ts -u -t "cpu spiritbound hard"
 * and all of them with `-u` alone. An engine change must never need this.
 */

const MATCHES: Record<string, number> = { easy: 3, hard: 2 };
const SETS = Object.keys(CONTENT_SETS) as ContentSet[];
const goldenFile = (set: ContentSet, profile: string) =>
  join(import.meta.dirname, 'determinism', `${set}-${profile}.json`);

/** One match a line, one action a line: golden files that diff readably. */
function goldenText(matches: RecordedMatch[]): string {
  const match = ({ actions, ...rest }: RecordedMatch) =>
    `  {\n    "match": ${JSON.stringify(rest)},\n    "actions": [\n${actions
      .map((a) => `      ${JSON.stringify(a)}`)
      .join(',\n')}\n    ]\n  }`;
  return `[\n${matches.map(match).join(',\n')}\n]\n`;
}

function readGolden(set: ContentSet, profile: string, file = goldenFile(set, profile)) {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
    match: Omit<RecordedMatch, 'actions'>;
    actions: RecordedMatch['actions'];
  }[];
  return parsed.map(({ match, actions }) => ({ ...match, actions }));
}

const games = new Map<ContentSet, TcgGame & { dispose(): void }>();
beforeAll(async () => {
  for (const set of SETS) games.set(set, await gameForSet(set));
});
afterAll(() => {
  for (const game of games.values()) game.dispose();
});

/**
 * Matches recorded on an earlier version of a set, kept when the set changed: they replay against
 * the version they recorded, which the set's game still registers (versions are immutable).
 * `demo-1.0.0-easy.json`: the demo before 1.0.1 reworded its Lua abilities' texts;
 * `demo-1.0.1-easy.json`: before 1.0.2 reworded its Lua modules' comments (1.0.2 runs Lua of
 * its own, on a sandbox of its own; 1.0.0 and 1.0.1 share theirs).
 */
const EARLIER: readonly { set: ContentSet; version: string; profile: string }[] = [
  { set: 'demo', version: '1.0.0', profile: 'easy' },
  { set: 'demo', version: '1.0.1', profile: 'easy' },
];

for (const { set, version, profile } of EARLIER)
  describe(`engine replay ${set} ${version} ${profile}`, () => {
    it('replays a match recorded on that version to the same events and final state', () => {
      const file = join(import.meta.dirname, 'determinism', `${set}-${version}-${profile}.json`);
      const recorded = readGolden(set, profile, file);
      expect(recorded.length).toBeGreaterThan(0);
      for (const match of recorded) {
        expect(match.version).toBe(version);
        const replayed = replayMatch(games.get(set)!, match);
        expect({ seed: match.seed, ...replayed }).toEqual({
          seed: match.seed,
          events: match.events,
          final: match.final,
          folded: match.final,
        });
      }
    });
  });

for (const set of SETS)
  for (const profile of Object.keys(MATCHES)) {
    describe(`engine replay ${set} ${profile}`, () => {
      it('replays the recorded actions to the same events and final state, folded or decided', () => {
        const game = games.get(set)!;
        for (const recorded of readGolden(set, profile)) {
          const replayed = replayMatch(game, recorded);
          expect({ seed: recorded.seed, ...replayed }).toEqual({
            seed: recorded.seed,
            events: recorded.events,
            final: recorded.final,
            folded: recorded.final,
          });
        }
      });
    });

    describe(`cpu ${set} ${profile}`, () => {
      it('plays the same matches, action for action and event for event', async () => {
        const game = games.get(set)!;
        const matches = Array.from({ length: MATCHES[profile]! }, (_, i) =>
          playCpuMatch(game, set, `determinism:${set}:${profile}:${i}`, profile),
        );
        await expect(goldenText(matches)).toMatchFileSnapshot(goldenFile(set, profile));
      }, 300_000);
    });
  }
