import type { HTMLAttributes } from 'react';
import type { GlossaryEntry, TcgView } from '@cardtable/tcg/ui';
import { CardFaceView } from '../CardFaceView.tsx';
import type { CreatureSlot } from './battler-view.ts';
import { EnergyPips } from './EnergyPips.tsx';
import { counted } from '../../ui/counted.ts';

export interface CreatureSpotProps {
  view: TcgView;
  slot: CreatureSlot;
  role: 'active' | 'bench';
  glossary: Record<string, GlossaryEntry>;
  image: string | undefined;
  /** The table's click/focus/zoom wiring for this object. */
  objectProps: HTMLAttributes<HTMLDivElement>;
  mark: React.ReactNode;
}

/** A creature in play: its card, HP and damage counters, energy pips, tools and conditions. */
export function CreatureSpot({
  view,
  slot,
  role,
  glossary,
  image,
  objectProps,
  mark,
}: CreatureSpotProps) {
  const card = view.cards[slot.handle]!;
  return (
    <div
      className={`battler-spot battler-${role}`}
      data-testid={`battler-${role}`}
      data-name={slot.name}
    >
      <div {...objectProps}>
        <CardFaceView
          face={view.faces[slot.defId]!}
          stats={card.stats}
          glossary={glossary}
          image={image}
        />
        {mark}
      </div>
      <div className="battler-status">
        <span className="battler-hp" data-testid="battler-hp">
          {slot.hp}/{slot.maxHp} HP
        </span>
        {slot.counters > 0 ? (
          <span
            className="battler-counters"
            data-testid="battler-counters"
            title={counted(slot.counters, 'damage counter')}
          >
            {/* "12 dmg counters" took two lines under a card: "damage" is for readers and the
                pointer, the red says it at a glance. */}
            {slot.counters} <span className="visually-hidden">damage </span>
            {slot.counters === 1 ? 'counter' : 'counters'}
          </span>
        ) : null}
        <EnergyPips energy={slot.energy} label="Energy attached" />
        {slot.tools.map((tool) => {
          const toolName = view.faces[view.cards[tool]!.defId]!.name;
          return (
            <span
              key={tool}
              className="battler-tool"
              data-testid="battler-tool"
              title={`Tool: ${toolName}`}
            >
              {/* The chip says it is a tool: "Tool: Sturdy Vest" took two lines under a card. */}
              <span className="visually-hidden">Tool: </span>
              {toolName}
            </span>
          );
        })}
        {slot.conditions.map((condition) => (
          <span
            key={condition.id}
            className="battler-condition"
            data-condition={condition.id}
            data-testid="battler-condition"
            tabIndex={0}
            aria-label={`${condition.name}: ${condition.reminder}`}
          >
            {condition.name}
            <span className="battler-tip" role="tooltip">
              {condition.reminder}
            </span>
          </span>
        ))}
      </div>
    </div>
  );
}
