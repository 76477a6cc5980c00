import type { ValidationResult } from '@cardtable/tcg';
import type { PackageFiles } from './package.ts';

export type PackageReport = ValidationResult;

/**
 * Validates a content package and builds the content the engine plays: the one door through
 * which the server and the CLI check content (drafts, publishing, hosting, replays). The TCG's
 * code loads on first use, so a server start does not wait for it.
 */
export const validatePackage = async (files: PackageFiles): Promise<PackageReport> =>
  (await import('@cardtable/tcg')).validateContentPackage(files);
