import { parse, protocol, type PGlite } from '@electric-sql/pglite';
import { prepareValue } from 'pg/lib/utils.js';

type Row = Record<string, unknown>;

const { serialize } = protocol;
const quietly = { syncToFs: false };

/**
 * Named prepared statements on PGlite, which has none of its own: its `query` sends each
 * statement unnamed, so PostgreSQL parses and plans it at every call. For the group commit's
 * append (a statement of five parts over a JSON batch) that was most of its cost: in one
 * process, 0.31-0.58 ms of CPU per resolution planned every time against 0.14-0.17 ms prepared
 * (batches of 10; docs/benchmarks.md, session 15). A statement is parsed once under its name,
 * then bound and executed; its parameters are encoded as `pg` encodes them for PostgreSQL (one
 * encoding for both stores: an array as an array literal, an object as JSON, a date with its zone).
 */
export class PreparedStatements {
  private readonly parsed = new Set<string>();

  constructor(private readonly db: PGlite) {}

  /**
   * Runs `sql` as the statement `name` (the same text under the same name every time). Taken
   * in the order PGlite's own `query` takes its locks, so it never runs inside someone else's
   * transaction.
   */
  run<R extends Row>(name: string, sql: string, params: readonly unknown[]): Promise<R[]> {
    return this.db._runExclusiveTransaction(() =>
      this.db._runExclusiveQuery(async () => {
        if (!this.parsed.has(name)) {
          await this.extended(serialize.parse({ name, text: sql }));
          this.parsed.add(name);
        }
        const rows = await this.extended(
          serialize.bind({ statement: name, values: params.map(prepareValue) }),
          serialize.describe({ type: 'P' }),
          serialize.execute({}),
        );
        await this.db.syncToFs();
        return rows as R[];
      }),
    );
  }

  /** Messages of the extended protocol, then the Sync that ends them, failed or not. */
  private async extended(...messages: Uint8Array[]): Promise<Row[]> {
    const replies = [];
    try {
      for (const message of messages)
        replies.push(...(await this.db.execProtocol(message, quietly)).messages);
    } finally {
      replies.push(...(await this.db.execProtocol(serialize.sync(), quietly)).messages);
    }
    return parse.parseResults(replies, this.db.parsers)[0]?.rows ?? [];
  }
}
