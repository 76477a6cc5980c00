import { useState } from 'react';
import type { VersionSummary } from '@cardtable/sdk';
import { counted } from '../ui/counted.ts';
import { withApi } from './studio-api.ts';
import { bannableCards, decksHit } from './version-list.ts';
import type { VersionContent } from './useVersionContent.ts';
import { StudioError } from './StudioError.tsx';

/** Shown with a filter box once a version has more cards than fit at a glance. */
const FILTER_FROM = 12;

/**
 * Picks the cards a version's new matches refuse in a deck, from that version's own cards, and
 * says before saving which of its decks (a CPU's default deck among them) that makes unplayable.
 */
export function BanlistEditor({
  slug,
  version,
  content,
  onSaved,
}: {
  slug: string;
  version: VersionSummary;
  /** The version's cards and decks, null while they load. */
  content: VersionContent | null;
  onSaved: (v: VersionSummary) => void;
}) {
  const [banned, setBanned] = useState(() => new Set(version.banlist));
  const [filter, setFilter] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const n = version.version;

  const toggle = (id: string, on: boolean) =>
    setBanned((set) => {
      const next = new Set(set);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const save = async () => {
    setBusy(true);
    const result = await withApi((api) => api.setBanlist(slug, n, { cards: [...banned] }));
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    onSaved(result.value.version);
  };

  if (!content) return <p>Loading the cards of version {n}…</p>;
  const cards = bannableCards(content.cards);
  const shown = cards.filter((card) => card.name.toLowerCase().includes(filter.toLowerCase()));
  const hit = decksHit(content.decks, content.cards, banned);
  return (
    <fieldset className="studio-banlist" data-testid={`banlist-${n}`}>
      <legend>Cards banned in new matches of version {n}</legend>
      {cards.length >= FILTER_FROM ? (
        <label>
          Find a card <input value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
      ) : null}
      <ul className="studio-banlist-cards">
        {shown.map((card) => (
          <li key={card.id}>
            <label className="choice">
              <input
                type="checkbox"
                checked={banned.has(card.id)}
                onChange={(e) => toggle(card.id, e.target.checked)}
              />
              {card.name}
            </label>
          </li>
        ))}
      </ul>
      {hit.length > 0 ? (
        <p className="studio-warn" data-testid="banlist-decks">
          New matches will refuse these decks of version {n}:{' '}
          {hit.map((h) => `${h.deck} (${h.cards.join(', ')})`).join('; ')}.
        </p>
      ) : null}
      <StudioError error={error} />
      <div className="studio-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
          {busy ? 'Saving…' : `Save the banlist (${counted(banned.size, 'card')})`}
        </button>
      </div>
    </fieldset>
  );
}
