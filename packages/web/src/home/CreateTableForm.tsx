import { useId, useState, type FormEvent } from 'react';
import {
  CPU_PROFILES,
  HOUSE_RULE_NAMES,
  isStandard,
  MAX_ROUNDS,
  MAX_SEATS,
  MIN_SEATS,
  type FlipMode,
  type GolfOptions,
  type JokerMode,
} from '@cardtable/golf';
import { FLIP_MODE_TEXT, HOUSE_RULE_TEXT, JOKER_MODE_TEXT } from '../game/rule-text.ts';
import {
  defaultSetup,
  freeProfiles,
  withSeatCount,
  type SeatChoice,
  type TableSetup,
} from '../game/table-setup.ts';

import { client } from '../net/session.ts';
import { DEFAULT_ACCESS, ratedBlock } from './match-access.ts';
import { MatchAccessFields } from './MatchAccessFields.tsx';
import { TurnTimerField } from './TurnTimerField.tsx';

const FRIEND = '__friend__';
const styleOf = (name: string) => CPU_PROFILES.find((p) => p.name === name)?.style ?? '';

/** Every choice a host has: seats and CPU personalities, decks, holes, rules, turn timer. */
export function CreateTableForm({
  busy,
  error,
  onCreate,
}: {
  busy: boolean;
  /** Why the last table was refused, said beside the button that asked for it. */
  error: string | null;
  onCreate(setup: TableSetup): void;
}) {
  const [setup, setSetup] = useState<TableSetup>(() => defaultSetup());
  const id = useId();
  const setOption = <K extends keyof GolfOptions>(key: K, value: GolfOptions[K]) =>
    setSetup((current) => ({ ...current, options: { ...current.options, [key]: value } }));
  const setSeat = (index: number, choice: SeatChoice) =>
    setSetup((current) => ({
      ...current,
      seats: current.seats.map((seat, i) => (i === index ? choice : seat)),
    }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onCreate(setup);
  };
  const { options } = setup;

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <details>
        <summary>
          <h2 id={`${id}-title`}>Set up a table</h2>
        </summary>
        <form className="setup" onSubmit={submit} data-testid="create-table">
          <fieldset>
            <legend>Players</legend>
            <label className="field">
              <span>Seats</span>
              <select
                value={setup.seats.length}
                onChange={(event) => setSetup((s) => withSeatCount(s, Number(event.target.value)))}
                data-testid="seat-count"
              >
                {range(MIN_SEATS, MAX_SEATS).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <ol className="seat-choices">
              <li>You (seat 1)</li>
              {setup.seats.slice(1).map((seat, offset) => {
                const index = offset + 1;
                const current = seat.kind === 'cpu' ? seat.profile : FRIEND;
                return (
                  <li key={index}>
                    <label className="field">
                      <span>Seat {index + 1}</span>
                      <select
                        value={current}
                        data-testid={`seat-choice-${index}`}
                        onChange={(event) =>
                          setSeat(
                            index,
                            event.target.value === FRIEND
                              ? { kind: 'human' }
                              : { kind: 'cpu', profile: event.target.value },
                          )
                        }
                      >
                        <option value={FRIEND}>A friend (invite by code)</option>
                        {freeProfiles(
                          setup.seats,
                          seat.kind === 'cpu' ? seat.profile : undefined,
                        ).map((name) => (
                          <option key={name} value={name}>
                            CPU: {name}, {styleOf(name)}
                          </option>
                        ))}
                      </select>
                    </label>
                  </li>
                );
              })}
            </ol>
          </fieldset>

          <fieldset>
            <legend>Game</legend>
            <label className="field">
              <span>Holes</span>
              <input
                type="number"
                min={1}
                max={MAX_ROUNDS}
                value={options.rounds}
                onChange={(event) =>
                  setOption('rounds', clamp(Number(event.target.value), 1, MAX_ROUNDS))
                }
                data-testid="holes"
              />
            </label>
            <label className="field">
              <span>Decks</span>
              <select
                value={options.decks}
                onChange={(event) =>
                  setOption('decks', Number(event.target.value) as GolfOptions['decks'])
                }
              >
                <option value={1}>1 deck</option>
                <option value={2}>2 decks</option>
                <option value={3}>3 decks</option>
              </select>
            </label>
            <label className="field">
              <span>Cards turned up at the start</span>
              <select
                value={options.initialFlips}
                onChange={(event) =>
                  setOption(
                    'initialFlips',
                    Number(event.target.value) as GolfOptions['initialFlips'],
                  )
                }
              >
                <option value={0}>None</option>
                <option value={1}>One</option>
                <option value={2}>Two</option>
              </select>
            </label>
            <TurnTimerField
              value={setup.turnSeconds}
              onChange={(turnSeconds) => setSetup((s) => ({ ...s, turnSeconds }))}
            />
          </fieldset>

          <fieldset>
            <legend>Jokers</legend>
            {(Object.keys(JOKER_MODE_TEXT) as JokerMode[]).map((mode) => (
              <Choice
                key={mode}
                name={`${id}-jokers`}
                checked={options.jokerMode === mode}
                onChange={() => setOption('jokerMode', mode)}
                {...JOKER_MODE_TEXT[mode]}
              />
            ))}
          </fieldset>

          <fieldset>
            <legend>Flip after discarding</legend>
            {(Object.keys(FLIP_MODE_TEXT) as FlipMode[]).map((mode) => (
              <Choice
                key={mode}
                name={`${id}-flip`}
                checked={options.flipMode === mode}
                onChange={() => setOption('flipMode', mode)}
                {...FLIP_MODE_TEXT[mode]}
              />
            ))}
          </fieldset>

          <fieldset>
            <legend>House rules</legend>
            {HOUSE_RULE_NAMES.map((rule) => (
              <Choice
                key={rule}
                type="checkbox"
                checked={options[rule]}
                onChange={(checked) => setOption(rule, checked)}
                {...HOUSE_RULE_TEXT[rule]}
              />
            ))}
          </fieldset>

          <MatchAccessFields
            value={setup.access ?? DEFAULT_ACCESS}
            onChange={(access) => setSetup((s) => ({ ...s, access }))}
            ratedBlock={ratedBlock({
              guest: client.api.session?.user.guest ?? true,
              standardRules: isStandard(options),
              otherPeople: setup.seats.filter((seat) => seat.kind === 'human').length - 1,
            })}
          />

          {error ? (
            <p className="notice notice-error" role="alert" data-testid="create-error">
              {error}
            </p>
          ) : null}
          <button type="submit" className="primary" disabled={busy} data-testid="create-submit">
            Create the table
          </button>
        </form>
      </details>
    </section>
  );
}

function Choice(props: {
  type?: 'radio' | 'checkbox';
  name?: string;
  checked: boolean;
  onChange(checked: boolean): void;
  label: string;
  help: string;
}) {
  const { type = 'radio', name, checked, onChange, label, help } = props;
  return (
    <label className="choice">
      <input
        type={type}
        name={name}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>
        <strong>{label}</strong> <span className="muted">{help}</span>
      </span>
    </label>
  );
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const clamp = (n: number, min: number, max: number) =>
  Number.isFinite(n) ? Math.min(max, Math.max(min, Math.round(n))) : min;
