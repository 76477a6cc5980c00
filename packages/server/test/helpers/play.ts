import type { RawClient } from './socket-client.ts';

/** Plays a seat until the match is over, choosing among the legal actions with `pick`. */
export async function playUntilOver(
  client: RawClient,
  pick: (n: number) => number = () => 0,
): Promise<void> {
  for (;;) {
    const legal = await client.next('LEGAL', (m) => m.status === 'over' || m.legal.length > 0);
    if (legal.status === 'over') return;
    const action = legal.legal[pick(legal.legal.length)] as { type: string; payload: unknown };
    const result = await client.act(action.type, action.payload, { knownVersion: legal.version });
    if (!result.ok && result.error.code !== 'STALE_VERSION') {
      throw new Error(`action refused: ${JSON.stringify(result)}`);
    }
  }
}
