import { afterEach, beforeEach, vi } from 'vitest';
import { main } from '../src/main.ts';

/** Captures what a command prints (console.log → out, console.error → err) in every test. */
export function captureConsole() {
  const io = {
    out: [] as string[],
    err: [] as string[],
    json: () => JSON.parse(io.out.join('\n')) as Record<string, unknown>,
    clear() {
      io.out.length = 0;
      io.err.length = 0;
    },
  };
  beforeEach(() => {
    io.clear();
    vi.spyOn(console, 'log').mockImplementation(
      (...args: unknown[]) => void io.out.push(args.join(' ')),
    );
    vi.spyOn(console, 'error').mockImplementation(
      (...args: unknown[]) => void io.err.push(args.join(' ')),
    );
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => vi.restoreAllMocks());
  return io;
}

/** Runs the CLI in-process; answers its exit code and everything it printed (both streams). */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const capture = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  const log = vi.spyOn(console, 'log').mockImplementation(capture);
  const error = vi.spyOn(console, 'error').mockImplementation(capture);
  try {
    return { code: await main(argv), out: lines.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
