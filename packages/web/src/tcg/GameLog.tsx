import { useEffect, useRef } from 'react';

/** The game log: what happened, in words, newest at the bottom (kept in view as it grows). */
export function GameLog({ lines }: { lines: readonly { n: number; text: string }[] }) {
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'nearest' });
  }, [lines]);
  return (
    <section className="panel tcg-log" aria-labelledby="tcg-log-title" data-testid="tcg-log">
      <h2 id="tcg-log-title">Game log</h2>
      <ol aria-live="polite">
        {lines.map((line, index) => (
          <li
            key={line.n}
            ref={index === lines.length - 1 ? end : undefined}
            data-testid="tcg-log-line"
          >
            {line.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
