import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../src/store/group-commit.ts';

interface Write {
  matchId: string;
  version: number;
}

/** A writer whose commits end when the test says so, recording what each one carried. */
function heldWriter() {
  const commits: { writes: Write[]; end: () => void }[] = [];
  const writeAll = (writes: readonly Write[]) =>
    new Promise<void>((end) => commits.push({ writes: [...writes], end }));
  return { commits, writeAll };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const labels = (writes: readonly Write[]) => writes.map((w) => `${w.matchId}@${w.version}`);

describe('GroupCommit', () => {
  it('batches what one turn appends, and starts another batch only when a commit may start', async () => {
    const { commits, writeAll } = heldWriter();
    const group = new GroupCommit(writeAll, 2);
    const first = [
      group.append({ matchId: 'a', version: 1 }),
      group.append({ matchId: 'b', version: 1 }),
    ];
    await turn();
    expect(commits.map((c) => labels(c.writes))).toEqual([['a@1', 'b@1']]);

    // A second commit may start while the first is under way...
    const second = group.append({ matchId: 'c', version: 1 });
    await turn();
    expect(commits.map((c) => labels(c.writes))).toEqual([['a@1', 'b@1'], ['c@1']]);

    // ...but not a third: these wait, and go together once one of the two ends.
    const third = [
      group.append({ matchId: 'd', version: 1 }),
      group.append({ matchId: 'e', version: 1 }),
    ];
    await turn();
    expect(commits).toHaveLength(2);
    commits[1]!.end();
    await expect(second).resolves.toBeNull();
    await turn();
    expect(labels(commits[2]!.writes)).toEqual(['d@1', 'e@1']);

    commits[0]!.end();
    commits[2]!.end();
    expect(await Promise.all([...first, ...third])).toEqual([null, null, null, null]);
    expect(group.commits).toBe(3);
    expect(group.appended).toBe(5);
  });

  it("never commits a match's next write while its earlier one is in flight", async () => {
    const { commits, writeAll } = heldWriter();
    const group = new GroupCommit(writeAll, 3);
    const earlier = group.append({ matchId: 'a', version: 1 });
    await turn();
    const later = group.append({ matchId: 'a', version: 2 });
    const other = group.append({ matchId: 'b', version: 1 });
    await turn();
    // A free slot, but `a` is committing: only `b` goes.
    expect(commits.map((c) => labels(c.writes))).toEqual([['a@1'], ['b@1']]);
    commits[0]!.end();
    await expect(earlier).resolves.toBeNull();
    await turn();
    expect(labels(commits[2]!.writes)).toEqual(['a@2']);
    commits[1]!.end();
    commits[2]!.end();
    expect(await Promise.all([later, other])).toEqual([null, null]);
  });

  it('with one commit at a time, what arrives meanwhile waits for it and goes in the next', async () => {
    const { commits, writeAll } = heldWriter();
    const group = new GroupCommit(writeAll, 1);
    const first = group.append({ matchId: 'a', version: 1 });
    await turn();
    const rest = [
      group.append({ matchId: 'b', version: 1 }),
      group.append({ matchId: 'c', version: 1 }),
    ];
    await turn();
    expect(commits).toHaveLength(1);
    commits[0]!.end();
    await first;
    await turn();
    expect(labels(commits[1]!.writes)).toEqual(['b@1', 'c@1']);
    commits[1]!.end();
    expect(await Promise.all(rest)).toEqual([null, null]);
  });
});
