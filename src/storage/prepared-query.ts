// Queries that run on every request (the session lookup) are built and compiled once per engine and then run
// with new parameter values. Building and compiling a Kysely query costs several times what SQLite spends
// running an indexed lookup; this keeps the typed builder as the one definition of the query.
import type { Compilable, CompiledQuery } from 'kysely'
import type { DB } from './database.ts'
import { engineOf, type Engine } from './dialects/engine.ts'

interface Compiled<Row> {
  readonly query: CompiledQuery<Row>
  /** For each argument, the positions in `query.parameters` that it fills. */
  readonly positions: readonly (readonly number[])[]
}

/**
 * Wrap a query builder whose arguments are all scalar values bound as parameters (not lists, not used to
 * choose the query's shape). The first call per engine builds the query with a marker object per argument and
 * records where each marker lands in the parameter list; later calls copy the parameters and fill in the
 * arguments. A builder that does not bind an argument is a programming error, reported on first use.
 *
 * Example:
 * ```ts
 * const findByToken = preparedQuery((db, hash: string) =>
 *   db.selectFrom('sessions').selectAll().where('token_hash', '=', hash))
 * const rows = await findByToken(db, hash)
 * ```
 */
export function preparedQuery<Args extends readonly (string | number | null)[], Row>(
  build: (db: DB, ...args: Args) => Compilable<Row>,
): (db: DB, ...args: Args) => Promise<Row[]> {
  const byEngine = new Map<Engine, Compiled<Row>>()
  return async (db, ...args) => {
    const engine = engineOf(db)
    let compiled = byEngine.get(engine)
    if (compiled === undefined) {
      const markers = args.map((_, i) => ({ preparedQueryArgument: i }))
      const query = build(db, ...(markers as unknown as Args)).compile()
      const positions = markers.map((marker, i) => {
        const found = query.parameters.flatMap((p, j) => (p === marker ? [j] : []))
        if (found.length === 0) throw new Error(`preparedQuery: argument ${i} is not bound as a parameter`)
        return found
      })
      compiled = { query, positions }
      byEngine.set(engine, compiled)
    }
    const parameters = [...compiled.query.parameters]
    compiled.positions.forEach((slots, i) => {
      for (const j of slots) parameters[j] = args[i]
    })
    const result = await db.executeQuery<Row>({ ...compiled.query, parameters })
    return result.rows
  }
}
