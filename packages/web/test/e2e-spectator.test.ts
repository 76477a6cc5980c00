import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SPECTATOR } from '@cardtable/engine';
import { GolfTruth, type Position } from '../../sdk/test/support/golf-secrets.ts';
import { openPage, screenshot } from './browser/browser.ts';
import { createBotMatch } from './browser/bot-match.ts';
import { useServedApp } from './browser/served-app.ts';

/** What the spectator's table shows, read in one go with the log position it shows it at. */
interface DomSnapshot {
  version: number;
  step: number;
  slots: { seat: number; slot: number; face: string; rank: string | null }[];
  held: { seat: number; rank: string | null }[];
  peeked: number;
}

const readDom = (page: Page) =>
  page.evaluate((): DomSnapshot | null => {
    const table = document.querySelector<HTMLElement>('[data-testid=table]');
    if (!table) return null;
    const rankIn = (element: Element) =>
      element.querySelector('[data-rank]')?.getAttribute('data-rank') ?? null;
    return {
      version: Number(table.dataset.version),
      step: Number(table.dataset.step),
      slots: [...document.querySelectorAll<HTMLElement>('.slot[data-testid]')].map((element) => {
        const [, seat, slot] = (element.dataset.testid as string).split('-');
        return {
          seat: Number(seat),
          slot: Number(slot),
          face: element.dataset.face as string,
          rank: rankIn(element),
        };
      }),
      held: [...document.querySelectorAll<HTMLElement>('.held[data-testid]')].map((element) => ({
        seat: Number((element.dataset.testid as string).split('-')[1]),
        rank: rankIn(element),
      })),
      peeked: document.querySelectorAll('[data-face=peeked]').length,
    };
  });

describe('spectating a live match', () => {
  const app = useServedApp({ CPU_THINK_MS: '60' });

  it('never shows or receives a face-down card', async () => {
    const match = await createBotMatch(app.url, ['Maya', 'Kenji']);
    const frames: string[] = [];
    const { page, context, errors } = await openPage(app.browser, 'about:blank', {
      reducedMotion: 'reduce',
    });
    page.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) => frames.push(String(payload))),
    );
    await page.goto(`${app.url}/match/${match.matchId}`);
    await page.getByTestId('table').waitFor();
    await expect.poll(() => page.locator('.page').getAttribute('data-role')).toBe('spectator');

    const snapshots: DomSnapshot[] = [];
    let playing = true;
    const played = match.play(150).finally(() => (playing = false));
    while (playing) {
      const snapshot = await readDom(page);
      if (snapshot) snapshots.push(snapshot);
      if (snapshots.length === 10) await screenshot(page, 'spectator-1-midgame');
      await page.waitForTimeout(120);
    }
    await played;
    await page.getByTestId('standings').waitFor({ timeout: 60_000 });
    await screenshot(page, 'spectator-2-over');
    // No way on that leads nowhere: the replay is its players' own, so a spectator is not
    // offered it (the button led to "This match's replay is its players' own").
    expect(await page.getByTestId('watch-replay').count()).toBe(0);
    await context.close();

    const exported = await match.api.exportMatch(match.matchId);
    if (!exported.ok) throw new Error(exported.error.message);
    const truth = new GolfTruth(exported.value);

    // Socket frames: nothing secret at the position each frame speaks for.
    let at: Position = { version: 0, step: 0 };
    const leaks: string[] = [];
    // A batched FRAME carries paced messages that count as if each had come alone, in order.
    const messages = frames.flatMap((text) => {
      const message = JSON.parse(text);
      return message.type === 'FRAME' ? message.messages : [message];
    });
    for (const frame of messages) {
      if (frame.type === 'EVENT') at = { version: frame.event.version, step: frame.event.step };
      else if (frame.type === 'WELCOME') at = { version: frame.version, step: frame.step };
      else if (typeof frame.version === 'number')
        at = truth.endOf(Math.max(frame.version, at.version));
      leaks.push(...truth.leaks(frame, SPECTATOR, at).map((leak) => `${frame.type} ${leak}`));
    }
    expect(messages.filter((message) => message.type === 'EVENT').length).toBeGreaterThan(20);
    expect(leaks).toEqual([]);

    // The DOM: a face-down card never shows a face; a face shown is the true card.
    expect(snapshots.length).toBeGreaterThan(5);
    for (const snapshot of snapshots) {
      expect(snapshot.peeked).toBe(0);
      const state = truth.stateAt(snapshot);
      for (const { seat, slot, face, rank } of snapshot.slots) {
        const real = state.players[seat]?.hand[slot];
        if (!real) continue;
        if (!real.faceUp)
          expect({ seat, slot, face, rank }).toEqual({ seat, slot, face: 'down', rank: null });
        else expect(rank).toBe(real.card.rank);
      }
      // Only a card taken from the discard pile is public while it is held.
      const { phase } = state;
      const publicHolder =
        phase.kind === 'turn' && phase.step.kind === 'holding' && phase.step.source === 'discard'
          ? phase.seat
          : null;
      for (const { seat, rank } of snapshot.held)
        if (seat !== publicHolder) expect(rank).toBeNull();
    }
    expect(errors).toEqual([]);
  }, 240_000);
});
