import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { S3Config } from '../config.ts';

/** How `GET /api/art/:hash` answers: the bytes themselves, or a redirect to a signed URL. */
export type ArtDelivery = { kind: 'bytes'; bytes: Uint8Array } | { kind: 'redirect'; url: string };

/** Card art by the sha256 of its bytes: written once, never changed. */
export interface ArtStore {
  readonly kind: 'disk' | 's3';
  put(hash: string, bytes: Uint8Array, type: string): Promise<void>;
  get(hash: string): Promise<Uint8Array | null>;
  deliver(hash: string): Promise<ArtDelivery | null>;
  close(): void;
}

const HASH = /^[0-9a-f]{64}$/;
const checked = (hash: string) => {
  if (!HASH.test(hash)) throw new Error(`Not an art hash: ${hash}`);
  return hash;
};

/** Images under `DATA_DIR/art/<first two hex>/<hash>`, served by the server itself. */
export class DiskArtStore implements ArtStore {
  readonly kind = 'disk';
  constructor(private readonly root: string) {}

  private pathOf(hash: string) {
    return join(this.root, checked(hash).slice(0, 2), hash);
  }

  async put(hash: string, bytes: Uint8Array): Promise<void> {
    const path = this.pathOf(hash);
    await mkdir(dirname(path), { recursive: true });
    // Written aside, then renamed: a reader never sees half an image.
    const partial = `${path}.${randomBytes(4).toString('hex')}.part`;
    await writeFile(partial, bytes);
    await rename(partial, path);
  }

  async get(hash: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.pathOf(hash)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async deliver(hash: string): Promise<ArtDelivery | null> {
    const bytes = await this.get(hash);
    return bytes ? { kind: 'bytes', bytes } : null;
  }

  close(): void {}
}

/** Images in an S3-compatible bucket, handed out through short-lived signed URLs. */
export class S3ArtStore implements ArtStore {
  readonly kind = 's3';
  private readonly client: S3Client;

  constructor(private readonly config: S3Config) {
    this.client = new S3Client({
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      // Checksums only where S3 requires them: S3-compatible stores differ in what they accept.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      ...(config.accessKeyId && config.secretAccessKey
        ? {
            credentials: {
              accessKeyId: config.accessKeyId,
              secretAccessKey: config.secretAccessKey,
            },
          }
        : {}),
    });
  }

  private keyOf(hash: string) {
    return `${this.config.prefix}${checked(hash)}`;
  }

  async put(hash: string, bytes: Uint8Array, type: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: this.keyOf(hash),
        Body: bytes,
        ContentType: type,
        CacheControl: 'public, max-age=31536000, immutable',
      }),
    );
  }

  async get(hash: string): Promise<Uint8Array | null> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.config.bucket, Key: this.keyOf(hash) }),
      );
      return object.Body ? await object.Body.transformToByteArray() : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async deliver(hash: string): Promise<ArtDelivery | null> {
    const key = this.keyOf(hash);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: key }));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    const url = await getSignedUrl(
      this.client,
      new GetObjectCommand({ Bucket: this.config.bucket, Key: key }),
      { expiresIn: this.config.urlTtlSeconds },
    );
    return { kind: 'redirect', url };
  }

  close(): void {
    this.client.destroy();
  }
}

const isMissing = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
};

export const openArtStore = (config: { dataDir: string; s3: S3Config | null }): ArtStore =>
  config.s3 ? new S3ArtStore(config.s3) : new DiskArtStore(join(config.dataDir, 'art'));
