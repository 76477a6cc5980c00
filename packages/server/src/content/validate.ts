import { validateContentPackage, type ValidationResult } from '@cardtable/tcg';
import type { PackageFiles } from './package.ts';

export type PackageReport = ValidationResult;

/**
 * Validates a content package and builds the content the engine plays: the one door through
 * which the server and the CLI check content (drafts, publishing, hosting, replays).
 */
export const validatePackage = (files: PackageFiles): Promise<PackageReport> =>
  validateContentPackage(files);
