import WebSocket from 'ws';

/** The heap and resident memory of a process, after a full garbage collection. */
export interface MemoryReading {
  heapUsedBytes: number;
  externalBytes: number;
  rssBytes: number;
}

/**
 * A Node process's inspector (started with `--inspect=127.0.0.1:PORT`), for the two things a
 * memory benchmark needs from outside: a full garbage collection, and `process.memoryUsage()`.
 */
export class InspectorClient {
  private nextId = 1;
  private readonly waiting = new Map<number, (result: unknown) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const reply = JSON.parse(data.toString('utf8')) as { id?: number; result?: unknown };
      if (reply.id === undefined) return;
      this.waiting.get(reply.id)?.(reply.result);
      this.waiting.delete(reply.id);
    });
  }

  static async connect(port: number): Promise<InspectorClient> {
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
      webSocketDebuggerUrl: string;
    }[];
    const url = targets[0]?.webSocketDebuggerUrl;
    if (!url) throw new Error(`No inspector target on port ${port}.`);
    const socket = new WebSocket(url);
    await new Promise<void>((open, fail) => {
      socket.once('open', () => open());
      socket.once('error', fail);
    });
    return new InspectorClient(socket);
  }

  /** Collects garbage (twice: finalizers free more), then reads the process's memory. */
  async read(): Promise<MemoryReading> {
    await this.call('HeapProfiler.collectGarbage');
    await this.call('HeapProfiler.collectGarbage');
    const evaluated = (await this.call('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    })) as { result: { value: string } };
    const usage = JSON.parse(evaluated.result.value) as NodeJS.MemoryUsage;
    return { heapUsedBytes: usage.heapUsed, externalBytes: usage.external, rssBytes: usage.rss };
  }

  close(): void {
    this.socket.close();
  }

  private call(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((done) => {
      this.waiting.set(id, done);
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }
}
