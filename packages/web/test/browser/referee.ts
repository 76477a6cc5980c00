import { CardtableApi, type AuthResponse, type MatchMetadata } from '@cardtable/sdk';
import type { Page } from 'playwright-core';

/**
 * A client apart from the page that asks the server what happened, to compare with the screen.
 * It speaks as the player at `page` (the session the page keeps): once over, a match is its
 * players' to see, not any passer-by's.
 */
export async function referee(baseUrl: string, page: Page): Promise<CardtableApi> {
  const session = await page.evaluate(
    () => JSON.parse(localStorage.getItem('cardtable.session') ?? 'null') as AuthResponse | null,
  );
  if (!session) throw new Error('The page holds no session to ask the server with.');
  return new CardtableApi({ baseUrl, accessToken: session.accessToken });
}

export async function matchOf(api: CardtableApi, matchId: string): Promise<MatchMetadata> {
  const meta = await api.getMatch(matchId);
  if (!meta.ok) throw new Error(meta.error.message);
  return meta.value;
}

export const matchIdOf = (url: string) => new URL(url).pathname.split('/').pop() as string;

/** Standings in a stable order, for comparing two lists. */
export const bySeat = <T extends { seat: number }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => a.seat - b.seat);
