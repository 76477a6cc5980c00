/**
 * Card art in an S3-compatible store (s3rver, a real S3 API server in this process): images go
 * to the bucket, never to DATA_DIR, and `/api/art/:hash` hands out a short-lived signed URL.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VersionDetail } from '@cardtable/sdk/content';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { defaultGames } from '../src/default-games.ts';
import { publishGame, tidepoolPackage } from './helpers/content.ts';
import { guest } from './helpers/http.ts';
import { startTestServer, tempDir } from './helpers/server.ts';

/** A web app of one page, so that the server sends its pages' policy. */
function webRoot(): string {
  const root = tempDir('cardtable-web-');
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Cardtable</title>');
  return root;
}

describe('card art in an S3-compatible store', () => {
  let s3: S3rver;
  let server: RunningServer & { env: Record<string, string> };
  beforeAll(async () => {
    s3 = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: tempDir('cardtable-s3-'),
      configureBuckets: [{ name: 'card-art' }],
    });
    const { port } = await s3.run();
    server = await startTestServer(
      'embedded',
      {
        S3_BUCKET: 'card-art',
        S3_ENDPOINT: `http://127.0.0.1:${port}`,
        S3_ACCESS_KEY_ID: 'S3RVER',
        S3_SECRET_ACCESS_KEY: 'S3RVER',
        S3_URL_TTL_S: '120',
        WEB_ROOT: webRoot(),
      },
      await defaultGames(),
    );
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await s3?.close();
  });

  it('stores published art in the bucket and serves it through a signed URL', async () => {
    const { accessToken } = await guest(server.url, 'Artist');
    await publishGame(server.url, accessToken, 'tidepool', await tidepoolPackage());
    const detail = await fetch(`${server.url}/api/content/games/tidepool/versions/1`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    const { content } = (await detail.json()) as VersionDetail;
    const artPath = content.art['reef/pearl-diver']!;
    expect(artPath).toMatch(/^\/api\/art\/[0-9a-f]{64}$/);

    const redirect = await fetch(`${server.url}${artPath}`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const signed = new URL(redirect.headers.get('location')!);
    expect(signed.pathname).toBe(`/card-art/art/${artPath.split('/').pop()}`);
    expect(signed.searchParams.get('X-Amz-Expires')).toBe('120');
    expect(signed.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);

    const image = await fetch(signed);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await image.arrayBuffer());
    const original = (await tidepoolPackage()).files['art/pearl-diver.png'] as { base64: string };
    expect(bytes.equals(Buffer.from(original.base64, 'base64'))).toBe(true);

    expect(existsSync(join(server.env.DATA_DIR!, 'art'))).toBe(false);
    const unknown = await fetch(`${server.url}/api/art/${'a'.repeat(64)}`, { redirect: 'manual' });
    expect(unknown.status).toBe(404);

    // The app's pages may show images from where the signed URLs point, and from nowhere else.
    const page = await fetch(`${server.url}/`);
    const imgSrc = (page.headers.get('content-security-policy') ?? '')
      .split('; ')
      .find((directive) => directive.startsWith('img-src '));
    expect(imgSrc).toBe(`img-src 'self' data: blob: ${signed.origin}`);
  });

  it('refuses half an S3 configuration with a clear message', () => {
    const loaded = loadConfig({ S3_ENDPOINT: 'http://127.0.0.1:9000' });
    expect(loaded).toEqual({ ok: false, errors: ['S3_ENDPOINT set without S3_BUCKET.'] });
    const keys = loadConfig({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'x' });
    expect(keys.ok ? [] : keys.errors).toContain(
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together.',
    );
  });
});
