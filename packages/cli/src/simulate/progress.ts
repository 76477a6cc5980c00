/** A one-line progress bar on a terminal's stderr; silent when stderr is not a terminal. */
export interface Progress {
  update(done: number): void;
  finish(): void;
}

const WIDTH = 30;
const REDRAW_MS = 100;

export function progressBar(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (!stream.isTTY) return { update: () => {}, finish: () => {} };
  const started = performance.now();
  let drawnAt = -Infinity;
  const draw = (done: number) => {
    const share = total > 0 ? done / total : 1;
    const filled = Math.round(share * WIDTH);
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? (done / seconds).toFixed(0) : '-';
    const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
    stream.write(
      `\r${label} ${bar} ${(share * 100).toFixed(0).padStart(3)}% ${done}/${total} (${rate}/s)`,
    );
  };
  return {
    update(done) {
      const now = performance.now();
      if (now - drawnAt < REDRAW_MS && done < total) return;
      drawnAt = now;
      draw(done);
    },
    finish() {
      stream.write('\r\x1b[2K');
    },
  };
}
