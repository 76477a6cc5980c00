import { useEffect, useId, useState, type FormEvent } from 'react';
import type { GameSummary, VersionSummary } from '@cardtable/sdk';
import { client } from '../net/session.ts';
import { DeckField } from './DeckField.tsx';
import { DEFAULT_ACCESS, ratedBlock } from './match-access.ts';
import { MatchAccessFields } from './MatchAccessFields.tsx';
import { TurnTimerField } from './TurnTimerField.tsx';
import {
  defaultTcgSetup,
  TCG_CPU_LEVELS,
  type DeckChoice,
  type Opponent,
  type TcgSetup,
} from './tcg-setup.ts';

/** Validation messages by field: each seat's deck, and the rest. */
export interface SetupErrors {
  decks: [string[], string[]];
  form: string[];
}

export const NO_ERRORS: SetupErrors = { decks: [[], []], form: [] };

const FRIEND = '__friend__';

/** A card game's match: its version, each seat's deck, and a friend or the CPU opposite. */
export function TcgMatchForm({
  game,
  busy,
  errors,
  onCreate,
}: {
  game: GameSummary;
  busy: boolean;
  errors: SetupErrors;
  onCreate(setup: TcgSetup): void;
}) {
  const [setup, setSetup] = useState<TcgSetup>(() => defaultTcgSetup(game));
  const versions = usePlayableVersions(game);
  const id = useId();
  const setDeck = (seat: 0 | 1, choice: DeckChoice) =>
    setSetup((current) => {
      const decks: TcgSetup['decks'] = [...current.decks];
      decks[seat] = choice;
      return { ...current, decks };
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onCreate(setup);
  };
  const opponentValue = setup.opponent.kind === 'cpu' ? setup.opponent.profile : FRIEND;
  const cpuOpposite = setup.opponent.kind === 'cpu';

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="tcg-setup">
      <h2 id={`${id}-title`}>Set up a match of {game.name}</h2>
      <form className="setup" onSubmit={submit} data-testid="tcg-create">
        {versions && versions.length > 0 ? (
          <label className="field">
            <span>Version</span>
            <select
              value={setup.version ?? ''}
              onChange={(event) =>
                setSetup((s) => ({
                  ...s,
                  version: event.target.value === '' ? null : Number(event.target.value),
                }))
              }
              data-testid="tcg-version"
            >
              <option value="">Latest (version {versions[0]!.version})</option>
              {versions.map((v) => (
                <option key={v.version} value={v.version}>
                  Version {v.version}, published {new Date(v.publishedAt).toLocaleDateString()}
                </option>
              ))}
            </select>
          </label>
        ) : null}

        <fieldset>
          <legend>Players</legend>
          <DeckField
            label="Your deck"
            decks={game.decks}
            value={setup.decks[0]}
            errors={errors.decks[0]}
            testId="tcg-deck-0"
            onChange={(choice) => setDeck(0, choice)}
          />
          <label className="field">
            <span>Opponent</span>
            <select
              value={opponentValue}
              onChange={(event) => {
                const opponent: Opponent =
                  event.target.value === FRIEND
                    ? { kind: 'friend' }
                    : { kind: 'cpu', profile: event.target.value };
                setSetup((s) => ({ ...s, opponent }));
              }}
              data-testid="tcg-opponent"
            >
              <option value={FRIEND}>Invite a friend (by code or link)</option>
              {TCG_CPU_LEVELS.map((level) => (
                <option key={level.profile} value={level.profile}>
                  CPU: {level.label}
                </option>
              ))}
            </select>
          </label>
          <DeckField
            label={cpuOpposite ? 'The CPU’s deck' : 'Your friend’s deck'}
            decks={game.decks}
            value={setup.decks[1]}
            errors={errors.decks[1]}
            testId="tcg-deck-1"
            onChange={(choice) => setDeck(1, choice)}
          />
        </fieldset>

        <TurnTimerField
          value={setup.turnSeconds}
          onChange={(turnSeconds) => setSetup((s) => ({ ...s, turnSeconds }))}
          testId="tcg-turn-timer"
        />
        <MatchAccessFields
          value={setup.access ?? DEFAULT_ACCESS}
          onChange={(access) => setSetup((s) => ({ ...s, access }))}
          ratedBlock={ratedBlock({
            guest: client.api.session?.user.guest ?? true,
            standardRules: true,
            otherPeople: cpuOpposite ? 0 : 1,
          })}
        />

        {errors.form.length ? (
          <ul className="notice notice-error field-errors" role="alert" data-testid="tcg-errors">
            {errors.form.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
        <button type="submit" className="primary" disabled={busy} data-testid="tcg-submit">
          {cpuOpposite ? 'Start the match' : 'Create the match and invite'}
        </button>
      </form>
    </section>
  );
}

/** The versions a new match may use (not deprecated), newest first; none for built-in games. */
function usePlayableVersions(game: GameSummary): VersionSummary[] | null {
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  useEffect(() => {
    if (game.builtIn || game.latestVersion === null) return;
    let stale = false;
    void client.api.getGame(game.slug).then((result) => {
      if (stale || !result.ok) return;
      setVersions(
        result.value.versions.filter((v) => !v.deprecated).sort((a, b) => b.version - a.version),
      );
    });
    return () => {
      stale = true;
    };
  }, [game]);
  return versions;
}
