/// <reference lib="webworker" />
import {
  playBalanceMatch,
  tcgGameFor,
  useSandboxWasmUrl,
  validateContentPackage,
  type BalancePlan,
  type TcgGame,
} from '@cardtable/tcg';
import glueWasmUrl from 'wasmoon/dist/glue.wasm?url';
import { packageOf } from './package-files.ts';
import type { FromBalanceWorker, ToBalanceWorker } from './protocol.ts';

/**
 * One balance-lab worker: the draft's game (validated as the server would), playing the matches
 * it is handed one at a time with the CLI's own `playBalanceMatch`.
 */
useSandboxWasmUrl(glueWasmUrl);
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromBalanceWorker) => scope.postMessage(message);
let game: TcgGame | null = null;
let plan: BalancePlan | null = null;

scope.onmessage = async ({ data }: MessageEvent<ToBalanceWorker>) => {
  if (data.kind === 'setup') {
    try {
      const result = await validateContentPackage(await packageOf(data.files));
      if (!result.content) throw new Error(`the draft has ${result.errors.length} errors`);
      game = await tcgGameFor(result.content);
      plan = data.plan;
      post({ kind: 'ready' });
    } catch (error) {
      post({ kind: 'failed', message: (error as Error).message });
    }
    return;
  }
  if (!game || !plan) return post({ kind: 'failed', message: 'not set up' });
  post({ kind: 'record', record: playBalanceMatch(game, plan, data.match) });
};
