import type { AuthResponse, ErrorBody } from '@cardtable/sdk/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { addressKey } from '../src/address-key.ts';
import type { RunningServer } from '../src/app.ts';
import { startTestServer } from './helpers/server.ts';

describe('addressKey', () => {
  it('keeps IPv4, unmaps IPv4-mapped IPv6 and keys any other IPv6 address by its /64', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::FFFF:cb00:7107')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0DB8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('64:ff9b::203.0.113.7')).toBe('64:ff9b:0:0::/64');
    expect(addressKey('not an address')).toBe('not an address');
  });
});

/**
 * Clients behind a trusted proxy, named by X-Forwarded-For: every per-address limit counts a
 * whole IPv6 /64 as one address (and an IPv4-mapped address as its IPv4 one).
 */
describe('per-address limits count an IPv6 /64 as one address', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer('embedded', {
      TRUST_PROXY: '127.0.0.1',
      RATE_AUTH_IP_PER_MIN: '2',
      RATE_AUTH_ACCOUNT_PER_MIN: '1000',
      GUESTS_PER_IP_PER_HOUR: '1000',
      MATCH_CREATE_PER_IP: '1',
      SOCKET_OPEN_BURST: '2',
      SOCKET_OPENS_PER_MIN: '1',
    });
  });
  afterAll(async () => server?.close());

  const from = async <T>(address: string, path: string, body: unknown, token?: string) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': address,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  const login = (address: string) =>
    from<ErrorBody>(address, '/api/auth/login', { login: 'nobody', password: 'wrong one' });

  it('auth requests: a fresh address in the same /64 is refused, another /64 is not', async () => {
    expect((await login('2001:db8:a:1::1')).status).toBe(401);
    expect((await login('2001:db8:a:1::2')).status).toBe(401);
    const third = await login('2001:db8:a:1:ffff:1234:5678:9abc');
    expect(third.status).toBe(429);
    expect(third.body.details).toMatchObject({ limit: 'auth_per_ip' });
    expect((await login('2001:db8:a:2::1')).status).toBe(401);
  });

  it('auth requests: an IPv4-mapped address is its IPv4 address', async () => {
    expect((await login('198.51.100.4')).status).toBe(401);
    expect((await login('::ffff:198.51.100.4')).status).toBe(401);
    expect((await login('198.51.100.4')).status).toBe(429);
  });

  it('match quotas: guests on two addresses of one /64 share the per-address quota', async () => {
    const create = async (address: string) => {
      const guest = await from<AuthResponse>(address, '/api/auth/guest', { name: 'Neighbour' });
      const seats = [{ kind: 'human' }, { kind: 'cpu', profile: 'steady' }];
      const body = { game: 'secret-draw', seats };
      return from<ErrorBody>(address, '/api/matches', body, guest.body.accessToken);
    };
    expect((await create('2001:db8:b:1::1')).status).toBe(200);
    const second = await create('2001:db8:b:1::2');
    expect(second.status).toBe(429);
    expect(second.body.details).toMatchObject({ limit: 'createdPerIp' });
    expect((await create('2001:db8:b:2::1')).status).toBe(200);
  });

  it('socket openings: a fresh address in the same /64 is refused with 4429', async () => {
    const open = (address: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/ws/chat`, {
          headers: { 'x-forwarded-for': address },
        });
        socket.on('close', (code) => resolve(code));
        socket.on('error', () => undefined);
      });
    // Unauthenticated chat sockets are closed at once, but each opening is counted first.
    expect(await open('2001:db8:c:1::1')).not.toBe(4429);
    expect(await open('2001:db8:c:1::2')).not.toBe(4429);
    expect(await open('2001:db8:c:1::3')).toBe(4429);
    expect(await open('2001:db8:c:2::1')).not.toBe(4429);
  });
});
