export { startServer, type RunningServer } from './app.ts';
export { loadConfig, type ServerConfig, type ConfigResult } from './config.ts';
export { gameRegistry, type GameRegistry, type HostedGame } from './games.ts';
export { EventStore, VersionConflict } from './store/event-store.ts';
export type { MatchRecord, SeatRecord, StoredEvent, StoredAction } from './store/event-store.ts';
export { openDatabase, type Database } from './store/database.ts';
export { migrate } from './store/migrate.ts';
export { defaultGames } from './default-games.ts';
export { runServer } from './run.ts';
export { ContentLibrary } from './content/library.ts';
export {
  checkPackage,
  contentHashOf,
  toStored,
  CONTENT_LIMITS,
  type PackageFiles,
  type StoredFiles,
} from './content/package.ts';
export { validatePackage, type PackageReport } from './content/validate.ts';
export {
  gameForEmbeddedContent,
  type ExportedReplay,
  type ContentGameResult,
} from './content/replay-content.ts';
export { readContentFolder, packageBody } from './content/folder.ts';
