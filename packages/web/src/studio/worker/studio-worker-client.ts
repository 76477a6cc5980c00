import type { BalancePlan, BalanceReport, MatchRecord } from '@cardtable/tcg';
import type { DraftFiles } from '../draft-files.ts';
import type { DryRunAnswer, FromStudioWorker, StudioReport, ToStudioWorker } from './protocol.ts';

type Pending = { resolve(value: FromStudioWorker): void; reject(error: Error): void };
type Request = ToStudioWorker extends infer M
  ? M extends ToStudioWorker
    ? Omit<M, 'id'>
    : never
  : never;

/** The page's side of the validation worker: one worker, requests answered by id. */
export class StudioWorkerClient {
  private worker: Worker | null = null;
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./studio-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }: MessageEvent<FromStudioWorker>) => {
      const waiting = this.pending.get(data.id);
      this.pending.delete(data.id);
      if (!waiting) return;
      if (data.kind === 'crash') waiting.reject(new Error(data.message));
      else waiting.resolve(data);
    };
    worker.onerror = (event) => {
      for (const waiting of this.pending.values()) waiting.reject(new Error(event.message));
      this.pending.clear();
      this.worker = null;
    };
    this.worker = worker;
    return worker;
  }

  private ask(request: Request): Promise<FromStudioWorker> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ensure().postMessage({ ...request, id } as ToStudioWorker);
    });
  }

  async validate(files: DraftFiles): Promise<StudioReport> {
    const answer = await this.ask({ kind: 'validate', files });
    if (answer.kind !== 'validate') throw new Error('unexpected answer');
    return answer.report;
  }

  async dryRun(
    files: DraftFiles,
    card: string,
    ability: number | string,
    seed: string,
    position?: unknown,
    event?: Record<string, unknown>,
  ): Promise<DryRunAnswer> {
    const answer = await this.ask({
      kind: 'dryRun',
      files,
      card,
      ability,
      seed,
      ...(position !== undefined ? { position } : {}),
      ...(event !== undefined ? { event } : {}),
    });
    if (answer.kind !== 'dryRun') throw new Error('unexpected answer');
    return answer.answer;
  }

  async balanceReport(
    files: DraftFiles,
    plan: BalancePlan,
    records: MatchRecord[],
  ): Promise<BalanceReport> {
    const answer = await this.ask({ kind: 'report', files, plan, records });
    if (answer.kind !== 'report') throw new Error('unexpected answer');
    return answer.report;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
