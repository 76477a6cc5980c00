// The content tooling the CLI shares with the server, without the server itself (no HTTP, no
// database): reading folders, hashing packages, and the game that plays a replay's content.
export { readContentFolder, packageBody } from './folder.ts';
export { MAX_ARCHIVE_BYTES, packArchive, unpackArchive } from './archive.ts';
export { contentHashOf, toStored, type PackageFiles, type StoredFiles } from './package.ts';
export {
  gameForEmbeddedContent,
  type ExportedReplay,
  type ContentGameResult,
} from './replay-content.ts';
