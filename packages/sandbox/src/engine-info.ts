import wasmoonPackage from 'wasmoon/package.json' with { type: 'json' };
import { PRELUDE_SOURCE } from './prelude.ts';

/**
 * Bumped whenever a host-side rule that changes instruction counts or outcomes changes (what a
 * native charges, how a cap is measured). The prelude's hash covers the Lua side.
 */
export const SANDBOX_RULES_VERSION = 1;

export interface EngineInfo {
  lua: string;
  wasmoon: string;
  rules: number;
  preludeHash: string;
  /** One string to record with every match: instruction counts are only comparable under it. */
  id: string;
}

/** FNV-1a, 64-bit, over UTF-8: small, stable on every host, enough to tell preludes apart. */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

const preludeHash = fnv1a64(PRELUDE_SOURCE);

export const ENGINE_INFO: Readonly<EngineInfo> = Object.freeze({
  lua: 'Lua 5.4',
  wasmoon: wasmoonPackage.version,
  rules: SANDBOX_RULES_VERSION,
  preludeHash,
  id: `lua5.4+wasmoon${wasmoonPackage.version}+rules${SANDBOX_RULES_VERSION}+prelude.${preludeHash}`,
});
