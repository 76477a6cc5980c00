import {
  callsLua,
  costCounts,
  moveAttack,
  newAttack,
  withCount,
  type AttackJson,
} from './attack-edit.ts';
import type { AriaOf, ErrorsOf, FieldOf } from './card-form.ts';
import { JsonField } from './JsonField.tsx';

/**
 * A battler creature's attacks as a form: each attack's name, id, energy cost (a count per type
 * and of the wildcard), damage and effects, with the validator's messages at each field; add,
 * remove and reorder by buttons (every control is a plain, keyboard-reachable form control).
 */
export function AttacksEditor({
  attacks,
  types,
  wildcard,
  field,
  aria,
  errors,
  onChange,
  seal,
}: {
  attacks: readonly AttackJson[];
  types: readonly string[];
  wildcard: string;
  field: FieldOf;
  aria: AriaOf;
  errors: ErrorsOf;
  /** The new list (undefined: no attacks, the field is removed). */
  onChange(attacks: AttackJson[] | undefined): void;
  seal(): void;
}) {
  const put = (list: AttackJson[]) => onChange(list.length ? list : undefined);
  const update = (index: number, change: Partial<AttackJson>) =>
    put(
      attacks.map((attack, i) => {
        if (i !== index) return attack;
        const next: AttackJson = { ...attack, ...change };
        for (const key of Object.keys(change) as (keyof AttackJson)[])
          if (change[key] === undefined) delete next[key];
        return next;
      }),
    );
  return (
    <fieldset className="studio-group studio-attacks" data-testid="attacks-editor">
      <legend>Attacks</legend>
      {errors('attacks')}
      <ol className="studio-list">
        {attacks.map((attack, i) => {
          const at = (name: string) => `attacks[${i}].${name}`;
          const title = attack.name || `Attack ${i + 1}`;
          const damage = attack.damage;
          return (
            <li key={i}>
              <fieldset className="studio-group" aria-label={`Attack ${i + 1}: ${title}`}>
                <legend>{`Attack ${i + 1}: ${title}`}</legend>
                {errors(`attacks[${i}]`)}
                {field(
                  at('name'),
                  'Name',
                  <input
                    {...aria(at('name'))}
                    value={attack.name}
                    onChange={(e) => update(i, { name: e.target.value })}
                    onBlur={seal}
                  />,
                )}
                {field(
                  at('id'),
                  'Id (a-z, digits, _ or -)',
                  <input
                    {...aria(at('id'))}
                    value={attack.id}
                    onChange={(e) => update(i, { id: e.target.value })}
                    onBlur={seal}
                  />,
                )}
                <fieldset
                  className="studio-field studio-attack-cost"
                  {...aria(at('cost'), true)}
                  id={undefined}
                >
                  <legend>Energy cost</legend>
                  {costCounts(attack.cost ?? [], types, wildcard).map(([type, count]) => (
                    <label key={type}>
                      {type === wildcard ? `${type} (any energy)` : type}
                      <input
                        type="number"
                        min={0}
                        max={9}
                        value={count}
                        aria-label={`${title}: ${type} energy`}
                        onChange={(e) =>
                          update(i, {
                            cost: withCount(
                              attack.cost ?? [],
                              types,
                              wildcard,
                              type,
                              Number(e.target.value),
                            ),
                          })
                        }
                        onBlur={seal}
                      />
                    </label>
                  ))}
                  {errors(at('cost'), true)}
                </fieldset>
                {typeof damage === 'object' && damage !== null
                  ? field(
                      at('damage'),
                      'Damage (an amount expression, JSON)',
                      <JsonField
                        aria={aria(at('damage'), true)}
                        value={damage}
                        onChange={(next) => update(i, { damage: next })}
                        onSeal={seal}
                      />,
                      true,
                    )
                  : field(
                      at('damage'),
                      'Damage (empty: none, for an attack of effects only)',
                      <input
                        {...aria(at('damage'))}
                        type="number"
                        min={0}
                        max={999}
                        value={typeof damage === 'number' ? damage : ''}
                        onChange={(e) =>
                          update(i, {
                            damage: e.target.value === '' ? undefined : Number(e.target.value),
                          })
                        }
                        onBlur={seal}
                      />,
                    )}
                {field(
                  at('effects'),
                  'Effects (JSON: the effect library, as abilities use it; [] for none)',
                  <JsonField
                    aria={aria(at('effects'), true)}
                    value={attack.effects ?? []}
                    onChange={(next) =>
                      update(i, {
                        effects: Array.isArray(next) && next.length ? next : undefined,
                      })
                    }
                    onSeal={seal}
                  />,
                  true,
                )}
                {(callsLua(attack) || attack.text !== undefined) &&
                  field(
                    at('text'),
                    'Rules text (its effects call Lua, so you write what it does; the name and cost are added)',
                    <input
                      {...aria(at('text'))}
                      value={attack.text ?? ''}
                      onChange={(e) =>
                        update(i, { text: e.target.value === '' ? undefined : e.target.value })
                      }
                      onBlur={seal}
                    />,
                  )}
                <div className="studio-actions">
                  <button
                    type="button"
                    disabled={i === 0}
                    aria-label={`Move ${title} up`}
                    onClick={() => put(moveAttack(attacks, i, -1))}
                  >
                    Move up
                  </button>
                  <button
                    type="button"
                    disabled={i === attacks.length - 1}
                    aria-label={`Move ${title} down`}
                    onClick={() => put(moveAttack(attacks, i, 1))}
                  >
                    Move down
                  </button>
                  <button
                    type="button"
                    aria-label={`Remove ${title}`}
                    onClick={() => put(attacks.filter((_, j) => j !== i))}
                  >
                    Remove
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => put([...attacks, newAttack(attacks, wildcard)])}>
        Add an attack
      </button>
    </fieldset>
  );
}
