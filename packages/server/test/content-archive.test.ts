import { describe, expect, it } from 'vitest';
import { packArchive, unpackArchive } from '../src/content/archive.ts';
import { readContentFolder } from '../src/content/folder.ts';
import { TIDEPOOL_DIR } from './helpers/content.ts';

const codes = (bytes: Uint8Array) => {
  const read = unpackArchive(bytes);
  return read.ok ? [] : read.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`);
};

/** A one-file archive whose headers declare `size` bytes, whatever the entry inflates to. */
function declaring(size: number, content: Uint8Array): Uint8Array {
  const zip = Buffer.from(packArchive(new Map([['cards.json', content]]), 'game'));
  zip.writeUInt32LE(size, 22); // the local header's uncompressed size
  const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  zip.writeUInt32LE(size, central + 24);
  return new Uint8Array(zip);
}

describe('content archives', () => {
  it('packs a folder and reads it back the same, art included, and the same bytes every time', async () => {
    const files = await readContentFolder(TIDEPOOL_DIR);
    const zip = packArchive(files, 'tidepool');
    expect(packArchive(files, 'tidepool')).toEqual(zip);
    const read = unpackArchive(zip);
    expect(read.ok && [...read.files]).toEqual([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
    expect(read.ok && read.files.get('art/pearl-diver.png')).toBeInstanceOf(Uint8Array);
  });

  it('refuses hostile archives with typed errors, before inflating past the limits', () => {
    const zeros = new Uint8Array(2 * 1024 * 1024);
    // A bomb: 2 MiB of zeros deflate to a few KiB and declare 1000 bytes.
    expect(codes(declaring(1000, zeros))).toEqual([
      'ARCHIVE_INVALID cards.json: inflates past the 1000 bytes it declares',
    ]);
    // Declared honestly, it is over the limits before a byte is inflated.
    expect(codes(declaring(zeros.length, zeros))).toEqual([
      'LIMIT_FILE_SIZE cards.json: is 2097152 bytes; at most 1048576 are allowed',
    ]);
    expect(codes(declaring(0xfffffff0, zeros))[0]).toMatch(
      /^LIMIT_TOTAL_SIZE : the archive unpacks to/,
    );
    const text = (path: string) =>
      new Map([
        [path, '{}'],
        ['ruleset.json', '{}'],
      ]);
    expect(codes(packArchive(text('../../escape.json'), 'game'))).toEqual([
      'BAD_PATH ../../escape.json: a path may not contain empty, "." or ".." parts',
    ]);
    expect(codes(packArchive(text('/etc/passwd'), 'game'))[0]).toMatch(/^BAD_PATH \/etc\/passwd/);
    const many = new Map(Array.from({ length: 401 }, (_, i) => [`lua/m${i}.lua`, ''] as const));
    expect(codes(packArchive(many, 'game'))).toEqual([
      'LIMIT_FILES : the archive has 401 files; at most 400 are allowed',
    ]);
    expect(codes(new TextEncoder().encode('not a zip'))).toEqual([
      'ARCHIVE_INVALID : is not a .zip archive (or it is damaged)',
    ]);
  });

  it('takes files at the root or in one folder, and skips dotfiles and __MACOSX', () => {
    const files = new Map<string, string>([
      ['ruleset.json', '{}'],
      ['.DS_Store', 'x'],
      ['__MACOSX/._ruleset.json', 'x'],
    ]);
    const read = unpackArchive(packArchive(files, 'my-game'));
    expect(read.ok && [...read.files.keys()]).toEqual(['ruleset.json']);
    // A game whose slug is "lua" zips into lua/; a package of modules alone is at the root.
    const named = unpackArchive(packArchive(files, 'lua'));
    expect(named.ok && [...named.files.keys()]).toEqual(['ruleset.json']);
    const modules = new Map([['x.lua', '']]);
    const root = unpackArchive(packArchive(modules, 'lua'));
    expect(root.ok && [...root.files.keys()]).toEqual(['lua/x.lua']);
  });
});
