import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * No file imports a file that imports it back, directly or around a loop: a cycle means
 * neither file can be read, tested or moved without the other. Type-only imports count (they
 * couple the files as much), and so do imports between workspace packages (`@cardtable/x`
 * resolved through its `exports`) and dynamic `import()`.
 */

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE = /\.(ts|tsx)$/;
const SKIP = new Set(['node_modules', 'dist', 'coverage']);

type Graph = ReadonlyMap<string, readonly string[]>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : sourceFiles(path);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `@cardtable/x[/sub]` to the file its package.json `exports` names. */
function workspaceExports(): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of ['packages', 'games'])
    for (const dir of readdirSync(join(ROOT, group))) {
      const manifest = join(ROOT, group, dir, 'package.json');
      if (!existsSync(manifest)) continue;
      const { name, exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
        name: string;
        exports?: Record<string, string>;
      };
      for (const [sub, target] of Object.entries(exports ?? {}))
        map.set(sub === '.' ? name : `${name}/${sub.slice(2)}`, join(ROOT, group, dir, target));
    }
  return map;
}

function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      found.push(node.moduleSpecifier.text);
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      found.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function resolveSpecifier(
  from: string,
  specifier: string,
  exports: Map<string, string>,
): string | null {
  if (!specifier.startsWith('.')) return exports.get(specifier) ?? null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

function importGraph(): Graph {
  const exports = workspaceExports();
  const files = ['packages', 'games', 'bench', 'test'].flatMap((dir) =>
    existsSync(join(ROOT, dir)) ? sourceFiles(join(ROOT, dir)) : [],
  );
  return new Map(
    files.map((file) => [
      file,
      specifiers(file)
        .map((specifier) => resolveSpecifier(file, specifier, exports))
        .filter((target): target is string => target !== null),
    ]),
  );
}

/** The strongly connected components with more than one file (or a file importing itself). */
function importCycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        connect(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)!.includes(file)) cycles.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) connect(file);
  return cycles;
}

describe('import cycles', () => {
  let graph: Graph;
  beforeAll(() => {
    graph = importGraph();
  });

  it('finds a loop of files, and only the files on it', () => {
    const loop = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(importCycles(loop)).toEqual([['a', 'b', 'c'], ['e']]);
  });

  it('reads the repository: imports, re-exports, import() and workspace packages', () => {
    const at = (path: string) => graph.get(join(ROOT, path)) ?? [];
    expect(at('packages/cli/src/commands/simulate.ts')).toContain(
      join(ROOT, 'packages/cli/src/commands/simulate-tcg.ts'),
    );
    expect(at('games/tcg/src/index.ts')).toContain(join(ROOT, 'games/tcg/src/engine/game.ts'));
    expect(at('packages/cli/src/commands/simulate-tcg.ts')).toContain(
      join(ROOT, 'games/tcg/content/demo/index.ts'),
    );
  });

  it('there are none between the files of packages/*, games/*, bench and test', () => {
    const cycles = importCycles(graph).map((files) =>
      files.map((file) => relative(ROOT, file)).join(', '),
    );
    expect(cycles).toEqual([]);
  });

  it("the tcg engine and content words themselves: no file of theirs imports the table's ui/", () => {
    const ui = join(ROOT, 'games/tcg/src/ui');
    const core = ['engine', 'content'].map((dir) => join(ROOT, 'games/tcg/src', dir));
    const importers = [...graph]
      .filter(
        ([file, targets]) =>
          core.some((dir) => file.startsWith(dir)) && targets.some((t) => t.startsWith(ui)),
      )
      .map(([file]) => relative(ROOT, file));
    expect(importers).toEqual([]);
  });
});
