import { useEffect, useState } from 'react';
import type { MatchMetadata } from '@cardtable/sdk';
import { client } from '../net/session.ts';

export interface GameContent {
  /** The game's own name: the published game's, or the built-in game's from the game list. */
  name: string | null;
  /** Image URLs of the cards that have one, by card id. */
  art: Readonly<Record<string, string>>;
}

const NO_ART: Readonly<Record<string, string>> = {};

/**
 * What the table shows of the game a match plays, beyond the view: its name and card art.
 * `welcomed` says this page's socket is in the match: a playtest's art is for the people in it,
 * so a spectator asks for it only once they are watching.
 */
export function useGameContent(meta: MatchMetadata | null, welcomed: boolean): GameContent {
  const matchId = meta?.matchId ?? '';
  const [found, setFound] = useState<GameContent>({ name: null, art: NO_ART });
  const game = meta?.game ?? null;
  const slug = meta?.content?.slug ?? null;
  const version = meta?.content?.version ?? null;
  const name = meta?.content?.name ?? null;
  useEffect(() => {
    if (game === null) return;
    let stale = false;
    void (async () => {
      if (slug !== null && version !== null) {
        const published = await client.api.getVersion(slug, version);
        if (!stale) setFound({ name, art: published.ok ? published.value.content.art : NO_ART });
      } else if (slug !== null) {
        // A playtest: its draft is its creator's, so the art comes with the match.
        if (!welcomed) return;
        const playtest = await client.api.matchArt(matchId);
        if (!stale) setFound({ name, art: playtest.ok ? playtest.value.art : NO_ART });
      } else {
        const games = await client.api.listGames();
        const builtIn = games.ok ? games.value.games.find((g) => g.slug === game) : undefined;
        if (!stale) setFound({ name: builtIn?.name ?? null, art: NO_ART });
      }
    })();
    return () => {
      stale = true;
    };
  }, [matchId, game, slug, version, name, welcomed]);
  return found;
}
