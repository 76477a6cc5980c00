import type { AttackJson } from './attack-edit.ts';
import { AttacksEditor } from './AttacksEditor.tsx';
import type { AriaOf, ErrorsOf, FieldOf } from './card-form.ts';
import type { CardJson } from './draft-files.ts';
import { setIn } from './json-edit.ts';

/** What the card form needs of a ruleset's `battler` section. */
export interface BattlerBits {
  energyTypes?: string[];
  wildcard?: string;
}

/**
 * A battler card's own fields (games/tcg/README.md, "Monster battlers"): the element for
 * creatures and energy; stage, evolvesFrom, retreat, weakness, resistance, prize value and the
 * attacks (a form of their own) for creatures. A field left empty is removed from the card.
 */
export function BattlerCardFields({
  card,
  kind,
  battler,
  field,
  aria,
  errors,
  onChange,
  seal,
}: {
  card: CardJson;
  kind: string | undefined;
  battler: BattlerBits;
  field: FieldOf;
  aria: AriaOf;
  errors: ErrorsOf;
  onChange(card: CardJson, key: string): void;
  seal(): void;
}) {
  const types = battler.energyTypes ?? [];
  const put = (key: string, value: unknown) =>
    onChange(setIn(card, [key], value === '' ? undefined : value) as CardJson, key);
  const typeSelect = (name: string, none: string) => (
    <select
      {...aria(name)}
      value={typeof card[name] === 'string' ? (card[name] as string) : ''}
      onChange={(e) => put(name, e.target.value)}
    >
      <option value="">{none}</option>
      {types.map((t) => (
        <option key={t}>{t}</option>
      ))}
    </select>
  );
  const numberInput = (name: string, min: number, max: number) => (
    <input
      {...aria(name)}
      type="number"
      min={min}
      max={max}
      value={typeof card[name] === 'number' ? (card[name] as number) : ''}
      onChange={(e) => put(name, e.target.value === '' ? undefined : Number(e.target.value))}
      onBlur={seal}
    />
  );
  if (kind === 'energy')
    return (
      <fieldset className="studio-field">
        <legend>Battler</legend>
        {field('element', 'Element (the energy this card provides)', typeSelect('element', '—'))}
      </fieldset>
    );
  if (kind !== 'unit') return null;
  const stage = typeof card.stage === 'number' ? card.stage : 0;
  return (
    <fieldset className="studio-field studio-battler">
      <legend>Battler creature</legend>
      {field('element', 'Element (its type)', typeSelect('element', '—'))}
      {field(
        'stage',
        'Stage',
        <select
          {...aria('stage')}
          value={stage}
          onChange={(e) => {
            const next = Number(e.target.value);
            const staged = setIn(card, ['stage'], next === 0 ? undefined : next) as CardJson;
            onChange(
              next === 0 ? (setIn(staged, ['evolvesFrom'], undefined) as CardJson) : staged,
              'stage',
            );
          }}
        >
          <option value={0}>basic</option>
          <option value={1}>stage 1</option>
          <option value={2}>stage 2</option>
        </select>,
      )}
      {stage > 0
        ? field(
            'evolvesFrom',
            'Evolves from (the name of a card one stage below)',
            <input
              {...aria('evolvesFrom')}
              value={typeof card.evolvesFrom === 'string' ? card.evolvesFrom : ''}
              onChange={(e) => put('evolvesFrom', e.target.value)}
              onBlur={seal}
            />,
          )
        : null}
      {field('retreat', 'Retreat cost (energy discarded to retreat)', numberInput('retreat', 0, 9))}
      {field(
        'weakness',
        'Weakness (attacks of this type hit harder)',
        typeSelect('weakness', 'none'),
      )}
      {field(
        'resistance',
        'Resistance (attacks of this type hit softer)',
        typeSelect('resistance', 'none'),
      )}
      {field(
        'prizeValue',
        'Prize value (prizes taken when knocked out; empty: 1)',
        numberInput('prizeValue', 1, 6),
      )}
      <AttacksEditor
        attacks={Array.isArray(card.attacks) ? (card.attacks as AttackJson[]) : []}
        types={types}
        wildcard={battler.wildcard ?? 'colorless'}
        field={field}
        aria={aria}
        errors={errors}
        onChange={(attacks) => put('attacks', attacks)}
        seal={seal}
      />
    </fieldset>
  );
}
