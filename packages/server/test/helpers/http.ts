import { request as httpRequest } from 'node:http';
import type {
  AuthResponse,
  CreateMatchRequest,
  CreateMatchResponse,
} from '@cardtable/sdk/protocol';

/** A tiny HTTP client for tests: JSON in, status and JSON out. */
export async function call<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function guest(baseUrl: string, name: string): Promise<AuthResponse> {
  const { status, body } = await call<AuthResponse>(baseUrl, 'POST', '/api/auth/guest', {
    body: { name },
  });
  if (status !== 200) throw new Error(`guest sign-in failed: ${status} ${JSON.stringify(body)}`);
  return body;
}

export async function createMatch(
  baseUrl: string,
  token: string,
  request: CreateMatchRequest,
): Promise<CreateMatchResponse> {
  const { status, body } = await call<CreateMatchResponse>(baseUrl, 'POST', '/api/matches', {
    token,
    body: request,
  });
  if (status !== 200) throw new Error(`create failed: ${status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * Like `call`, but from another loopback source address (127.0.0.2 and so on), so a test can
 * play two network addresses against one server.
 */
export function callFrom<T = unknown>(
  localAddress: string,
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      new URL(path, baseUrl),
      {
        method,
        localAddress,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: (text ? JSON.parse(text) : null) as T,
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
