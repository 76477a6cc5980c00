import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../errors.ts';
import type { Metrics } from '../metrics.ts';

/** The client's address, as the node that passes a request on saw it. */
export const FORWARDED_FOR = 'x-cardtable-forwarded-for';
/** `<ms since the epoch>.<HMAC>` over the address, method, URL and time: a node sent it. */
export const FORWARD_PROOF = 'x-cardtable-forward-proof';
/** How far a proof's time may be from the receiver's clock (copies of it replayed later fail). */
const PROOF_WINDOW_MS = 30_000;
/** Request headers passed on with a forwarded request (the forwarding ones are made anew). */
const PASSED_HEADERS = ['authorization', 'content-type', 'accept', 'accept-language', 'user-agent'];
/** Response headers passed back. */
const RETURNED_HEADERS = ['content-type', 'cache-control', 'location'];
/** A forwarded request waits this long for the owner (an export or an import can take a while). */
const FORWARD_TIMEOUT_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    /** Sent by another node of this deployment on a client's behalf (proof checked). */
    fromNode: boolean;
  }
}

/**
 * How nodes pass a client's match requests and sockets to the node that owns the match without
 * hiding the client: the owner's per-address limits must count the client, not the node. A node
 * adds the client's address and a proof (an HMAC keyed from the token secret, which every node
 * of a deployment shares); the owner believes the address only with a valid, fresh proof, so a
 * client that sends the headers itself gains nothing.
 */
export class NodeForwarding {
  constructor(
    private readonly key: Uint8Array,
    private readonly metrics: Metrics,
    private readonly now: () => number = Date.now,
  ) {}

  /** The headers that carry `clientIp` to the owner, for this method and URL (path and query). */
  headers(clientIp: string, method: string, url: string): Record<string, string> {
    const at = String(this.now());
    return {
      [FORWARDED_FOR]: clientIp,
      [FORWARD_PROOF]: `${at}.${this.mac(clientIp, method, url, at)}`,
    };
  }

  /**
   * First of the app's hooks: a request another node forwarded (valid proof) takes the client's
   * address as its `ip` and is marked `fromNode`; any other request is left as it came.
   */
  register(app: FastifyInstance): void {
    app.decorateRequest('fromNode', false);
    app.addHook('onRequest', async (request) => {
      const ip = this.vouchedAddress(request);
      if (ip === null) return;
      Object.defineProperty(request, 'ip', { value: ip, configurable: true });
      request.fromNode = true;
    });
  }

  /**
   * Passes an HTTP request on to the owner of its match and sends back what it answers. A
   * request that came from a node is not passed on again (the lease moved meanwhile): it is
   * refused as temporary, and the client's retry finds the new owner.
   */
  async forward(
    request: FastifyRequest,
    reply: FastifyReply,
    ownerUrl: string,
  ): Promise<FastifyReply> {
    if (request.fromNode) return moving(reply);
    this.metrics.forwarded.inc({ kind: 'http' });
    const headers = this.headers(request.ip, request.method, request.url);
    for (const name of PASSED_HEADERS) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const hasBody = request.body !== undefined && request.body !== null;
    let response: Response;
    try {
      response = await fetch(new URL(request.url, ownerUrl), {
        method: request.method,
        headers,
        body: hasBody ? JSON.stringify(request.body) : undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
      });
    } catch (error) {
      request.log.info({ err: error, ownerUrl }, 'match owner did not answer');
      return moving(reply);
    }
    reply.code(response.status);
    for (const name of RETURNED_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) reply.header(name, value);
    }
    return reply.send(Buffer.from(await response.arrayBuffer()));
  }

  private vouchedAddress(request: FastifyRequest): string | null {
    const ip = request.headers[FORWARDED_FOR];
    const proof = request.headers[FORWARD_PROOF];
    if (typeof ip !== 'string' || typeof proof !== 'string' || ip.length > 64) return null;
    const dot = proof.indexOf('.');
    const at = proof.slice(0, dot);
    if (dot < 1 || !/^\d{1,16}$/.test(at)) return null;
    if (Math.abs(this.now() - Number(at)) > PROOF_WINDOW_MS) return null;
    const expected = Buffer.from(this.mac(ip, request.method, request.url, at));
    const given = Buffer.from(proof.slice(dot + 1));
    return expected.length === given.length && timingSafeEqual(expected, given) ? ip : null;
  }

  private mac(ip: string, method: string, url: string, at: string): string {
    return createHmac('sha256', this.key)
      .update(`${ip}\n${method}\n${url}\n${at}`)
      .digest('base64url');
  }
}

/** The match is changing hands (its owner stopped or the lease moved): retry shortly. */
export function moving(reply: FastifyReply): FastifyReply {
  return reply
    .code(503)
    .send(
      errorBody(
        'SHUTTING_DOWN',
        'The server holding this match is changing: try again in a few seconds.',
      ),
    );
}
