import { parentPort, workerData } from 'node:worker_threads';
import { loadContent, playBalanceMatch, type ContentSource } from '@cardtable/tcg';
import { tcgGameFor } from '@cardtable/tcg/demo';
import type { FromWorker, ToWorker, WorkerSetup } from './tcg-messages.ts';

/**
 * One worker thread of `cardtable simulate tcg`: its own content, Lua VM and game, playing the
 * matches the main thread hands it one at a time.
 */
const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);
const { source, plan } = workerData as WorkerSetup;

try {
  const game = await tcgGameFor(contentOf(source));
  port.on('message', (message: ToWorker) => {
    if (message.type === 'stop') {
      game.dispose();
      port.close();
      return;
    }
    post({ type: 'record', record: playBalanceMatch(game, plan, message.match) });
  });
  post({ type: 'ready' });
} catch (error) {
  post({ type: 'failed', message: (error as Error).message });
}

function contentOf(source: ContentSource) {
  const loaded = loadContent(source);
  if (!loaded.ok) throw new Error('The content failed to load in a worker thread.');
  return loaded.content;
}
