// TEMPORARY until the host branch's TypeBox schemas land: the shapes of CONTENT-API.md.
export interface GameSummary {
  slug: string;
  name: string;
  description: string;
  kind: 'golf' | 'tcg';
  builtIn: boolean;
  creator: { id: string; name: string } | null;
  latestVersion: number | null;
  playCount: number;
  decks: { id: string; name: string }[];
}
export interface VersionSummary {
  version: number;
  contentHash: string;
  publishedAt: string;
  deprecated: boolean;
  banlist: string[];
}
export interface GameListResponse {
  games: GameSummary[];
}
export interface GameDetailsResponse {
  game: GameSummary;
  versions: VersionSummary[];
}
