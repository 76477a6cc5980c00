import { useId, useState } from 'react';
import type { Diagnostic } from '@cardtable/sdk/content';
import { atPath } from './diagnostics.ts';
import {
  childPath,
  emptyValue,
  fieldKind,
  labelOf,
  type FieldKind,
  type SchemaNode,
} from './schema-walk.ts';

export interface FormContext {
  root: SchemaNode;
  file: string;
  diagnostics: readonly Diagnostic[];
  help(path: string): string | undefined;
  /** Replace the value at `path`; `key` merges edits of one field into one undo step. */
  set(path: (string | number)[], value: unknown): void;
  seal(): void;
}

interface FieldProps {
  ctx: FormContext;
  schema: SchemaNode;
  value: unknown;
  name: string;
  path: (string | number)[];
  optional?: boolean;
  onRemove?: () => void;
}

const joined = (path: (string | number)[]) => path.reduce<string>(childPath, '');

/** One field of a form generated from the JSON Schema, with its help and the validator's errors. */
export function SchemaField(props: FieldProps) {
  const { ctx, schema, path } = props;
  const kind = fieldKind(schema, ctx.root);
  const id = useId();
  const dotted = joined(path);
  const deep = kind.kind === 'json' || kind.kind === 'tagged' ? false : true;
  const errors = atPath(
    ctx.diagnostics,
    ctx.file,
    dotted,
    kind.kind === 'json' || kind.kind === 'enumList' || !deep,
  );
  const help = ctx.help(dotted);
  const describedBy = [help ? `${id}-help` : '', errors.length ? `${id}-errors` : '']
    .filter(Boolean)
    .join(' ');
  const notes = (
    <>
      {help ? (
        <p id={`${id}-help`} className="studio-help">
          {help}
        </p>
      ) : null}
      {errors.length ? (
        <ul id={`${id}-errors`} className="studio-field-errors" data-field-errors={dotted}>
          {errors.map((d, i) => (
            <li key={i}>{d.message}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
  const aria = {
    id,
    'aria-invalid': errors.length > 0 || undefined,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    'data-path': dotted,
  };
  if (props.value === undefined && props.optional)
    return (
      <div className="studio-field studio-absent">
        <span>{labelOf(props.name)}</span>{' '}
        <button type="button" onClick={() => ctx.set(path, emptyValue(schema, ctx.root))}>
          Add {labelOf(props.name).toLowerCase()}
        </button>
        {notes}
      </div>
    );
  const remove = props.optional ? (
    <button type="button" className="studio-small" onClick={() => ctx.set(path, undefined)}>
      Remove
    </button>
  ) : props.onRemove ? (
    <button type="button" className="studio-small" onClick={props.onRemove}>
      Remove
    </button>
  ) : null;
  return (
    <FieldBody {...props} kind={kind} aria={aria} notes={notes} remove={remove} labelId={id} />
  );
}

function FieldBody({
  ctx,
  value,
  name,
  path,
  kind,
  aria,
  notes,
  remove,
  labelId,
}: FieldProps & {
  kind: FieldKind;
  aria: Record<string, unknown>;
  notes: React.ReactNode;
  remove: React.ReactNode;
  labelId: string;
}) {
  const label = labelOf(name);
  const key = joined(path);
  switch (kind.kind) {
    case 'const':
      return (
        <div className="studio-field">
          <span className="studio-label">{label}</span> <code>{JSON.stringify(kind.value)}</code>
          {notes}
        </div>
      );
    case 'integer':
      return (
        <div className="studio-field">
          <label htmlFor={labelId}>{label}</label>
          <input
            {...aria}
            type="number"
            value={typeof value === 'number' ? value : ''}
            min={kind.min}
            max={kind.max}
            onChange={(e) =>
              ctx.set(path, e.target.value === '' ? undefined : Number(e.target.value))
            }
            onBlur={ctx.seal}
          />
          {remove}
          {notes}
        </div>
      );
    case 'string':
      return (
        <div className="studio-field">
          <label htmlFor={labelId}>{label}</label>
          <input
            {...aria}
            value={typeof value === 'string' ? value : ''}
            placeholder={kind.description}
            onChange={(e) => ctx.set(path, e.target.value)}
            onBlur={ctx.seal}
          />
          {remove}
          {notes}
        </div>
      );
    case 'enum':
      return (
        <div className="studio-field">
          <label htmlFor={labelId}>{label}</label>
          <select {...aria} value={String(value)} onChange={(e) => ctx.set(path, e.target.value)}>
            {kind.values.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
          {remove}
          {notes}
        </div>
      );
    case 'boolean':
      return (
        <div className="studio-field studio-check">
          <input
            {...aria}
            type="checkbox"
            checked={value === true}
            onChange={(e) => ctx.set(path, e.target.checked)}
          />
          <label htmlFor={labelId}>{label}</label>
          {notes}
        </div>
      );
    case 'enumList': {
      const chosen = new Set(Array.isArray(value) ? (value as string[]) : []);
      return (
        <fieldset className="studio-field" {...(aria as object)} id={undefined}>
          <legend>{label}</legend>
          {kind.values.map((v) => (
            <label key={v} className="studio-check">
              <input
                type="checkbox"
                checked={chosen.has(v)}
                onChange={(e) => {
                  const next = kind.values.filter((x) =>
                    x === v ? e.target.checked : chosen.has(x),
                  );
                  ctx.set(path, next);
                }}
              />
              {v}
            </label>
          ))}
          {remove}
          {notes}
        </fieldset>
      );
    }
    case 'object': {
      const object = (value ?? {}) as Record<string, unknown>;
      return (
        <fieldset className="studio-group" data-path={key}>
          <legend>{label}</legend>
          {notes}
          {kind.properties.map(([prop, propSchema]) => (
            <SchemaField
              key={prop}
              ctx={ctx}
              schema={propSchema}
              value={object[prop]}
              name={prop}
              path={[...path, prop]}
              optional={!kind.required.has(prop)}
            />
          ))}
          {remove}
        </fieldset>
      );
    }
    case 'tagged': {
      const object = (value ?? {}) as Record<string, unknown>;
      const tag = String(object[kind.tag] ?? '');
      const branch = kind.branches.get(tag);
      const branchKind = branch ? fieldKind(branch, ctx.root) : null;
      return (
        <fieldset className="studio-group" data-path={key}>
          <legend>{label}</legend>
          {notes}
          <label>
            {labelOf(kind.tag)}{' '}
            <select
              value={tag}
              onChange={(e) => {
                const next = kind.branches.get(e.target.value)!;
                ctx.set(path, {
                  ...(emptyValue(next, ctx.root) as object),
                  [kind.tag]: e.target.value,
                });
              }}
            >
              {[...kind.branches.keys()].map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
          {branchKind?.kind === 'object'
            ? branchKind.properties
                .filter(([prop]) => prop !== kind.tag)
                .map(([prop, propSchema]) => (
                  <SchemaField
                    key={prop}
                    ctx={ctx}
                    schema={propSchema}
                    value={object[prop]}
                    name={prop}
                    path={[...path, prop]}
                    optional={!branchKind.required.has(prop)}
                  />
                ))
            : null}
          {remove}
        </fieldset>
      );
    }
    case 'list': {
      const items = Array.isArray(value) ? value : [];
      return (
        <fieldset className="studio-group" data-path={key}>
          <legend>{label}</legend>
          {notes}
          <ol className="studio-list">
            {items.map((item, i) => (
              <li key={i}>
                <SchemaField
                  ctx={ctx}
                  schema={kind.items}
                  value={item}
                  name={`${singular(name)} ${i + 1}`}
                  path={[...path, i]}
                  onRemove={() =>
                    ctx.set(
                      path,
                      items.filter((_, j) => j !== i),
                    )
                  }
                />
              </li>
            ))}
          </ol>
          <button
            type="button"
            onClick={() => ctx.set(path, [...items, emptyValue(kind.items, ctx.root)])}
          >
            Add {singular(label).toLowerCase()}
          </button>
          {remove}
        </fieldset>
      );
    }
    case 'record': {
      const record = (value ?? {}) as Record<string, unknown>;
      return (
        <fieldset className="studio-group" data-path={key}>
          <legend>{label}</legend>
          {notes}
          {Object.entries(record).map(([entry, entryValue]) => (
            <SchemaField
              key={entry}
              ctx={ctx}
              schema={kind.values}
              value={entryValue}
              name={entry}
              path={[...path, entry]}
              onRemove={() => {
                const { [entry]: _gone, ...rest } = record;
                ctx.set(path, rest);
              }}
            />
          ))}
          <NewEntry
            label={singular(label)}
            taken={new Set(Object.keys(record))}
            onAdd={(entry) =>
              ctx.set(path, { ...record, [entry]: emptyValue(kind.values, ctx.root) })
            }
          />
          {remove}
        </fieldset>
      );
    }
    case 'json':
      return (
        <JsonField
          ctx={ctx}
          value={value}
          label={label}
          path={path}
          aria={aria}
          notes={notes}
          remove={remove}
        />
      );
  }
}

const singular = (word: string) => word.replace(/ies$/, 'y').replace(/s$/, '');

function NewEntry({
  label,
  taken,
  onAdd,
}: {
  label: string;
  taken: ReadonlySet<string>;
  onAdd(key: string): void;
}) {
  const [key, setKey] = useState('');
  const valid = /^[a-z][a-zA-Z0-9_-]*$/.test(key) && !taken.has(key);
  return (
    <div className="studio-inline">
      <label>
        New {label.toLowerCase()} id
        <input value={key} onChange={(e) => setKey(e.target.value)} />
      </label>
      <button
        type="button"
        disabled={!valid}
        onClick={() => {
          onAdd(key);
          setKey('');
        }}
      >
        Add {label.toLowerCase()}
      </button>
    </div>
  );
}

/** A value the form cannot break down (conditions, abilities): edited as JSON in place. */
function JsonField({
  ctx,
  value,
  label,
  path,
  aria,
  notes,
  remove,
}: {
  ctx: FormContext;
  value: unknown;
  label: string;
  path: (string | number)[];
  aria: Record<string, unknown>;
  notes: React.ReactNode;
  remove: React.ReactNode;
}) {
  const shown = JSON.stringify(value, null, 1);
  const [text, setText] = useState<string | null>(null);
  const [bad, setBad] = useState(false);
  return (
    <div className="studio-field">
      <label htmlFor={aria.id as string}>{label} (JSON)</label>
      <textarea
        {...aria}
        className="studio-code"
        rows={Math.min(8, shown.split('\n').length + 1)}
        value={text ?? shown}
        onChange={(e) => {
          setText(e.target.value);
          try {
            ctx.set(path, JSON.parse(e.target.value));
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
        onBlur={() => {
          if (!bad) setText(null);
          ctx.seal();
        }}
      />
      {bad ? (
        <p className="studio-field-errors">Not valid JSON yet: the last valid value is kept.</p>
      ) : null}
      {remove}
      {notes}
    </div>
  );
}
