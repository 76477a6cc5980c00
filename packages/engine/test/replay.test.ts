import { describe, expect, it } from 'vitest';
import { foldEvents, verifyReplay, type ReplayFile } from '../src/index.ts';
import { highCard } from './fixtures/high-card.ts';
import { config, playHighCard } from './helpers.ts';

const edited = (replay: ReplayFile, edit: (copy: ReplayFile) => void): ReplayFile => {
  const copy = structuredClone(replay);
  edit(copy);
  return copy;
};

describe('foldEvents', () => {
  it('rebuilds the live state from the log', () => {
    const { match, replay } = playHighCard();
    expect(foldEvents(highCard, config(), replay.events)).toEqual(match.state);
  });
});

describe('verifyReplay', () => {
  const { replay } = playHighCard('verify-me');

  it('accepts a faithful log', () => {
    expect(verifyReplay(highCard, replay)).toMatchObject({ ok: true, versions: 7, events: 13 });
  });

  it('names the first event that differs, by version and step', () => {
    const tampered = edited(replay, (r) => {
      const reveal = r.events.find((e) => e.type === 'revealed')!;
      (reveal.data as { card: number }).card = 99;
    });
    const report = verifyReplay(highCard, tampered);
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.divergence).toMatchObject({ kind: 'event-mismatch', version: 5, step: 1 });
    expect(report.message).toContain('Version 5, step 1');
    expect(report.message).not.toContain('rules version');
  });

  it('says when a divergent match was recorded under other rules, and not when it passes', () => {
    const older = edited(replay, (r) => {
      r.match.rulesetVersion = '0.9.0';
    });
    expect(verifyReplay(highCard, older).ok).toBe(true);
    const report = verifyReplay(
      highCard,
      edited(older, (r) => {
        const reveal = r.events.find((e) => e.type === 'revealed')!;
        (reveal.data as { card: number }).card = 99;
      }),
    );
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.message).toContain('Version 5, step 1');
    expect(report.message).toContain(
      `recorded under rules version 0.9.0 and re-executed under ${highCard.version}`,
    );
  });

  it('finds a log recorded under another seed at version 1', () => {
    const report = verifyReplay(
      highCard,
      edited(replay, (r) => (r.match.seed = 'other')),
    );
    expect(report).toMatchObject({ ok: false, divergence: { kind: 'event-mismatch', version: 1 } });
  });

  it('reports a missing action, a missing event and an extra event', () => {
    expect(
      verifyReplay(
        highCard,
        edited(replay, (r) => r.actions.splice(2, 1)),
      ),
    ).toMatchObject({
      ok: false,
      divergence: { kind: 'missing-action', version: 4 },
    });
    expect(
      verifyReplay(
        highCard,
        edited(replay, (r) => r.events.splice(2, 1)),
      ),
    ).toMatchObject({
      ok: false,
      divergence: { kind: 'extra-event', version: 2, step: 2 },
    });
    const extra = edited(replay, (r) =>
      r.events.splice(2, 0, { ...r.events[2]!, step: 2, type: 'turnPassed', data: { to: 1 } }),
    );
    expect(verifyReplay(highCard, extra)).toMatchObject({
      ok: false,
      divergence: { kind: 'missing-event' },
    });
  });

  it('reports an action that the rules reject', () => {
    const report = verifyReplay(
      highCard,
      edited(replay, (r) => (r.actions[0]!.seat = 2)),
    );
    expect(report).toMatchObject({
      ok: false,
      divergence: { kind: 'action-rejected', code: 'NOT_YOUR_TURN' },
    });
  });

  it('checks the recorded final state hash', () => {
    const report = verifyReplay(
      highCard,
      edited(replay, (r) => (r.match.finalStateHash = '0'.repeat(32))),
    );
    expect(report).toMatchObject({ ok: false, divergence: { kind: 'state-hash' } });
  });

  it('checks the claimed status and result against the re-executed end', () => {
    const swapped = edited(replay, (r) => {
      const [first, second] = r.match.result!.standings;
      r.match.result!.standings = [
        { ...first!, seat: second!.seat },
        { ...second!, seat: first!.seat },
        ...r.match.result!.standings.slice(2),
      ];
      r.match.result!.winners = [second!.seat];
    });
    const report = verifyReplay(highCard, swapped);
    expect(report).toMatchObject({ ok: false, divergence: { kind: 'outcome' } });
    if (!report.ok) expect(report.message).toContain('re-executed it is over');
    expect(
      verifyReplay(
        highCard,
        edited(replay, (r) => (r.match.status = 'active')),
      ),
    ).toMatchObject({ ok: false, divergence: { kind: 'outcome' } });
  });

  it('accepts an ending outside the rules (a surrender) only where the rules had not ended it', () => {
    const surrender = { winners: [1], tie: false, standings: [], reason: 'surrender' };
    expect(
      verifyReplay(
        highCard,
        edited(replay, (r) => (r.match.result = surrender)),
      ),
    ).toMatchObject({ ok: false, divergence: { kind: 'outcome' } });
    expect(verifyReplay(highCard, replay)).toMatchObject({ ok: true, ending: 'rules' });
  });

  it('refuses a truncated log, even with a final hash made for it', () => {
    const last = Math.max(...replay.events.map((e) => e.version));
    const truncate = (r: ReplayFile) => {
      r.events = r.events.filter((e) => e.version < last);
      r.actions = r.actions.filter((a) => a.version < last);
    };
    expect(verifyReplay(highCard, edited(replay, truncate))).toMatchObject({
      ok: false,
      divergence: { kind: 'state-hash' },
    });
    const rehashed = edited(replay, truncate);
    const folded = verifyReplay(highCard, { ...rehashed, match: { ...rehashed.match } });
    if (folded.ok || folded.divergence.kind !== 'state-hash') throw new Error('expected a hash');
    rehashed.match.finalStateHash = folded.divergence.actual;
    expect(verifyReplay(highCard, rehashed)).toMatchObject({
      ok: false,
      divergence: { kind: 'outcome' },
    });
    // Cut where the rules had not ended it, a surrender is a possible ending, and says so.
    rehashed.match.result = { winners: [1], tie: false, standings: [], reason: 'surrender' };
    expect(verifyReplay(highCard, rehashed)).toMatchObject({ ok: true, ending: 'outside-rules' });
    // Events cut but not their actions: the extra actions give it away.
    expect(
      verifyReplay(
        highCard,
        edited(replay, (r) => (r.events = r.events.filter((e) => e.version < last))),
      ),
    ).toMatchObject({ ok: false, divergence: { kind: 'extra-action', version: last } });
  });

  it('refuses files it cannot re-execute, saying why', () => {
    expect(
      verifyReplay(
        highCard,
        edited(replay, (r) => delete r.match.finalStateHash),
      ),
    ).toMatchObject({ ok: false, divergence: { kind: 'invalid-file' } });
    expect(
      verifyReplay(
        highCard,
        edited(replay, (r) => delete r.match.seed),
      ),
    ).toMatchObject({
      ok: false,
      divergence: { kind: 'invalid-file' },
    });
    expect(
      verifyReplay(
        highCard,
        edited(replay, (r) => (r.match.game = 'golf')),
      ),
    ).toMatchObject({ ok: false });
    expect(verifyReplay(highCard, { format: 'zip' } as unknown as ReplayFile)).toMatchObject({
      ok: false,
    });
  });
});
