import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';

/** An embedded, file-backed PostgreSQL (PGlite) that `pg` reaches over a loopback socket. */
export interface EmbeddedPostgres {
  connectionString: string;
  close(): Promise<void>;
}

/**
 * Serves a file-backed PGlite on 127.0.0.1 (a free port) so the production `pg` code drives it.
 *
 * PGlite 0.5.14's `execProtocolRawStream` corrupts the first bytes of an ErrorResponse (it writes
 * a ReadyForQuery over the 'E' header), which desynchronises `pg` after any SQL error.
 * `execProtocolRaw` returns the correct bytes, so the socket server is handed a view of the
 * database whose streaming call delegates to it.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const streamFixed = new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'execProtocolRawStream') {
        return async (message: Uint8Array, options: { onRawData: (data: Uint8Array) => void }) => {
          let response: Uint8Array;
          try {
            response = await target.execProtocolRaw(message);
          } catch (error) {
            // The socket server's query queue never restarts after a throw: answer with a
            // protocol error instead, so one bad message cannot stall every later query.
            response = errorResponse((error as Error).message);
          }
          options.onRawData(response);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  // The pool uses one connection; the spare slots let a replacement connect while the socket
  // of one that `pg` discarded (after an error) is still closing.
  const server = new PGLiteSocketServer({
    db: streamFixed,
    host: '127.0.0.1',
    port: 0,
    maxConnections: 4,
  });
  await server.start();
  const address = server.getServerConn();
  return {
    connectionString: `postgres://postgres@${address}/postgres`,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}

/** A PostgreSQL ErrorResponse (SQLSTATE XX000) followed by ReadyForQuery. */
function errorResponse(message: string): Uint8Array {
  const fields = Buffer.from(`SERROR\0CXX000\0M${message.replaceAll('\0', ' ')}\0\0`, 'utf8');
  const error = Buffer.alloc(5 + fields.length);
  error.write('E', 0, 'latin1');
  error.writeInt32BE(4 + fields.length, 1);
  fields.copy(error, 5);
  const ready = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]); // 'Z', length 5, 'I' (idle)
  return new Uint8Array(Buffer.concat([error, ready]));
}
