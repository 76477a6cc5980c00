import { useEffect, useState } from 'react';
import type { Seat } from '@cardtable/engine';
import type { TcgEvent } from '@cardtable/tcg/ui';

type Flip = Extract<TcgEvent, { type: 'coinFlipped' }>['data'];

/** Coin flips in words: "Ana flipped: heads, tails (2 flips)". */
export function flipWords(flip: Flip, name: (seat: Seat) => string): string {
  const sides = flip.results.map((heads) => (heads ? 'heads' : 'tails'));
  const heads = flip.results.filter(Boolean).length;
  return `${name(flip.player)} flipped ${sides.join(', ')}${
    flip.results.length > 1 ? ` (${heads} heads)` : ''
  }`;
}

/**
 * The last coin flip: a coin spins briefly (not when motion is reduced), then the result stays
 * in words until the next flip. Flips are public, so both players see the same.
 */
export function CoinFlip({
  event,
  stepId,
  name,
}: {
  event: TcgEvent | undefined;
  stepId: number | undefined;
  name(seat: Seat): string;
}) {
  const [last, setLast] = useState<{ id: number; flip: Flip } | null>(null);
  useEffect(() => {
    if (event?.type === 'coinFlipped' && stepId !== undefined && last?.id !== stepId)
      setLast({ id: stepId, flip: event.data });
  }, [event, stepId, last?.id]);
  if (!last) return null;
  const lastHeads = last.flip.results.at(-1) ?? false;
  return (
    <div className="battler-coin" data-testid="battler-coin" aria-live="polite">
      <span
        key={last.id}
        className="battler-coin-face"
        data-side={lastHeads ? 'heads' : 'tails'}
        aria-hidden="true"
      >
        {lastHeads ? 'H' : 'T'}
      </span>
      <span>{flipWords(last.flip, name)}</span>
    </div>
  );
}
