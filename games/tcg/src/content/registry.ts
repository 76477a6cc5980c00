import { contentKey, type Content } from './content.ts';

/** The rulesets a game can be played with, by id and version (newest version by id alone). */
export class ContentRegistry {
  private readonly byKey = new Map<string, Content>();
  private readonly latest = new Map<string, Content>();

  constructor(contents: readonly Content[] = []) {
    for (const content of contents) this.add(content);
  }

  add(content: Content): void {
    const { id, version } = content.ruleset;
    this.byKey.set(contentKey(id, version), content);
    const newest = this.latest.get(id);
    if (!newest || compareVersions(version, newest.ruleset.version) > 0)
      this.latest.set(id, content);
  }

  find(id: string, version?: string): Content | null {
    return (
      (version === undefined ? this.latest.get(id) : this.byKey.get(contentKey(id, version))) ??
      null
    );
  }

  list(): Content[] {
    return [...this.byKey.values()];
  }
}

/** Orders versions like 1.2.10 by their numbers: negative when `a` is the older. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
