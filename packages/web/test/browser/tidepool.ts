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
  }: {
    slug?: string;
    name?: string;
    description?: string;
    creatorName?: string;
  } = {},
) {
  const creator = new CardtableApi({ baseUrl });
  ok(await creator.guest(creatorName));
  ok(await creator.createGame({ slug, name, ...(description ? { description } : {}) }));
  const draft = ok(await creator.putDraft(slug, packageBody(await readContentFolder(TIDEPOOL))));
  const { version } = ok(await creator.publish(slug));
  return { creator, draft, version };
}
