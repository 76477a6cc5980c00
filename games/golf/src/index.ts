export * from './types.ts';
export * from './options.ts';
export * from './shoe.ts';
export * from './values.ts';
export * from './scoring.ts';
