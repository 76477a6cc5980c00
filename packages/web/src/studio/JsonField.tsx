import { useState } from 'react';

/**
 * A value the forms cannot break down (conditions, abilities, effects) edited as JSON in place:
 * the text is kept while it does not parse, and the last valid value stays in the draft.
 */
export function JsonField({
  value,
  onChange,
  onSeal,
  aria,
  maxRows = 8,
}: {
  value: unknown;
  onChange(value: unknown): void;
  onSeal(): void;
  /** The textarea's id and its aria attributes (label, errors, help). */
  aria: Record<string, unknown>;
  maxRows?: number;
}) {
  const shown = JSON.stringify(value, null, 1) ?? '';
  const [text, setText] = useState<string | null>(null);
  const [bad, setBad] = useState(false);
  return (
    <>
      <textarea
        {...aria}
        className="studio-code"
        rows={Math.min(maxRows, shown.split('\n').length + 1)}
        spellCheck={false}
        value={text ?? shown}
        onChange={(e) => {
          setText(e.target.value);
          try {
            onChange(JSON.parse(e.target.value));
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
        onBlur={() => {
          if (!bad) setText(null);
          onSeal();
        }}
      />
      {bad ? (
        <p className="studio-field-errors">Not valid JSON yet: the last valid value is kept.</p>
      ) : null}
    </>
  );
}
