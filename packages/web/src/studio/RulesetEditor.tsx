import { useMemo, useState } from 'react';
import { rulesetSchema } from '@cardtable/tcg';
import { inFile, placeOf } from './diagnostics.ts';
import { readDocument, RULESET, textOf, writeDocument, writeText } from './draft-files.ts';
import { setIn } from './json-edit.ts';
import { helpFor } from './ruleset-help.ts';
import { SchemaField, type FormContext } from './SchemaForm.tsx';
import type { SchemaNode } from './schema-walk.ts';
import type { DraftSession } from './useDraft.ts';

/** The ruleset: a form generated from the published schema, or the raw JSON. */
export function RulesetEditor({ draft }: { draft: DraftSession }) {
  const files = draft.files!;
  const [view, setView] = useState<'form' | 'json'>('form');
  const ruleset = readDocument<Record<string, unknown>>(files, RULESET);
  const errors = inFile(draft.report?.errors ?? [], RULESET);
  const diagnostics = useMemo(
    () => [...(draft.report?.errors ?? []), ...(draft.report?.warnings ?? [])],
    [draft.report],
  );
  const root = rulesetSchema as SchemaNode;
  const ctx: FormContext = {
    root,
    file: RULESET,
    diagnostics,
    help: (path) => helpFor(path),
    set: (path, value) =>
      draft.change(
        writeDocument(files, RULESET, setIn(ruleset, path, value)),
        `ruleset:${path.join('.')}`,
      ),
    seal: draft.seal,
  };
  return (
    <section className="studio-panel" aria-labelledby="ruleset-title">
      <div className="studio-panel-head">
        <h2 id="ruleset-title">Ruleset</h2>
        <div role="group" aria-label="View" className="studio-segmented">
          <button type="button" aria-pressed={view === 'form'} onClick={() => setView('form')}>
            Form
          </button>
          <button type="button" aria-pressed={view === 'json'} onClick={() => setView('json')}>
            JSON
          </button>
        </div>
      </div>
      <p className="studio-help">
        Every rule of your game. Fields are checked as you type by the same validator the server
        runs; a problem shows at its field.
      </p>
      {view === 'json' || !ruleset ? (
        <>
          {!ruleset ? (
            <p role="alert" className="studio-error">
              The ruleset is not valid JSON, so the form cannot show it: fix it here.
            </p>
          ) : null}
          <RawJson
            label="ruleset.json"
            text={textOf(files, RULESET) ?? ''}
            onChange={(text) => draft.change(writeText(files, RULESET, text), 'ruleset:raw')}
            onBlur={draft.seal}
            errors={errors.map((d) => `${placeOf(d)}: ${d.message}`)}
          />
        </>
      ) : (
        <form className="studio-form" onSubmit={(e) => e.preventDefault()}>
          {Object.entries((root.properties ?? {}) as Record<string, SchemaNode>).map(
            ([key, schema]) => (
              <SchemaField
                key={key}
                ctx={ctx}
                schema={schema}
                value={ruleset[key]}
                name={key}
                path={[key]}
                optional={!((root.required as string[]) ?? []).includes(key)}
              />
            ),
          )}
        </form>
      )}
    </section>
  );
}

/** A JSON document as text, with the validator's messages (file, line and column). */
export function RawJson({
  label,
  text,
  onChange,
  onBlur,
  errors,
}: {
  label: string;
  text: string;
  onChange(text: string): void;
  onBlur(): void;
  errors: string[];
}) {
  return (
    <div className="studio-field">
      <label htmlFor="raw-json">{label}</label>
      <textarea
        id="raw-json"
        className="studio-code studio-raw"
        spellCheck={false}
        value={text}
        rows={24}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={errors.length ? 'raw-json-errors' : undefined}
      />
      {errors.length ? (
        <ul id="raw-json-errors" className="studio-field-errors">
          {errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
