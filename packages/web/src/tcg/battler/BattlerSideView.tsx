import type { HTMLAttributes, ReactNode } from 'react';
import type { Seat } from '@cardtable/engine';
import type { TcgView } from '@cardtable/tcg/ui';
import { tcgAnchor } from '../animation/anchors.ts';
import { battlerSide } from './battler-view.ts';
import { CreatureSpot } from './CreatureSpot.tsx';

export interface BattlerSideViewProps {
  view: TcgView;
  seat: Seat;
  who: 'me' | 'them';
  art: Readonly<Record<string, string>>;
  objectProps(id: string): HTMLAttributes<HTMLDivElement>;
  mark(id: string): ReactNode;
}

/** One player's battler board: prizes (face down, counted), the active spot and the bench. */
export function BattlerSideView({ view, seat, who, art, objectProps, mark }: BattlerSideViewProps) {
  const side = battlerSide(view, seat);
  if (!side) return null;
  const spot = (slot: NonNullable<typeof side.active>, role: 'active' | 'bench') => (
    <CreatureSpot
      key={slot.handle}
      view={view}
      slot={slot}
      role={role}
      glossary={view.glossary.keywords}
      image={art[slot.defId]}
      objectProps={objectProps(slot.handle)}
      mark={mark(slot.handle)}
    />
  );
  return (
    <div
      className={`battler-side battler-side-${who}`}
      data-anchor={tcgAnchor.board(seat)}
      data-testid={`tcg-board-${who}`}
    >
      <div
        className="battler-prizes"
        data-testid={`battler-prizes-${who}`}
        data-count={side.prizes}
      >
        <span className="battler-prize-stack" aria-hidden="true">
          {Array.from({ length: side.prizes }, (_, i) => (
            <span key={i} className="tcg-card-back battler-prize" />
          ))}
        </span>
        <span>{side.prizeWords}</span>
      </div>
      <div className="battler-active-spot" aria-label="Active spot">
        {side.active ? (
          spot(side.active, 'active')
        ) : (
          <span className="battler-empty">{side.emptyActiveWords}</span>
        )}
      </div>
      <div
        className="battler-bench"
        aria-label={`Bench (${side.bench.length} of ${side.benchSize})`}
      >
        <span className="battler-bench-label">
          Bench {side.bench.length}/{side.benchSize}
        </span>
        {side.bench.map((slot) => spot(slot, 'bench'))}
      </div>
    </div>
  );
}
