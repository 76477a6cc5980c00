import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** How `GET /api/art/:hash` answers: the bytes themselves, or a redirect to a signed URL. */
export type ArtDelivery = { kind: 'bytes'; bytes: Uint8Array } | { kind: 'redirect'; url: string };

/** Card art by the sha256 of its bytes: written once, never changed. */
export interface ArtStore {
  readonly kind: 'disk' | 's3';
  put(hash: string, bytes: Uint8Array, type: string): Promise<void>;
  get(hash: string): Promise<Uint8Array | null>;
  deliver(hash: string): Promise<ArtDelivery | null>;
  /** Origins other than the server's that delivered art loads from (the pages' image policy). */
  imageOrigins(): Promise<string[]>;
  close(): void;
}

const HASH = /^[0-9a-f]{64}$/;
export const checked = (hash: string) => {
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

  imageOrigins(): Promise<string[]> {
    return Promise.resolve([]);
  }

  close(): void {}
}
