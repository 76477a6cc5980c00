import { useId, useMemo, useState } from 'react';
import { cardSetSchema } from '@cardtable/tcg';
import type { CardFace } from '@cardtable/tcg/ui';
import { CardFaceView } from '../tcg/CardFaceView.tsx';
import { ArtCropper, base64Of } from './ArtCropper.tsx';
import { JsonField } from './JsonField.tsx';
import { BattlerCardFields, type BattlerBits } from './BattlerCardFields.tsx';
import {
  duplicateCard,
  starterLuaAbility,
  visibleCards,
  withoutStarterSpell,
  withType,
  type CardSort,
} from './card-list.ts';
import { atPath, inFile, messageAt, placeOf } from './diagnostics.ts';
import {
  artPathOf,
  CARDS,
  cardsOf,
  decksOf,
  freeCardId,
  luaPath,
  readDocument,
  removeFile,
  RULESET,
  setOf,
  withCards,
  writeText,
  type CardJson,
  type DraftFiles,
} from './draft-files.ts';
import { withApi } from './studio-api.ts';
import type { DraftSession } from './useDraft.ts';
import { StudioError } from './StudioError.tsx';

interface RulesetBits {
  cardTypes?: Record<string, { kind: string; name: string }>;
  keywords?: Record<string, { name: string }>;
  battler?: BattlerBits;
}

const PALETTES: readonly string[] =
  (cardSetSchema.$defs as Record<string, { properties: { palette: { enum: string[] } } }>).Art
    ?.properties.palette.enum ?? [];

/** The cards: a searchable list, a form for the chosen card, its live face and art. */
export function CardsEditor({ draft, slug }: { draft: DraftSession; slug: string }) {
  const files = draft.files!;
  const cards = cardsOf(files);
  const ruleset = readDocument<RulesetBits>(files, RULESET) ?? {};
  const types = Object.entries(ruleset.cardTypes ?? {});
  const [selected, setSelected] = useState<string | null>(cards[0]?.id ?? null);
  const [search, setSearch] = useState('');
  const [type, setType] = useState('');
  const [sort, setSort] = useState<CardSort>('cost');
  const shown = useMemo(
    () => visibleCards(cards, { search, type, sort }),
    [cards, search, type, sort],
  );
  const card = cards.find((c) => c.id === selected) ?? null;
  const index = card ? cards.indexOf(card) : -1;
  const errors = inFile(draft.report?.errors ?? [], CARDS);

  const update = (next: DraftFiles, key: string | null = null) => draft.change(next, key);
  const setCard = (changed: CardJson, key: string) => {
    const others = cards.filter((_, i) => i !== index);
    const set = setOf(files);
    // A card's id follows its name until a deck or another file names it.
    const named = decksOf(files).some((d) => d.cards.some((c) => c.card === card?.id));
    const follows =
      key === 'name' && card && !named && card.id === freeCardId(others, set, card.name);
    const next = follows ? { ...changed, id: freeCardId(others, set, changed.name) } : changed;
    let moved = files;
    const art = next.id !== changed.id ? artPathOf(files, changed.id) : null;
    if (art) {
      const name = next.id.slice(next.id.indexOf('/') + 1);
      moved = {
        ...removeFile(files, art),
        [`art/${name}${art.slice(art.lastIndexOf('.'))}`]: files[art]!,
      };
    }
    update(
      withCards(
        moved,
        cards.map((c, i) => (i === index ? next : c)),
      ),
      `card:${index}:${key}`,
    );
    if (next.id !== changed.id) setSelected(next.id);
  };

  const add = () => {
    const [type, { kind }] = types.find(([, t]) => t.kind === 'unit') ?? types[0]!;
    const name = 'New card';
    const id = freeCardId(cards, setOf(files), name);
    const art = { palette: PALETTES[cards.length % PALETTES.length] ?? 'ember' };
    const created = withType({ id, name, type, cost: 1, art }, type, kind);
    update(withCards(files, [...cards, created]));
    setSelected(id);
  };
  const duplicate = () => {
    if (!card) return;
    const id = freeCardId(cards, setOf(files), `${card.name} copy`);
    update(withCards(files, [...cards, duplicateCard(card, id)]));
    setSelected(id);
  };
  const remove = () => {
    if (!card) return;
    let next = withCards(
      files,
      cards.filter((c) => c.id !== card.id),
    );
    const art = artPathOf(files, card.id);
    if (art) next = removeFile(next, art);
    update(next);
    setSelected(cards.find((c) => c.id !== card.id)?.id ?? null);
  };

  return (
    <section className="studio-panel studio-cards" aria-labelledby="cards-title">
      <div className="studio-panel-head">
        <h2 id="cards-title">Cards ({cards.length})</h2>
        <div className="studio-actions">
          <button type="button" className="primary" onClick={add} disabled={types.length === 0}>
            New card
          </button>
          <button type="button" onClick={duplicate} disabled={!card}>
            Duplicate
          </button>
          <button type="button" onClick={remove} disabled={!card}>
            Delete
          </button>
        </div>
      </div>
      {types.length === 0 ? (
        <p className="studio-error">Add a card type to the ruleset first.</p>
      ) : null}
      <div className="studio-split">
        <div className="studio-card-list">
          <label>
            Search
            <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </label>
          <label>
            Type
            <select value={type} onChange={(e) => setType(e.target.value)}>
              <option value="">All types</option>
              {types.map(([id, t]) => (
                <option key={id} value={id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Sort by
            <select value={sort} onChange={(e) => setSort(e.target.value as CardSort)}>
              <option value="cost">Cost</option>
              <option value="name">Name</option>
              <option value="type">Type</option>
            </select>
          </label>
          <ul aria-label="Cards" className="studio-pick-list">
            {shown.map((c) => {
              const bad = errors.some((d) => d.path?.includes(`(${c.id})`));
              return (
                <li key={c.id}>
                  <button
                    type="button"
                    aria-current={c.id === selected || undefined}
                    onClick={() => setSelected(c.id)}
                  >
                    <span className="studio-cost">{c.cost}</span> {c.name}
                    {bad ? (
                      <span className="studio-bad-dot" aria-label="has errors">
                        {' '}
                        ●
                      </span>
                    ) : null}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
        {card ? (
          <CardForm
            key={index}
            card={card}
            index={index}
            draft={draft}
            slug={slug}
            ruleset={ruleset}
            onChange={setCard}
          />
        ) : (
          <p>No card chosen. Make one with New card.</p>
        )}
      </div>
    </section>
  );
}

function CardForm({
  card,
  index,
  draft,
  slug,
  ruleset,
  onChange,
}: {
  card: CardJson;
  index: number;
  draft: DraftSession;
  slug: string;
  ruleset: RulesetBits;
  onChange(card: CardJson, key: string): void;
}) {
  const files = draft.files!;
  const id = useId();
  const diagnostics = draft.report?.errors ?? [];
  const at = (field: string, below = false) =>
    atPath(diagnostics, CARDS, `cards[${index}].${field}`, below);
  const types = Object.entries(ruleset.cardTypes ?? {});
  const kind = ruleset.cardTypes?.[card.type]?.kind;
  const [cropping, setCropping] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const artPath = artPathOf(files, card.id);
  const artFile = artPath ? files[artPath] : undefined;
  const image = artFile && typeof artFile !== 'string' ? `/api/art/${artFile.sha256}` : undefined;
  const face: CardFace = draft.report?.faces[card.id] ?? roughFace(card, kind);

  /** The validator's messages at a field of this card (or below it), named for `aria`. */
  const errors = (name: string, below = false) => {
    const errs = at(name, below);
    return errs.length ? (
      <ul
        id={`${id}-${name}-errors`}
        className="studio-field-errors"
        data-field-errors={`cards[${index}].${name}`}
      >
        {errs.map((d, i) => (
          <li key={i}>{messageAt(d, `cards[${index}].${name}`)}</li>
        ))}
      </ul>
    ) : null;
  };
  const field = (name: string, label: string, control: React.ReactNode, below = false) => (
    <div className="studio-field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {control}
      {errors(name, below)}
    </div>
  );
  const aria = (name: string, below = false) => ({
    id: `${id}-${name}`,
    'aria-invalid': at(name, below).length > 0 || undefined,
    'aria-describedby': at(name, below).length ? `${id}-${name}-errors` : undefined,
  });
  const set = (changes: Partial<CardJson>, key: string) => onChange({ ...card, ...changes }, key);

  const upload = async (png: Blob) => {
    setCropping(false);
    setUploadError(null);
    const result = await withApi(async (api) => api.uploadArt(slug, await base64Of(png)));
    if (!result.ok) return setUploadError(result.error.message);
    const name = card.id.slice(card.id.indexOf('/') + 1);
    let next = artPath ? removeFile(files, artPath) : files;
    next = { ...next, [`art/${name}.png`]: { sha256: result.value.sha256 } };
    draft.change(next);
  };

  const addLua = () => {
    // The Lua becomes what a spell casts in place of the starter it was given, if untouched.
    const base = withoutStarterSpell(card);
    const { module, ability, script } = starterLuaAbility(base, kind);
    let next = files;
    if (!next[luaPath(module)]) next = writeText(next, luaPath(module), script);
    const cards = cardsOf(next).map((c, i) =>
      i === index ? { ...base, abilities: [...(base.abilities ?? []), ability] } : c,
    );
    draft.change(withCards(next, cards));
  };

  return (
    <div className="studio-card-editor">
      <form
        className="studio-form"
        onSubmit={(e) => e.preventDefault()}
        aria-label={`Card ${card.name}`}
      >
        <p className="studio-help">
          Id <code>{card.id}</code> (decks name the card by it)
        </p>
        {field(
          'name',
          'Name',
          <input
            {...aria('name')}
            value={card.name}
            onChange={(e) => set({ name: e.target.value }, 'name')}
            onBlur={draft.seal}
          />,
        )}
        {field(
          'type',
          'Type',
          <select
            {...aria('type')}
            value={card.type}
            onChange={(e) =>
              onChange(
                withType(card, e.target.value, ruleset.cardTypes?.[e.target.value]?.kind),
                'type',
              )
            }
          >
            {types.map(([typeId, t]) => (
              <option key={typeId} value={typeId}>
                {t.name} ({t.kind})
              </option>
            ))}
          </select>,
        )}
        {field(
          'cost',
          'Cost',
          <input
            {...aria('cost')}
            type="number"
            min={0}
            max={99}
            value={card.cost}
            onChange={(e) => set({ cost: Number(e.target.value) }, 'cost')}
            onBlur={draft.seal}
          />,
        )}
        {kind === 'unit' ? (
          <>
            {field(
              'stats.attack',
              'Attack',
              <input
                {...aria('stats.attack')}
                type="number"
                min={0}
                max={99}
                value={card.stats?.attack ?? 0}
                onChange={(e) =>
                  set(
                    { stats: { attack: Number(e.target.value), health: card.stats?.health ?? 1 } },
                    'attack',
                  )
                }
                onBlur={draft.seal}
              />,
            )}
            {field(
              'stats.health',
              'Health',
              <input
                {...aria('stats.health')}
                type="number"
                min={1}
                max={99}
                value={card.stats?.health ?? 1}
                onChange={(e) =>
                  set(
                    { stats: { attack: card.stats?.attack ?? 0, health: Number(e.target.value) } },
                    'health',
                  )
                }
                onBlur={draft.seal}
              />,
            )}
          </>
        ) : null}
        {ruleset.battler ? (
          <BattlerCardFields
            key={card.id}
            card={card}
            kind={kind}
            battler={ruleset.battler}
            field={field}
            aria={aria}
            errors={errors}
            onChange={onChange}
            seal={draft.seal}
          />
        ) : null}
        <fieldset className="studio-field">
          <legend>Keywords</legend>
          {Object.keys(ruleset.keywords ?? {}).length === 0 ? (
            <p className="studio-help">The ruleset has no keywords yet.</p>
          ) : null}
          {Object.entries(ruleset.keywords ?? {}).map(([keyword, k]) => (
            <label key={keyword} className="studio-check">
              <input
                type="checkbox"
                checked={(card.keywords ?? []).includes(keyword)}
                onChange={(e) => {
                  const keywords = e.target.checked
                    ? [...(card.keywords ?? []), keyword]
                    : (card.keywords ?? []).filter((x) => x !== keyword);
                  const { keywords: _k, ...rest } = card;
                  onChange(keywords.length ? { ...rest, keywords } : rest, 'keywords');
                }}
              />
              {k.name}
            </label>
          ))}
        </fieldset>
        {field(
          'speed',
          'Speed',
          <select
            {...aria('speed')}
            value={card.speed ?? 'normal'}
            onChange={(e) => set({ speed: e.target.value as 'normal' | 'instant' }, 'speed')}
          >
            <option value="normal">normal (own main phase)</option>
            <option value="instant">instant (also in response)</option>
          </select>,
        )}
        {field(
          'abilities',
          'Abilities (JSON: triggered, activated or static abilities with effects, or a Lua ability)',
          <JsonField
            aria={aria('abilities', true)}
            value={card.abilities ?? []}
            onChange={(next) => {
              const { abilities: _a, ...rest } = card;
              const abilities = Array.isArray(next) ? (next as Record<string, unknown>[]) : [];
              onChange(abilities.length ? { ...rest, abilities } : rest, 'abilities');
            }}
            onSeal={draft.seal}
          />,
          true,
        )}
        {kind === 'spell' ? (
          <p className="studio-help">
            A spell does what its one ability of kind &quot;spell&quot; says when it is played. A
            new spell draws a card: change its effects in Abilities (damage, heal, draw, summon,
            ...), or make it Lua with Add a Lua ability.
          </p>
        ) : null}
        {(card.abilities ?? []).map((ability, i) =>
          ability.lua === undefined
            ? null
            : field(
                `abilities[${i}].text`,
                `Rules text of the Lua ability ${String(ability.id)} (say what your script does)`,
                <textarea
                  {...aria(`abilities[${i}].text`)}
                  rows={2}
                  value={typeof ability.text === 'string' ? ability.text : ''}
                  onChange={(e) => {
                    const abilities = (card.abilities ?? []).map((a, j) =>
                      j === i ? { ...a, text: e.target.value } : a,
                    );
                    set({ abilities }, `abilities[${i}].text`);
                  }}
                  onBlur={draft.seal}
                />,
              ),
        )}
        <button type="button" onClick={addLua}>
          Add a Lua ability
        </button>
        <fieldset className="studio-field">
          <legend>Art</legend>
          {field(
            'art.palette',
            'Palette (of the face generated when the card has no image)',
            <select
              {...aria('art.palette')}
              value={card.art?.palette ?? ''}
              onChange={(e) =>
                set(
                  { art: e.target.value ? { ...card.art, palette: e.target.value } : undefined },
                  'palette',
                )
              }
            >
              <option value="">automatic (from the card's id)</option>
              {PALETTES.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>,
          )}
          {cropping ? (
            <ArtCropper onDone={(png) => void upload(png)} onCancel={() => setCropping(false)} />
          ) : (
            <div className="studio-actions">
              <button type="button" onClick={() => setCropping(true)}>
                {image ? 'Replace the image' : 'Upload an image'}
              </button>
              {artPath ? (
                <button type="button" onClick={() => draft.change(removeFile(files, artPath))}>
                  Remove the image
                </button>
              ) : null}
            </div>
          )}
          <StudioError error={uploadError} />
        </fieldset>
      </form>
      <aside className="studio-preview" aria-label="Preview">
        <h3>As it looks at the table</h3>
        <div className="studio-preview-card" data-testid="card-preview">
          <CardFaceView face={face} image={image} />
        </div>
        <h3>Rules text</h3>
        <p className="studio-rules-text" data-testid="rules-text">
          {face.text ||
            (face.keywords.length ? (
              <em>No rules text beyond its keywords.</em>
            ) : (
              <em>No rules text: the card has no keywords or abilities.</em>
            ))}
        </p>
        {at('', true).length ||
        inFile(diagnostics, CARDS).some((d) => d.path?.startsWith(`cards[${index}]`)) ? (
          <ul className="studio-field-errors">
            {inFile(diagnostics, CARDS)
              .filter((d) => d.path?.startsWith(`cards[${index}]`))
              .map((d, i) => (
                <li key={i}>{`${placeOf(d)}: ${d.message}`}</li>
              ))}
          </ul>
        ) : null}
      </aside>
    </div>
  );
}

/** A face from the card's JSON alone, while the draft does not load (its text as written). */
function roughFace(card: CardJson, kind: string | undefined): CardFace {
  return {
    id: card.id,
    name: card.name,
    type: card.type,
    kind: kind === 'spell' || kind === 'energy' ? kind : 'unit',
    cost: card.cost,
    stats: card.stats ?? null,
    keywords: card.keywords ?? [],
    speed: card.speed ?? 'normal',
    token: false,
    text: card.text ?? '',
    art: card.art as CardFace['art'],
  };
}
