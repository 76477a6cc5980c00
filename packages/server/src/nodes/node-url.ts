import { networkInterfaces } from 'node:os';

/**
 * Where other nodes reach this one when `NODE_URL` is not set: the address it listens on, or,
 * listening on every interface, the machine's first external IPv4 address (loopback if none).
 */
export function defaultNodeUrl(host: string, port: number): string {
  if (host !== '0.0.0.0' && host !== '::') {
    return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  }
  const external = Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal);
  return `http://${external?.address ?? '127.0.0.1'}:${port}`;
}
