import { useEffect, useMemo, useState } from 'react';
import type { PositionSummary } from '@cardtable/sdk/content';
import { BASE_GLOBALS, CONTEXT_GLOBALS } from '@cardtable/sandbox';
import { TCG_SCRIPT_EFFECTS } from '@cardtable/tcg/script-effects';
import {
  eventFieldsProblem,
  grantableLuaAbilities,
  luaAbilitiesOf,
  tokenId,
  type AbilityDryRun,
  type CardDef,
  type KeywordAbilities,
  type LuaAbility,
} from '@cardtable/tcg';
import { describeScriptFailure } from '@cardtable/tcg/ui';
import { atPath, inFile, placeOf } from './diagnostics.ts';
import {
  cardsOf,
  luaModulesOf,
  luaPath,
  readDocument,
  removeFile,
  RULESET,
  testsOf,
  textOf,
  TESTS,
  withTests,
  writeText,
  type CardJson,
  type DraftFiles,
} from './draft-files.ts';
import { luaCompletions, luaDiagnostics } from './lua-assist.ts';
import { LuaCodeEditor } from './LuaCodeEditor.tsx';
import { withApi } from './studio-api.ts';
import type { DraftSession } from './useDraft.ts';

const COMPLETIONS = luaCompletions(TCG_SCRIPT_EFFECTS, CONTEXT_GLOBALS, BASE_GLOBALS);

/** The draft ruleset's keywords (the abilities each gives its cards); none while it does not read. */
const keywordsOf = (files: DraftFiles): KeywordAbilities => {
  const keywords = readDocument<{ keywords?: unknown }>(files, RULESET)?.keywords;
  return keywords && typeof keywords === 'object' ? (keywords as KeywordAbilities) : {};
};

/** The draft ruleset's unit card types: only a unit is granted keywords in a match. */
const unitTypesOf = (files: DraftFiles): ReadonlySet<string> => {
  const types = readDocument<{ cardTypes?: unknown }>(files, RULESET)?.cardTypes;
  if (!types || typeof types !== 'object') return new Set();
  return new Set(
    Object.entries(types as Record<string, { kind?: unknown } | null>)
      .filter(([, type]) => type?.kind === 'unit')
      .map(([id]) => id),
  );
};

/**
 * A card's Lua abilities that run `module` (its own and its keywords'), as the engine lists them,
 * then, with `granted` (a unit), those of the keywords it does not print, which a match may grant
 * it (a draft's card may be half-written: one that does not read as abilities has none).
 */
function moduleAbilities(
  card: Pick<CardJson, 'abilities' | 'keywords'>,
  keywords: KeywordAbilities,
  module: string,
  granted = false,
): LuaAbility[] {
  try {
    const def = card as unknown as CardDef;
    return [
      ...luaAbilitiesOf(def, keywords),
      ...(granted ? grantableLuaAbilities(def, keywords) : []),
    ].filter((a) => a.lua.module === module);
  } catch {
    return [];
  }
}

/**
 * The cards with an ability that runs `module`, and the tokens (a token runs its abilities under
 * its own id, `<card id>#<name>`, as a card of its own); then the units a match may grant a
 * keyword whose ability runs it (a keyword no card prints is still dry-run on a unit).
 */
const luaUsers = (files: DraftFiles, module: string) => {
  const keywords = keywordsOf(files);
  const units = unitTypesOf(files);
  const cards = cardsOf(files).flatMap((card) => [card, ...tokensOf(card)]);
  const own = cards.filter((card) => moduleAbilities(card, keywords, module).length > 0);
  const granted = cards.filter(
    (card) =>
      !own.includes(card) &&
      units.has(card.type) &&
      moduleAbilities(card, keywords, module, true).length > 0,
  );
  return { users: [...own, ...granted], units };
};

/** Whether an ability of a card or of a keyword (even one no card has yet) runs `module`. */
const moduleInUse = (files: DraftFiles, module: string): boolean => {
  const keywords = keywordsOf(files);
  return (
    luaUsers(files, module).users.length > 0 ||
    Object.keys(keywords).some(
      (keyword) => moduleAbilities({ keywords: [keyword] }, keywords, module).length > 0,
    )
  );
};

const tokensOf = (card: CardJson): CardJson[] => {
  const tokens = card.tokens;
  if (!tokens || typeof tokens !== 'object') return [];
  return Object.entries(tokens as Record<string, Partial<CardJson>>).map(([name, token]) => ({
    ...(token as CardJson),
    id: tokenId(card.id, name),
    name: `${token?.name ?? name} (a token of ${card.name})`,
  }));
};

/** Lua abilities: the code, its diagnostics, a dry run, and the creator's ability tests. */
export function LuaEditor({ draft }: { draft: DraftSession }) {
  const files = draft.files!;
  const modules = luaModulesOf(files);
  const [chosen, setChosen] = useState<string | null>(modules[0] ?? null);
  const [newName, setNewName] = useState('');
  const module = chosen && modules.includes(chosen) ? chosen : (modules[0] ?? null);
  const file = module ? luaPath(module) : null;
  const text = file ? (textOf(files, file) ?? '') : '';
  const diagnostics = useMemo(
    () => [...(draft.report?.errors ?? []), ...(draft.report?.warnings ?? [])],
    [draft.report],
  );
  const marks = useMemo(
    () => (file ? luaDiagnostics(text, file, diagnostics) : []),
    [text, file, diagnostics],
  );
  const nameOk = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(newName) && !modules.includes(newName);

  return (
    <section className="studio-panel" aria-labelledby="lua-title">
      <div className="studio-panel-head">
        <h2 id="lua-title">Lua abilities</h2>
      </div>
      <p className="studio-help" id="lua-help">
        For what data abilities cannot say. A module’s functions are the entries a card’s ability
        names (<code>{'"lua": {"module": "...", "entry": "..."}'}</code>). Press Ctrl+Space for the
        ability API. Checked as you type by the server’s own sandbox and lint. In the editor, Tab
        indents: press Escape, then Tab, to move on.
      </p>
      <div className="studio-split">
        <div className="studio-card-list">
          <ul aria-label="Modules" className="studio-pick-list">
            {modules.map((m) => {
              const count = inFile(draft.report?.errors ?? [], luaPath(m)).length;
              return (
                <li key={m}>
                  <button
                    type="button"
                    aria-current={m === module || undefined}
                    onClick={() => setChosen(m)}
                  >
                    {m}.lua
                    {count ? (
                      <span className="studio-bad-dot">
                        {' '}
                        {count} error{count === 1 ? '' : 's'}
                      </span>
                    ) : null}
                  </button>
                </li>
              );
            })}
          </ul>
          <div className="studio-inline">
            <label>
              New module
              <input
                value={newName}
                onChange={(e) => setNewName(e.target.value)}
                placeholder="fireball"
              />
            </label>
            <button
              type="button"
              disabled={!nameOk}
              onClick={() => {
                draft.change(writeText(files, luaPath(newName), 'function run()\nend\n'));
                setChosen(newName);
                setNewName('');
              }}
            >
              Add module
            </button>
          </div>
        </div>
        {module && file ? (
          <div className="studio-lua-main">
            <LuaCodeEditor
              key={module}
              label={`${module}.lua`}
              describedBy="lua-help"
              value={text}
              onChange={(next) => draft.change(writeText(files, file, next), `lua:${module}`)}
              onBlur={draft.seal}
              diagnostics={marks}
              completions={COMPLETIONS}
            />
            <ul
              className="studio-diagnostics"
              aria-label="Problems in this module"
              data-testid="lua-problems"
            >
              {marks.length === 0 ? (
                <li className="studio-ok">{draft.report ? 'No problems found.' : 'Checking…'}</li>
              ) : (
                marks.map((d, i) => (
                  <li key={i} className={d.severity === 'error' ? 'studio-bad' : 'studio-warn'}>
                    Line {d.line}: {d.message}
                  </li>
                ))
              )}
            </ul>
            <div className="studio-actions">
              <button
                type="button"
                onClick={() => draft.change(removeFile(files, file))}
                disabled={moduleInUse(files, module)}
                title="Only a module no card or keyword uses can be deleted"
              >
                Delete module
              </button>
            </div>
            <DryRun draft={draft} module={module} />
          </div>
        ) : (
          <p>No Lua modules yet. Add one, or use Add a Lua ability on a card.</p>
        )}
      </div>
      <AbilityTests draft={draft} />
    </section>
  );
}

function DryRun({ draft, module }: { draft: DraftSession; module: string }) {
  const files = draft.files!;
  const { users, units } = luaUsers(files, module);
  const [card, setCard] = useState<string>(users[0]?.id ?? '');
  const [seed, setSeed] = useState('sample');
  /** Fields of `state.event` as JSON (`{"amount": 3}`); empty: the sample event. */
  const [eventText, setEventText] = useState('');
  const saved = useSavedPositions(draft.game?.slug ?? null);
  /** The saved position to run at, by name; '' for the seeded sample. */
  const [position, setPosition] = useState('');
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<
    { ok: true; run: AbilityDryRun } | { ok: false; message: string } | null
  >(null);
  const chosen = users.some((u) => u.id === card) ? card : (users[0]?.id ?? '');
  const user = users.find((u) => u.id === chosen) ?? users[0];
  const abilities = user
    ? moduleAbilities(user, keywordsOf(files), module, units.has(user.type))
    : [];
  /** The ability to run, by its name; '' or one the card no longer has: its first of this module. */
  const [abilityName, setAbilityName] = useState('');
  const ability = abilities.find((a) => a.name === abilityName) ?? abilities[0];
  const event = eventFields(eventText);
  const run = async () => {
    if (!event.ok) return setResult(event);
    setRunning(true);
    const at = position === '' ? undefined : await saved.state(position);
    setResult(
      at && !at.ok
        ? at
        : await draft.worker
            .dryRun(files, chosen, ability?.name ?? 0, seed, at?.state, event.value)
            .catch((e: Error) => ({ ok: false as const, message: e.message })),
    );
    setRunning(false);
  };
  const saveAsTest = () => {
    if (!result?.ok) return;
    const tests = testsOf(files);
    const { card, ability: ran } = result.run;
    // The card's first Lua ability is its default; a granted keyword's is named.
    const first = ran.position === 0 && !ran.granted;
    const name = `${card}${first ? '' : ` ${ran.name}`} at ${seed}`;
    draft.change(
      withTests(files, [
        ...tests,
        {
          name,
          card,
          ...(first ? {} : { ability: ran.name }),
          seed,
          ...(event.ok && event.value ? { event: event.value } : {}),
          expect: result.run.failure ? 'failure' : result.run.effects,
        },
      ]),
    );
  };
  return (
    <section className="studio-card" aria-labelledby="dry-title">
      <h3 id="dry-title">Dry run</h3>
      <p className="studio-help">
        Runs the card’s Lua ability as a match would, at a position the engine deals with this seed
        (the first two decks, played until both boards hold a unit), or at a position you saved from
        a playtest (Playtest, then Save this position at the table).
      </p>
      {users.length === 0 ? (
        <p>No card uses this module yet.</p>
      ) : (
        <div className="studio-inline">
          <label>
            Card
            <select value={chosen} onChange={(e) => setCard(e.target.value)}>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          {abilities.length > 1 ? (
            <label>
              Ability
              <select
                value={ability?.name ?? ''}
                onChange={(e) => setAbilityName(e.target.value)}
                data-testid="dry-run-ability"
              >
                {abilities.map((a) => (
                  <option key={a.name} value={a.name}>
                    {`${a.name === a.lua.entry ? a.name : `${a.name} (${a.lua.entry})`}${a.granted ? ', granted in a match' : ''}`}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label>
            Position
            <select
              value={position}
              onChange={(e) => setPosition(e.target.value)}
              data-testid="dry-run-position"
            >
              <option value="">A sample position (by seed)</option>
              {saved.list.map((p) => (
                <option key={p.name} value={p.name}>
                  {`Saved: ${p.name}`}
                </option>
              ))}
            </select>
          </label>
          {position === '' ? (
            <label>
              Position seed
              <input value={seed} onChange={(e) => setSeed(e.target.value)} />
            </label>
          ) : null}
          <label>
            Event (a triggered ability’s state.event)
            <input
              value={eventText}
              placeholder='the sample; or {"amount": 3}'
              onChange={(e) => setEventText(e.target.value)}
              aria-invalid={!event.ok}
            />
          </label>
          <button type="button" onClick={() => void run()} disabled={running}>
            {running ? 'Running…' : 'Run'}
          </button>
        </div>
      )}
      {ability?.granted ? (
        <p className="studio-help" data-testid="dry-run-granted">
          {`${user?.name ?? chosen} does not print ${ability.keyword}: the dry run grants it the keyword, as a match may (a grant effect, a static, a script).`}
        </p>
      ) : null}
      {result ? (
        result.ok ? (
          <div data-testid="dry-run-result">
            <p>
              {`${result.run.ability.name} (${result.run.ability.module}.${result.run.ability.entry}): `}
              {result.run.failure ? (
                <strong className="studio-bad">
                  Failed: {result.run.failure.message} {describeScriptFailure(result.run.failure)}
                </strong>
              ) : (
                <strong className="studio-ok">
                  {result.run.effects.length} effect{result.run.effects.length === 1 ? '' : 's'}
                </strong>
              )}{' '}
              · {result.run.usage?.instructions ?? '?'} instructions ·{' '}
              {result.run.usage ? `${(result.run.usage.memoryBytes / 1024).toFixed(1)} KiB` : '?'}{' '}
              memory
            </p>
            <pre className="studio-code">
              {JSON.stringify(
                {
                  effects: result.run.effects,
                  bindings: result.run.scriptBindings,
                  ...(result.run.logs.length ? { log: result.run.logs } : {}),
                  event: (result.run.context as { event?: unknown }).event ?? null,
                },
                null,
                1,
              )}
            </pre>
            {position === '' ? (
              // A failed run saves a test that expects a failure (`"expect": "failure"`, any
              // failure passes it): worth keeping for a script meant to refuse this position, not
              // for a script that broke, so the button says which it saves.
              <button type="button" onClick={saveAsTest}>
                {result.run.failure
                  ? 'Save as an ability test that expects it to fail'
                  : 'Save as an ability test (expect exactly these effects)'}
              </button>
            ) : (
              <p className="studio-help">
                Ability tests start from a seeded position, so a run at a saved position is not
                saved as one.
              </p>
            )}
          </div>
        ) : (
          <p role="alert" className="studio-error">
            {result.message}
          </p>
        )
      ) : null}
    </section>
  );
}

/** The dry run's event fields from what was typed: none when empty, else checked JSON. */
function eventFields(
  text: string,
): { ok: true; value: Record<string, unknown> | undefined } | { ok: false; message: string } {
  if (!text.trim()) return { ok: true, value: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The event is not JSON: write it like {"amount": 3}.' };
  }
  const problem = eventFieldsProblem(value);
  return problem === null
    ? { ok: true, value: value as Record<string, unknown> }
    : { ok: false, message: `The event ${problem}.` };
}

/** The positions saved from playtests of this draft, and each one's state on demand. */
function useSavedPositions(slug: string | null) {
  const [list, setList] = useState<PositionSummary[]>([]);
  useEffect(() => {
    if (slug === null) return;
    let stale = false;
    void withApi((api) => api.listPositions(slug)).then((found) => {
      if (!stale && found.ok) setList(found.value.positions);
    });
    return () => {
      stale = true;
    };
  }, [slug]);
  const state = async (
    name: string,
  ): Promise<{ ok: true; state: unknown } | { ok: false; message: string }> => {
    const found = await withApi((api) => api.getPosition(slug ?? '', name));
    return found.ok
      ? { ok: true, state: found.value.state }
      : { ok: false, message: found.error.message };
  };
  return { list, state };
}

function AbilityTests({ draft }: { draft: DraftSession }) {
  const files = draft.files!;
  const tests = testsOf(files);
  const errors = draft.report?.errors ?? [];
  const loaded = draft.report !== null && !errors.some((d) => d.file !== TESTS);
  return (
    <section className="studio-card" aria-labelledby="tests-title">
      <h3 id="tests-title">Ability tests ({tests.length})</h3>
      <p className="studio-help">
        Each test runs a card’s ability at a seeded position and expects exactly the saved effects.
        They run on every check here and when the server validates the game for publishing.
      </p>
      <ul className="studio-diagnostics" data-testid="ability-tests">
        {tests.map((test, i) => {
          const failed = atPath(errors, TESTS, `tests[${i}]`, true);
          const state = !loaded
            ? 'not run (fix the other errors first)'
            : failed.length
              ? 'failed'
              : 'passed';
          return (
            <li key={i} className={failed.length ? 'studio-bad' : loaded ? 'studio-ok' : ''}>
              {test.name}: {state}
              {failed.map((d, j) => (
                <div key={j}>{`${placeOf(d)}: ${d.message}`}</div>
              ))}{' '}
              <button
                type="button"
                className="studio-small"
                onClick={() =>
                  draft.change(
                    withTests(
                      files,
                      tests.filter((_, j) => j !== i),
                    ),
                  )
                }
              >
                Delete test
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
