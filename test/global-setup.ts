import { ensureEmbeddedTemplate } from '../packages/server/test/helpers/embedded-template.ts';

/** Once per test run, before any test file: what every file would otherwise make for itself. */
export default async function setup(): Promise<void> {
  await ensureEmbeddedTemplate();
}
