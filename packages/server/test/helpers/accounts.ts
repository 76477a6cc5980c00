import type { AuthResponse } from '@cardtable/sdk/protocol';
import { call } from './http.ts';

/** A password that passes the strength rule. */
export const GOOD_PASSWORD = 'correct horse 42 battery';

export interface DevMailItem {
  id: number;
  to: string;
  subject: string;
  body: string;
}

export async function register(
  baseUrl: string,
  username: string,
  options: { email?: string; password?: string; inviteCode?: string; token?: string } = {},
) {
  return call<
    AuthResponse & { code?: string; message?: string; details?: Record<string, unknown> }
  >(baseUrl, 'POST', options.token ? '/api/auth/upgrade' : '/api/auth/register', {
    ...(options.token ? { token: options.token } : {}),
    body: {
      username,
      email: options.email ?? `${username.toLowerCase()}@example.com`,
      password: options.password ?? GOOD_PASSWORD,
      ...(options.inviteCode ? { inviteCode: options.inviteCode } : {}),
    },
  });
}

/** Registers and insists it worked. */
export async function account(
  baseUrl: string,
  username: string,
  email?: string,
): Promise<AuthResponse> {
  const reply = await register(baseUrl, username, email ? { email } : {});
  if (reply.status !== 200) throw new Error(`register failed: ${JSON.stringify(reply.body)}`);
  return reply.body;
}

export const login = (baseUrl: string, loginName: string, password = GOOD_PASSWORD) =>
  call<AuthResponse & { code?: string; message?: string; details?: Record<string, unknown> }>(
    baseUrl,
    'POST',
    '/api/auth/login',
    { body: { login: loginName, password } },
  );

/** The dev mailbox, newest first. */
export async function devMail(baseUrl: string): Promise<DevMailItem[]> {
  const reply = await call<{ mail: DevMailItem[] }>(baseUrl, 'GET', '/dev/mail.json');
  if (reply.status !== 200) throw new Error(`dev mailbox: ${reply.status}`);
  return reply.body.mail;
}

/** The token of the newest link of this kind mailed to `to`. */
export async function mailedToken(
  baseUrl: string,
  to: string,
  page: '/verify-email' | '/reset-password',
): Promise<string> {
  const mail = (await devMail(baseUrl)).find((item) => item.to === to && item.body.includes(page));
  const token = mail ? new RegExp(`${page}\\?token=([\\w-]+)`).exec(mail.body)?.[1] : undefined;
  if (!token) throw new Error(`no ${page} link mailed to ${to}`);
  return token;
}

/** Resolves once `check` holds, polling; rejects after `ms`. */
export async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
