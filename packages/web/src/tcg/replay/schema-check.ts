import { fail, ok, type Result } from '@cardtable/engine';
import {
  checkedElsewhere,
  type ContentSource,
  type SchemaValidSource,
} from '@cardtable/tcg/replay';

/** What `content-check-worker.ts` answers: the source itself stays on the page. */
type WorkerVerdict = { ok: true } | Extract<Result<never>, { ok: false }>;

/** Checks a replay's content against its schemas in a worker of its own (see the worker). */
export function checkSchemasOffPage(source: ContentSource): Promise<Result<SchemaValidSource>> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./content-check-worker.ts', import.meta.url), {
      type: 'module',
    });
    const done = (result: Result<SchemaValidSource>) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = ({ data }: MessageEvent<WorkerVerdict>) =>
      done(data.ok ? ok(checkedElsewhere(source)) : data);
    worker.onerror = (event) =>
      done(fail('UNKNOWN_CONTENT', `The match's content could not be checked: ${event.message}`));
    worker.postMessage(source);
  });
}
