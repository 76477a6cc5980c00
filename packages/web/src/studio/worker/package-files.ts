import type { DraftFiles } from '../draft-files.ts';

const artCache = new Map<string, Promise<Uint8Array>>();

/** Art bytes by hash, fetched once from this server (`/api/art/<sha256>`). */
function artBytes(sha256: string): Promise<Uint8Array> {
  let cached = artCache.get(sha256);
  if (!cached) {
    cached = fetch(`/api/art/${sha256}`).then(async (response) => {
      if (!response.ok) throw new Error(`card art ${sha256} could not be fetched`);
      return new Uint8Array(await response.arrayBuffer());
    });
    cached.catch(() => artCache.delete(sha256));
    artCache.set(sha256, cached);
  }
  return cached;
}

/** A draft as the validator takes a package: text as is, art as its bytes. */
export async function packageOf(files: DraftFiles): Promise<Map<string, string | Uint8Array>> {
  const entries = await Promise.all(
    Object.entries(files).map(
      async ([path, file]) =>
        [path, typeof file === 'string' ? file : await artBytes(file.sha256)] as const,
    ),
  );
  return new Map(entries);
}
