/// <reference lib="webworker" />
import type { ContentSource } from '@cardtable/tcg/replay';
import { checkReplayContent } from '@cardtable/tcg/replay-check';

/**
 * A replay's content checked against its JSON Schemas, off the page: the validator's code
 * (generated from the schemas, over a megabyte) stays out of the page's bundle and its check
 * off the page's thread. One check per worker; the page loads what passed.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = ({ data }: MessageEvent<ContentSource>) => {
  const checked = checkReplayContent(data);
  scope.postMessage(checked.ok ? { ok: true } : checked);
};
