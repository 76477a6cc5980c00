#!/usr/bin/env node
// The workspace runs TypeScript source directly (no build step): register tsx, then run the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
