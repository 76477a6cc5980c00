import type { ApiError, ApiResult } from '@cardtable/sdk';
import { client, ensureSignedIn } from '../net/session.ts';

/** The content API as the signed-in creator (their account, or the guest identity they play as). */
export async function studioApi(): Promise<ApiResult<typeof client.api>> {
  const signedIn = await ensureSignedIn();
  return signedIn.ok ? { ok: true, value: client.api } : signedIn;
}

/** Runs one content API call as the creator; the error as a sentence otherwise. */
export async function withApi<T>(
  call: (api: typeof client.api) => Promise<ApiResult<T>>,
): Promise<ApiResult<T>> {
  const api = await studioApi();
  return api.ok ? call(api.value) : api;
}

export const errorText = (error: ApiError): string => error.message;
