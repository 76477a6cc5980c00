import type { Content } from '../content/content.ts';
import type { EventInfo } from '../engine/state.ts';
import { dryRunCardAbility, eventFieldsProblem, type AbilityChoice } from '../lua/dry-run.ts';
import { samplePosition } from '../lua/dry-run.ts';
import { tcgGameFor } from '../play/game-for-content.ts';
import { describeScriptFailure } from '../ui/log.ts';
import { error, type Diagnostic } from './diagnostic.ts';
import type { ParsedDocument } from './documents.ts';

/** The optional file of creator-written ability tests. */
export const ABILITY_TESTS_FILE = 'tests.json';
export const ABILITY_TESTS_SCHEMA = 'tcg/tests@1';
/** Tests one package may carry (each one deals a sample position and runs an ability). */
export const MAX_ABILITY_TESTS = 64;

/**
 * One ability test: at the sample position dealt with `seed` (the engine's own `samplePosition`),
 * the card's Lua ability (`ability`: its position among the card's Lua abilities or its name as
 * `chooseLuaAbility` takes it, default the first) must produce
 * exactly the effect nodes `expect`, or fail when `expect` is `"failure"`.
 */
export interface AbilityTest {
  name: string;
  card: string;
  ability?: AbilityChoice;
  seed?: string;
  /** Fields of the event a triggered ability sees, over the sample one (e.g. `{"amount": 3}`). */
  event?: Partial<EventInfo>;
  expect: unknown[] | 'failure';
}

export interface AbilityTestResult {
  test: AbilityTest;
  passed: boolean;
  /** What the ability did: its effect nodes, or null when it failed. */
  effects: unknown[] | null;
  failure: string | null;
  usage: { instructions: number; memoryBytes: number } | null;
  /** Why the test did not pass (or could not run). */
  message: string | null;
}

/** The tests of a `tests.json` value, or what is wrong with its shape. */
export function readAbilityTests(
  value: unknown,
): { ok: true; tests: AbilityTest[] } | { ok: false; path: string; message: string } {
  const doc = value as { schema?: unknown; tests?: unknown } | null;
  if (!doc || typeof doc !== 'object' || doc.schema !== ABILITY_TESTS_SCHEMA)
    return { ok: false, path: 'schema', message: `must be "${ABILITY_TESTS_SCHEMA}"` };
  if (!Array.isArray(doc.tests)) return { ok: false, path: 'tests', message: 'must be a list' };
  if (doc.tests.length > MAX_ABILITY_TESTS)
    return { ok: false, path: 'tests', message: `may hold at most ${MAX_ABILITY_TESTS} tests` };
  for (const [i, test] of (doc.tests as Record<string, unknown>[]).entries()) {
    const at = `tests[${i}]`;
    if (!test || typeof test !== 'object')
      return { ok: false, path: at, message: 'must be an object' };
    if (typeof test.name !== 'string' || test.name.length === 0 || test.name.length > 120)
      return { ok: false, path: `${at}.name`, message: 'must be a name of 1 to 120 characters' };
    if (typeof test.card !== 'string')
      return { ok: false, path: `${at}.card`, message: 'must be a card id' };
    if (
      test.ability !== undefined &&
      !(Number.isInteger(test.ability) && (test.ability as number) >= 0) &&
      !(typeof test.ability === 'string' && test.ability.length > 0)
    )
      return {
        ok: false,
        path: `${at}.ability`,
        message:
          "must name one of the card's Lua abilities: its id (with a path for a Lua effect nested in it, as in reflect.effects[1].then[0]) or its position among them (from 0)",
      };
    if (test.seed !== undefined && (typeof test.seed !== 'string' || test.seed.length > 80))
      return {
        ok: false,
        path: `${at}.seed`,
        message: 'must be a string of at most 80 characters',
      };
    const eventProblem = test.event === undefined ? null : eventFieldsProblem(test.event);
    if (eventProblem !== null) return { ok: false, path: `${at}.event`, message: eventProblem };
    if (test.expect !== 'failure' && !Array.isArray(test.expect))
      return { ok: false, path: `${at}.expect`, message: 'must be a list of effects or "failure"' };
  }
  return { ok: true, tests: doc.tests as AbilityTest[] };
}

/** Canonical JSON (keys sorted), so expected and actual effects compare by value. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );

/** Runs ability tests against content, as a match would run the abilities. */
export async function runAbilityTests(
  content: Content,
  tests: readonly AbilityTest[],
): Promise<AbilityTestResult[]> {
  if (tests.length === 0) return [];
  const game = await tcgGameFor(content);
  try {
    const positions = new Map<string, ReturnType<typeof samplePosition>>();
    return tests.map((test) => {
      const seed = test.seed ?? 'sample';
      try {
        let state = positions.get(seed);
        if (!state) positions.set(seed, (state = samplePosition(game, content, seed)));
        const run = dryRunCardAbility({
          content,
          scripts: game.scriptsFor(content)!,
          state,
          card: test.card,
          ...(test.ability === undefined ? {} : { ability: test.ability }),
          ...(test.event === undefined ? {} : { event: test.event }),
          seed,
        });
        const effects = run.failure ? null : (run.effects as unknown[]);
        const failure = run.failure ? run.failure.message : null;
        const passed =
          test.expect === 'failure'
            ? failure !== null
            : effects !== null && canonical(effects) === canonical(test.expect);
        const message = passed
          ? null
          : test.expect === 'failure'
            ? 'expected the ability to fail, but it produced effects'
            : failure !== null
              ? `the ability failed: ${describeScriptFailure(run.failure!)}`
              : `expected ${canonical(test.expect)}, got ${canonical(effects)}`;
        return { test, passed, effects, failure, usage: run.usage, message };
      } catch (thrown) {
        const message = (thrown as Error).message;
        return { test, passed: false, effects: null, failure: null, usage: null, message };
      }
    });
  } finally {
    game.dispose();
  }
}

/** The validator's findings for a package's `tests.json`: shape errors, then failing tests. */
export async function abilityTestDiagnostics(
  content: Content | undefined,
  document: ParsedDocument,
): Promise<Diagnostic[]> {
  const read = readAbilityTests(document.value);
  const file = ABILITY_TESTS_FILE;
  if (!read.ok)
    return [
      error('TESTS_SCHEMA', read.message, { file, path: read.path, ...document.locate(read.path) }),
    ];
  if (!content) return [];
  const results = await runAbilityTests(content, read.tests);
  return results.flatMap((result, i) =>
    result.passed
      ? []
      : [
          error('ABILITY_TEST_FAILED', `${result.test.name}: ${result.message}`, {
            file,
            path: `tests[${i}]`,
            ...document.locate(`tests[${i}]`),
          }),
        ],
  );
}
