import { useId, useState } from 'react';
import type { Diagnostic } from '@cardtable/sdk/content';
import { atPath, messageAt } from './diagnostics.ts';
import { JsonField } from './JsonField.tsx';
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
            <li key={i}>{messageAt(d, dotted)}</li>
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
        <Row labelId={labelId} label={label} remove={remove} notes={notes}>
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
        </Row>
      );
    case 'string':
      return (
        <Row labelId={labelId} label={label} remove={remove} notes={notes}>
          <input
            {...aria}
            value={typeof value === 'string' ? value : ''}
            placeholder={kind.description}
            onChange={(e) => ctx.set(path, e.target.value)}
            onBlur={ctx.seal}
          />
        </Row>
      );
    case 'enum':
      return (
        <Row labelId={labelId} label={label} remove={remove} notes={notes}>
          <select {...aria} value={String(value)} onChange={(e) => ctx.set(path, e.target.value)}>
            {kind.values.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </Row>
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
        <Group path={key} label={label} notes={notes} remove={remove}>
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
        </Group>
      );
    }
    case 'tagged': {
      const object = (value ?? {}) as Record<string, unknown>;
      const tag = String(object[kind.tag] ?? '');
      const branch = kind.branches.get(tag);
      const branchKind = branch ? fieldKind(branch, ctx.root) : null;
      return (
        <Group path={key} label={label} notes={notes} remove={remove}>
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
        </Group>
      );
    }
    case 'list': {
      const items = Array.isArray(value) ? value : [];
      return (
        <Group path={key} label={label} notes={notes} remove={remove}>
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
        </Group>
      );
    }
    case 'record': {
      const record = (value ?? {}) as Record<string, unknown>;
      return (
        <Group path={key} label={label} notes={notes} remove={remove}>
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
        </Group>
      );
    }
    case 'json':
      return (
        <Row labelId={labelId} label={`${label} (JSON)`} remove={remove} notes={notes}>
          <JsonField
            value={value}
            aria={aria}
            onChange={(next) => ctx.set(path, next)}
            onSeal={ctx.seal}
          />
        </Row>
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

/** A group of fields (an object, a list, a record): its legend, notes, fields and Remove. */
function Group({
  path,
  label,
  notes,
  remove,
  children,
}: {
  path: string;
  label: string;
  notes: React.ReactNode;
  remove: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <fieldset className="studio-group" data-path={path}>
      <legend>{label}</legend>
      {notes}
      {children}
      {remove}
    </fieldset>
  );
}

/** A labelled field: its control, its Remove button, then its help and errors. */
function Row({
  labelId,
  label,
  remove,
  notes,
  children,
}: {
  labelId: string;
  label: string;
  remove: React.ReactNode;
  notes: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className="studio-field">
      <label htmlFor={labelId}>{label}</label>
      {children}
      {remove}
      {notes}
    </div>
  );
}
