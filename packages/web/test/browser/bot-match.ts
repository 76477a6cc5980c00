import { CardtableClient, RandomPlayer, type MatchConnection } from '@cardtable/sdk';

/**
 * A match between one scripted human (random legal moves through the SDK, no browser) and CPUs,
 * for tests that need a match to watch or to replay.
 */
export async function createBotMatch(
  baseUrl: string,
  cpus: string[],
  options: object = { rounds: 1 },
) {
  const client = new CardtableClient({ baseUrl });
  const signedIn = await client.api.guest('Bot');
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  const created = await client.api.createMatch({
    game: 'golf',
    options,
    seats: [{ kind: 'human' }, ...cpus.map((profile) => ({ kind: 'cpu' as const, profile }))],
  });
  if (!created.ok) throw new Error(created.error.message);
  const { matchId } = created.value;

  /** Plays the human seat until the match is over. */
  const play = async (thinkMs = 20) => {
    const connection: MatchConnection = client.connect(matchId, { ackMode: 'auto' });
    const player = new RandomPlayer(connection, { thinkMs });
    const over = await connection.until((c) => c.status === 'over');
    player.stop();
    connection.close();
    if (!over) throw new Error('the bot lost its connection before the match ended');
  };

  return { matchId, api: client.api, play };
}
