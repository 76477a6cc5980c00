/**
 * The schema stage of a replay's content (`import ... from '@cardtable/tcg/replay-check'`), for
 * a worker: the validator compiles each JSON Schema into a function, which the page's content
 * security policy does not allow on the page itself. `replayTcg` loads what passed.
 */
import { ok, type Result } from '@cardtable/engine';
import { checkContentSchemas } from '../content/load.ts';
import type { ContentSource, SchemaValidSource } from '../content/load-schema-valid.ts';
import { contentRefused } from './replay.ts';

export function checkReplayContent(source: ContentSource): Result<SchemaValidSource> {
  const checked = checkContentSchemas(source);
  return checked.ok ? ok(checked.source) : contentRefused(checked.problems);
}
