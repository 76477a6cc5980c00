export * from './result.ts';
export * from './canonical-json.ts';
export * from './hash.ts';
export * from './rng.ts';
export * from './diff.ts';
export * from './game.ts';
export * from './match.ts';
export * from './projection.ts';
export * from './replay.ts';
export * from './scan.ts';
export * from './replay-log.ts';

/** The kernel's version, recorded in every match and replay. */
export const ENGINE_VERSION = '1.0.0';
