/// <reference lib="webworker" />
import type { ContentSource } from '@cardtable/tcg/replay';
import { checkReplayContent } from '@cardtable/tcg/replay-check';

/**
 * A replay's content checked against its JSON Schemas, off the page: the validator compiles
 * each schema into a function, which the page's content security policy forbids (a worker
 * script gets no policy of its own). One check per worker; the page loads what passed.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = ({ data }: MessageEvent<ContentSource>) => {
  const checked = checkReplayContent(data);
  scope.postMessage(checked.ok ? { ok: true } : checked);
};
