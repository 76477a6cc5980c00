/**
 * `npm run bench`: runs every benchmark file of the workspace (each exports `run()` and prints
 * its own numbers). Pass names to run a subset: `npm run bench -- golf sandbox`. A bench's name is
 * its file name without `.bench.ts` (`games/tcg/bench/cpu-levels.bench.ts`: `cpu-levels`), matched
 * exactly, never against the path (a checkout under a folder named `tcg` would run them all).
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
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
  return files;
}

const benchName = (file: string): string => basename(file, '.bench.ts');

const all = benchFiles();
const unknown = only.filter((name) => !all.some((file) => benchName(file) === name));
if (unknown.length)
  throw new Error(
    `no bench named ${unknown.join(', ')} (there are: ${all.map(benchName).join(', ')})`,
  );
const chosen = all.filter((file) => only.length === 0 || only.includes(benchName(file)));

for (const file of chosen) {
  console.log(`\n=== ${relative(root, file)}`);
  const module = (await import(pathToFileURL(file).href)) as { run?: () => Promise<void> };
  if (typeof module.run !== 'function') throw new Error(`${file} does not export run()`);
  await module.run();
}
