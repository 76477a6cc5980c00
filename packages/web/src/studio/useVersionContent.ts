import { useEffect, useState } from 'react';
import { withApi } from './studio-api.ts';
import type { VersionCard, VersionDeck } from './version-list.ts';

/** What a published version's banlist is about: its cards and decks. */
export interface VersionContent {
  cards: VersionCard[];
  decks: VersionDeck[];
}

/**
 * A published version's cards and decks, fetched once `wanted` (a version's content can be
 * large: a row asks for it only when it has banned cards to name or its banlist is open).
 */
export function useVersionContent(slug: string, version: number, wanted: boolean) {
  const [content, setContent] = useState<VersionContent | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!wanted || content) return;
    let current = true;
    void withApi((api) => api.getVersion(slug, version)).then((result) => {
      if (!current) return;
      if (!result.ok) return setError(result.error.message);
      setContent({
        cards: result.value.content.cards as VersionCard[],
        decks: result.value.content.decks as VersionDeck[],
      });
    });
    return () => {
      current = false;
    };
  }, [slug, version, wanted, content]);
  return { content, error };
}
