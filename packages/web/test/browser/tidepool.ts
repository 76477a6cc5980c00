import { fileURLToPath } from 'node:url';
import { CardtableApi } from '@cardtable/sdk';
import { packageBody, readContentFolder } from '@cardtable/server/content';

/** The content package written for issue 10 (not the demo): 12-card decks, one card with art. */
export const TIDEPOOL = fileURLToPath(
  new URL('../../../server/test/fixtures/content/tidepool', import.meta.url),
);

/** An API result's value, or the test fails with its message. */
export const ok = <T>(
  result: { ok: true; value: T } | { ok: false; error: { message: string } },
): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

/**
 * A guest creator (`creatorName`) makes a game of the Tidepool package under `slug` and publishes
 * its first version; answers the creator's API and the draft's validation report.
 */
export async function publishTidepool(
  baseUrl: string,
  {
    slug = 'tidepool',
    name = 'Tidepool',
    description,
    creatorName = 'Marin',
    phases,
    abilities,
  }: {
    slug?: string;
    name?: string;
    description?: string;
    creatorName?: string;
    /** The turn's phases in place of Tidepool's own. */
    phases?: readonly object[];
    /** Abilities added to cards, by card id. */
    abilities?: Readonly<Record<string, readonly object[]>>;
  } = {},
) {
  const creator = new CardtableApi({ baseUrl });
  ok(await creator.guest(creatorName));
  ok(await creator.createGame({ slug, name, ...(description ? { description } : {}) }));
  const files = new Map(await readContentFolder(TIDEPOOL));
  if (phases) {
    const ruleset = JSON.parse(files.get('ruleset.json') as string) as { turn: object };
    files.set('ruleset.json', JSON.stringify({ ...ruleset, turn: { ...ruleset.turn, phases } }));
  }
  if (abilities) {
    const set = JSON.parse(files.get('cards.json') as string) as {
      cards: { id: string; abilities?: object[] }[];
    };
    for (const card of set.cards)
      if (abilities[card.id]) card.abilities = [...(card.abilities ?? []), ...abilities[card.id]!];
    files.set('cards.json', JSON.stringify(set));
  }
  const draft = ok(await creator.putDraft(slug, packageBody(files)));
  const { version } = ok(await creator.publish(slug));
  return { creator, draft, version };
}
