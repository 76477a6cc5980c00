import { useEffect, useRef } from 'react';

/** The game log: what happened, in words, newest at the bottom (kept in view as it grows). */
export function GameLog({ lines }: { lines: readonly { n: number; text: string }[] }) {
  const list = useRef<HTMLOListElement>(null);
  // Scrolls the log's own box only: scrolling its last line into view would drag the whole page
  // down to the log on every move, away from the board.
  useEffect(() => {
    const box = list.current;
    if (box) box.scrollTop = box.scrollHeight;
  }, [lines]);
  return (
    <section className="panel tcg-log" aria-labelledby="tcg-log-title" data-testid="tcg-log">
      <h2 id="tcg-log-title">Game log</h2>
      {/* A page opened late (a spectator at the end) has seen nothing yet: an empty box said
          nothing at all. */}
      {lines.length === 0 ? (
        <p className="muted" data-testid="tcg-log-empty">
          Nothing played since you opened the table.
        </p>
      ) : null}
      <ol aria-live="polite" ref={list}>
        {lines.map((line) => (
          <li key={line.n} data-testid="tcg-log-line">
            {line.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
