/**
 * The SDK runs in browsers: bundled for the browser from its entry point, it must pull in no Node
 * built-in, not the `ws` fallback, and not the run-time schemas (types only from the main entry).
 * esbuild is the bundler tsx already brings.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('the browser bundle', () => {
  it('holds no Node built-ins, no ws and no TypeBox', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.endsWith('sdk/src/connection.ts'))).toBe(true);
    // Browser-safe packages may come along (the engine's @noble/hashes); these may not.
    const forbidden = /^node:|node_modules\/(ws|@sinclair\/typebox)\//;
    expect(inputs.filter((input) => forbidden.test(input))).toEqual([]);
    expect(inputs.filter((input) => /node_modules/.test(input))).toEqual(
      inputs.filter((input) => /node_modules\/@noble\/hashes\//.test(input)),
    );
  });
});
