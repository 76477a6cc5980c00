import { join } from 'node:path';
import type { S3Config } from '../config.ts';
import { DiskArtStore, type ArtStore } from './art-store.ts';

/** Card art on disk, or in S3 when configured (the AWS SDK loads only then). */
export async function openArtStore(config: {
  dataDir: string;
  s3: S3Config | null;
}): Promise<ArtStore> {
  if (!config.s3) return new DiskArtStore(join(config.dataDir, 'art'));
  const { S3ArtStore } = await import('./s3-art-store.ts');
  return new S3ArtStore(config.s3);
}
