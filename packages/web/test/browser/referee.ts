import { CardtableApi, type MatchMetadata } from '@cardtable/sdk';

/** A separate guest that asks the server what happened, to compare with the screen. */
export async function referee(baseUrl: string): Promise<CardtableApi> {
  const api = new CardtableApi({ baseUrl });
  const signedIn = await api.guest('Referee');
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  return api;
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
