import { afterEach, beforeEach, vi } from 'vitest';

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
