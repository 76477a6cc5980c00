import { useMemo, useState, type DragEvent, type KeyboardEvent } from 'react';
import { BarChart } from './BarChart.tsx';
import { addCopies, copiesOf, costCurve, deckSize, freeDeckId } from './deck-math.ts';
import { atPath, inFile } from './diagnostics.ts';
import {
  cardsOf,
  DECKS,
  decksOf,
  readDocument,
  RULESET,
  withDecks,
  type DeckJson,
} from './draft-files.ts';
import type { DraftSession } from './useDraft.ts';

const DRAG_TYPE = 'application/x-cardtable-card';

/** Decks: the card pool on one side, a deck on the other (drag, or the keyboard), live legality. */
export function DeckBuilder({ draft }: { draft: DraftSession }) {
  const files = draft.files!;
  const decks = decksOf(files);
  const cards = cardsOf(files);
  const ruleset = readDocument<{ deck?: { minSize: number; maxSize: number; copyLimit: number } }>(
    files,
    RULESET,
  );
  const [chosen, setChosen] = useState(decks[0]?.id ?? null);
  const [search, setSearch] = useState('');
  const index = decks.findIndex((d) => d.id === chosen);
  const deck = index >= 0 ? decks[index]! : null;
  const diagnostics = draft.report?.errors ?? [];
  const byId = new Map(cards.map((c) => [c.id, c]));
  const pool = cards.filter((c) =>
    `${c.name} ${c.id}`.toLowerCase().includes(search.toLowerCase()),
  );
  const curve = useMemo(() => (deck ? costCurve(deck, cards) : null), [deck, cards]);

  const updateDeck = (change: (deck: DeckJson) => DeckJson, key: string | null = null) =>
    deck &&
    draft.change(
      (current) =>
        withDecks(
          current,
          decksOf(current).map((d) => (d.id === deck.id ? change(d) : d)),
        ),
      key,
    );
  const add = (card: string, delta: number) => updateDeck((d) => addCopies(d, card, delta));
  const newDeck = () => {
    const id = freeDeckId(decks);
    draft.change(withDecks(files, [...decks, { id, name: `Deck ${id}`, cards: [] }]));
    setChosen(id);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    const card = event.dataTransfer.getData(DRAG_TYPE);
    if (card) add(card, 1);
  };
  const poolKeys = (event: KeyboardEvent, card: string) => {
    if (event.key === '+' || event.key === '=') {
      event.preventDefault();
      add(card, 1);
    } else if (event.key === '-') {
      event.preventDefault();
      add(card, -1);
    }
  };
  const deckErrors = deck ? atPath(diagnostics, DECKS, `decks[${index}]`, true) : [];

  return (
    <section className="studio-panel" aria-labelledby="decks-title">
      <div className="studio-panel-head">
        <h2 id="decks-title">Decks</h2>
        <div className="studio-actions">
          <button type="button" className="primary" onClick={newDeck}>
            New deck
          </button>
          {deck ? (
            <button
              type="button"
              onClick={() => {
                draft.change(
                  withDecks(
                    files,
                    decks.filter((d) => d.id !== deck.id),
                  ),
                );
                setChosen(decks.find((d) => d.id !== deck.id)?.id ?? null);
              }}
            >
              Delete deck
            </button>
          ) : null}
        </div>
      </div>
      <p className="studio-help">
        Ready-made decks players pick at the table
        {ruleset?.deck
          ? `: ${ruleset.deck.minSize === ruleset.deck.maxSize ? ruleset.deck.minSize : `${ruleset.deck.minSize} to ${ruleset.deck.maxSize}`} cards, at most ${ruleset.deck.copyLimit} copies of a card`
          : ''}
        . Drag a card from the pool to the deck, or focus it and press Add (or + and −).
      </p>
      <ul aria-label="Decks" className="studio-tabs studio-deck-tabs">
        {decks.map((d, i) => {
          const bad = atPath(diagnostics, DECKS, `decks[${i}]`, true).length > 0;
          return (
            <li key={d.id}>
              <button
                type="button"
                aria-current={d.id === chosen || undefined}
                onClick={() => setChosen(d.id)}
              >
                {d.name} ({deckSize(d)}){bad ? ' ●' : ''}
              </button>
            </li>
          );
        })}
      </ul>
      {inFile(diagnostics, DECKS)
        .filter((d) => !d.path?.startsWith('decks['))
        .map((d, i) => (
          <p key={i} className="studio-error">
            {d.message}
          </p>
        ))}
      {deck ? (
        <div className="studio-split studio-decks">
          <div className="studio-card-list">
            <label>
              Search the pool
              <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
            </label>
            <ul aria-label="Card pool" className="studio-pool">
              {pool.map((card) => (
                <li
                  key={card.id}
                  draggable
                  onDragStart={(e) => e.dataTransfer.setData(DRAG_TYPE, card.id)}
                  onKeyDown={(e) => poolKeys(e, card.id)}
                  data-card={card.id}
                >
                  <span className="studio-cost">{card.cost}</span> {card.name}{' '}
                  <span className="studio-help">×{copiesOf(deck, card.id)}</span>
                  <button
                    type="button"
                    className="studio-small"
                    onClick={() => add(card.id, 1)}
                    aria-label={`Add ${card.name} to ${deck.name}`}
                  >
                    Add
                  </button>
                </li>
              ))}
            </ul>
          </div>
          <div
            className="studio-deck-drop"
            onDragOver={(e) => e.preventDefault()}
            onDrop={onDrop}
            aria-label={`Deck ${deck.name}`}
            role="region"
            data-testid="deck-drop"
          >
            <label>
              Deck name
              <input
                value={deck.name}
                onChange={(e) => {
                  const name = e.target.value;
                  updateDeck((d) => ({ ...d, name }), `deck:${deck.id}:name`);
                }}
                onBlur={draft.seal}
              />
            </label>
            <p>
              <strong data-testid="deck-size">{deckSize(deck)} cards</strong> · id{' '}
              <code>{deck.id}</code>
            </p>
            <ul aria-label={`Cards in ${deck.name}`} className="studio-deck-list">
              {deck.cards.map(({ card, count }) => (
                <li key={card}>
                  <span className="studio-cost">{byId.get(card)?.cost ?? '?'}</span>{' '}
                  {byId.get(card)?.name ?? card}
                  <span className="studio-count" aria-label={`${count} copies`}>
                    ×{count}
                  </span>
                  <button
                    type="button"
                    className="studio-small"
                    onClick={() => add(card, 1)}
                    aria-label={`One more ${byId.get(card)?.name ?? card}`}
                  >
                    +
                  </button>
                  <button
                    type="button"
                    className="studio-small"
                    onClick={() => add(card, -1)}
                    aria-label={`One fewer ${byId.get(card)?.name ?? card}`}
                  >
                    −
                  </button>
                </li>
              ))}
            </ul>
            <div aria-live="polite" data-testid="deck-legality">
              {deckErrors.length ? (
                <ul className="studio-field-errors">
                  {deckErrors.map((d, i) => (
                    <li key={i}>{d.message}</li>
                  ))}
                </ul>
              ) : draft.report ? (
                <p className="studio-ok">Legal under the ruleset.</p>
              ) : null}
            </div>
            {curve ? (
              <BarChart
                title={`Cost curve of ${deck.name}`}
                categories={curve.costs}
                series={[{ label: 'Cards', values: curve.counts, color: '--chart-gold' }]}
                yLabel="cards"
                height={160}
              />
            ) : null}
          </div>
        </div>
      ) : (
        <p>No decks yet.</p>
      )}
    </section>
  );
}
