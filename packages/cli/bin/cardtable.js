#!/usr/bin/env node
// The CLI runs its TypeScript source directly: register tsx, then run it. (`npm start` runs the
// server from a bundle instead, without tsx: packages/cli/src/bundle/server-bundle.ts.)
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
