/**
 * `npm run bench`: runs every benchmark file of the workspace (each exports `run()` and prints
 * its own numbers). Pass names to run a subset: `npm run bench -- golf sandbox`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const only = process.argv.slice(2);

function benchFiles(): string[] {
  const files: string[] = [];
  for (const group of ['packages', 'games']) {
    for (const pkg of readdirSync(join(root, group))) {
      const dir = join(root, group, pkg, 'bench');
      if (!existsSync(dir)) continue;
      files.push(
        ...readdirSync(dir)
          .filter((n) => n.endsWith('.bench.ts'))
          .map((n) => join(dir, n)),
      );
    }
  }
  return files.filter((file) => only.length === 0 || only.some((name) => file.includes(name)));
}

for (const file of benchFiles()) {
  console.log(`\n=== ${relative(root, file)}`);
  const module = (await import(pathToFileURL(file).href)) as { run?: () => Promise<void> };
  if (typeof module.run !== 'function') throw new Error(`${file} does not export run()`);
  await module.run();
}
