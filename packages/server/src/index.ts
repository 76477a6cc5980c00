export { startServer, type RunningServer } from './app.ts';
export { loadConfig, type ServerConfig, type ConfigResult } from './config.ts';
export { gameRegistry, type GameRegistry, type HostedGame } from './games.ts';
export { EventStore, VersionConflict } from './store/event-store.ts';
export type { MatchRecord, SeatRecord, StoredEvent, StoredAction } from './store/event-store.ts';
export { openDatabase, type Database } from './store/database.ts';
export { migrate } from './store/migrate.ts';
export { defaultGames } from './default-games.ts';
export { runServer } from './run.ts';
