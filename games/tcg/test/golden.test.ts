import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { demoScripts } from './lua-host.ts';
import { runScenario, type Scenario } from './scenario.ts';

const dir = join(import.meta.dirname, 'golden');

for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const scenarios = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Scenario[];
  describe(`golden ${file}`, () => {
    for (const scenario of scenarios)
      it(scenario.name, async () => runScenario(scenario, await demoScripts()));
  });
}
