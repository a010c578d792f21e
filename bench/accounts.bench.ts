// `npm run bench -- accounts [postgres]`: resolveSession reads per second (runs on every console request) and
// the time of one login (dominated by scrypt), on SQLite (default) or the local PostgreSQL.
import { authenticate, seedDemo, resolveSession } from '../src/accounts/index.ts'
import { connect } from '../src/storage/index.ts'

const PASSWORD = 'bench-admin-2024'

export default async function (args: string[]): Promise<void> {
  const engine = args[0] === 'postgres' ? 'postgres' : 'sqlite'
  const schema = `bench_${process.pid}`
  const url = process.env.DATABASE_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
  if (engine === 'postgres') {
    const admin = await connect({ database: { engine: 'postgres', url } }, { migrate: false })
    await admin.schema.createSchema(schema).execute()
    await admin.destroy()
  }
  const db =
    engine === 'sqlite'
      ? await connect({ database: { engine: 'sqlite', file: ':memory:' } })
      : await connect({ database: { engine: 'postgres', url } }, { pgSchema: schema })
  try {
    await seedDemo(db, { adminPassword: PASSWORD })
    const logins: number[] = []
    let token = ''
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now()
      token = (await authenticate(db, { username: 'admin', password: PASSWORD })).sessionToken
      logins.push(performance.now() - t0)
    }
    logins.sort((a, b) => a - b)
    const n = 5000
    const t0 = performance.now()
    for (let i = 0; i < n; i++) await resolveSession(db, token)
    const ms = performance.now() - t0
    console.log(`engine ${engine}`)
    console.log(`login (scrypt N=2^15) median ${logins[2]?.toFixed(0)} ms over 5`)
    console.log(
      `resolveSession ${(n / (ms / 1000)).toFixed(0)}/s sequential (${((ms * 1000) / n).toFixed(0)} µs each)`,
    )
  } finally {
    await db.destroy()
    if (engine === 'postgres') {
      const admin = await connect({ database: { engine: 'postgres', url } }, { migrate: false })
      await admin.schema.dropSchema(schema).cascade().execute()
      await admin.destroy()
    }
  }
}
