import { readFile } from 'node:fs/promises';
import type { JsonValue } from '@cardtable/sandbox';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A file's text, or undefined when it cannot be read. */
export async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function parseJson(text: string, where: string): Parsed<JsonValue> {
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch (error) {
    return { ok: false, message: `${where} is not valid JSON: ${(error as Error).message}` };
  }
}
