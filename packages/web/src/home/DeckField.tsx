import { useId } from 'react';
import { MAX_DECK_LIST_CHARS, type DeckChoice } from './tcg-setup.ts';

const PASTE = '__paste__';

/**
 * A seat's deck: one of the game's decks, or "Paste a deck list" and a text box. The server's
 * validation messages for this deck are shown under it and tied to it for screen readers.
 */
export function DeckField({
  label,
  decks,
  value,
  errors,
  testId,
  onChange,
}: {
  label: string;
  decks: readonly { id: string; name: string }[];
  value: DeckChoice;
  errors: readonly string[];
  testId: string;
  onChange(choice: DeckChoice): void;
}) {
  const id = useId();
  const errorId = `${id}-errors`;
  const invalid = errors.length > 0;
  return (
    <div className="deck-field">
      <label className="field">
        <span>{label}</span>
        <select
          value={value.kind === 'deck' ? value.id : PASTE}
          onChange={(event) =>
            onChange(
              event.target.value === PASTE
                ? { kind: 'list', text: value.kind === 'list' ? value.text : '' }
                : { kind: 'deck', id: event.target.value },
            )
          }
          aria-invalid={invalid && value.kind === 'deck'}
          aria-describedby={invalid && value.kind === 'deck' ? errorId : undefined}
          data-testid={`${testId}-select`}
        >
          {decks.map((deck) => (
            <option key={deck.id} value={deck.id}>
              {deck.name}
            </option>
          ))}
          <option value={PASTE}>Paste a deck list…</option>
        </select>
      </label>
      {value.kind === 'list' ? (
        <label className="field deck-list">
          <span>
            Deck list: one line per card, a count then its name or id (“2 Card Name”, “2x
            set/card-id”); lines starting with # are notes
          </span>
          <textarea
            value={value.text}
            rows={8}
            maxLength={MAX_DECK_LIST_CHARS}
            spellCheck={false}
            onChange={(event) => onChange({ kind: 'list', text: event.target.value })}
            aria-invalid={invalid}
            aria-describedby={invalid ? errorId : undefined}
            data-testid={`${testId}-list`}
          />
        </label>
      ) : null}
      {invalid ? (
        <ul className="field-errors" id={errorId} data-testid={`${testId}-errors`}>
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
