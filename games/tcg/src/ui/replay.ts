/**
 * What a browser needs to fold a finished TCG match (`import ... from '@cardtable/tcg/replay'`):
 * content loading and a fold that evolves and views (`TcgFold`), not a whole game: folding a
 * log applies recorded events and never decides an action or runs an ability, so none of that
 * code comes along. Nor does the schema validator, which compiles code (the page's content
 * security policy forbids it) and is large: the schemas are checked first, in a worker, by
 * `@cardtable/tcg/replay-check`.
 */
import { fail, ok, type Result } from '@cardtable/engine';
import {
  describeLoadProblem,
  loadSchemaValid,
  type ContentSource,
  type LoadProblem,
  type SchemaValidSource,
} from '../content/load-schema-valid.ts';
import { ContentRegistry } from '../content/registry.ts';
import { tcgFold, type TcgFold } from '../engine/fold.ts';
import { parseTcgOptions, type TcgOptions } from '../engine/options.ts';
import { LUA_MODULE_PATH, PACKAGE_FILES } from '../package/limits.ts';

export {
  checkedElsewhere,
  type ContentSource,
  type SchemaValidSource,
} from '../content/load-schema-valid.ts';

/** A content package's text files, by path (as a replay embeds them), as content documents. */
export function contentSourceOfFiles(
  files: Readonly<Record<string, unknown>>,
): Result<ContentSource> {
  const json = (path: string): Result<unknown> => {
    const text = files[path];
    if (typeof text !== 'string') return fail('UNKNOWN_CONTENT', `The content has no ${path}.`);
    try {
      return ok(JSON.parse(text));
    } catch {
      return fail('UNKNOWN_CONTENT', `The content's ${path} is not JSON.`);
    }
  };
  const ruleset = json(PACKAGE_FILES.ruleset);
  if (!ruleset.ok) return ruleset;
  const cards = json(PACKAGE_FILES.cards);
  if (!cards.ok) return cards;
  const decks = PACKAGE_FILES.decks in files ? json(PACKAGE_FILES.decks) : ok(undefined);
  if (!decks.ok) return decks;
  const scripts: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) {
    const module = LUA_MODULE_PATH.exec(path)?.[1];
    if (module && typeof text === 'string') scripts[module] = text;
  }
  return ok({
    ruleset: ruleset.value,
    cards: cards.value,
    ...(decks.value === undefined ? {} : { decks: decks.value }),
    scripts,
  });
}

/** What a replay folds with, and the match's options read against its content. */
export interface ReplayTcg {
  game: TcgFold;
  options: TcgOptions;
}

export function replayTcg(
  source: SchemaValidSource,
  rawOptions: unknown,
  seatCount: number,
): Result<ReplayTcg> {
  const loaded = loadSchemaValid(source);
  if (!loaded.ok) return contentRefused(loaded.problems);
  const registry = new ContentRegistry([loaded.content]);
  const options = parseTcgOptions(registry, rawOptions, seatCount);
  if (!options.ok) return fail('BAD_OPTIONS', options.error.message);
  return ok({ game: tcgFold(registry), options: options.value });
}

/** A replay's content that does not load, in the words the replay viewer shows. */
export const contentRefused = (problems: readonly LoadProblem[]) =>
  fail(
    'UNKNOWN_CONTENT',
    `The match's content does not load: ${problems.map(describeLoadProblem).join('; ')}`,
  );
