import { expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { buildUser, TEST_PASSWORD } from '../../../test/factories.ts'
import { DomainError } from '../../shared/domain-error.ts'
import { authenticate, LOCKOUT_MINUTES, LOCKOUT_THRESHOLD } from './authenticate.ts'
import { logout } from './logout.ts'
import { resolveSession } from './sessions.ts'

const attempt = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  )

describeDb('authenticate and sessions', () => {
  const t = useTestDb()

  it('logs in with the right password, case-insensitive username, and the session resolves to the actor', async () => {
    const { user } = await buildUser(t.db, { roles: ['reviewer'] })
    const { actor, sessionToken } = await authenticate(t.db, {
      username: ` ${user.username.toUpperCase()} `,
      password: TEST_PASSWORD,
    })
    expect(actor).toMatchObject({ userId: user.id, agencyId: user.agencyId, roles: ['reviewer'] })
    expect(await resolveSession(t.db, sessionToken)).toEqual(actor)
    const stored = await t.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('user_id', '=', user.id)
      .execute()
    expect(stored.map((s) => s.token_hash)).not.toContain(sessionToken)
  })

  it('gives the same error for an unknown username and a wrong password', async () => {
    const { user } = await buildUser(t.db)
    const a = await authenticate(t.db, { username: user.username, password: 'wrong-password-1' }).catch(
      (e: unknown) => e,
    )
    const b = await authenticate(t.db, { username: 'nobody-here', password: 'wrong-password-1' }).catch(
      (e: unknown) => e,
    )
    expect(a).toMatchObject({ code: 'unauthenticated', message: '用户名或密码错误' })
    expect(b).toMatchObject({ code: 'unauthenticated', message: '用户名或密码错误' })
  })

  it(`locks a username after ${LOCKOUT_THRESHOLD} failures, even for the right password, until the lock expires`, async () => {
    const { user } = await buildUser(t.db)
    const start = new Date('2026-03-02T01:00:00.000Z')
    const results: string[] = []
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) {
      results.push(
        await attempt(authenticate(t.db, { username: user.username, password: `bad-${i}` }, { now: start })),
      )
    }
    expect(results.slice(0, -1).every((r) => r === 'unauthenticated')).toBe(true)
    expect(results.at(-1)).toBe('locked')
    const right = { username: user.username, password: TEST_PASSWORD }
    expect(await attempt(authenticate(t.db, right, { now: new Date(start.getTime() + 60_000) }))).toBe(
      'locked',
    )
    const later = new Date(start.getTime() + (LOCKOUT_MINUTES + 1) * 60_000)
    expect(await attempt(authenticate(t.db, right, { now: later }))).toBe('ok')
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'user.login_locked')
      .execute()
    expect(audit.length).toBeGreaterThan(0)
  })

  it('counts concurrent failures without losing any, so parallel guessing still locks', async () => {
    const { user } = await buildUser(t.db)
    await Promise.all(
      Array.from({ length: LOCKOUT_THRESHOLD }, (_, i) =>
        attempt(authenticate(t.db, { username: user.username, password: `parallel-${i}` })),
      ),
    )
    expect(await attempt(authenticate(t.db, { username: user.username, password: TEST_PASSWORD }))).toBe(
      'locked',
    )
  })

  it('forgets a failure streak after a day without failures', async () => {
    const { user } = await buildUser(t.db)
    const day1 = new Date('2026-03-02T01:00:00.000Z')
    for (let i = 0; i < LOCKOUT_THRESHOLD - 1; i++) {
      await attempt(
        authenticate(t.db, { username: user.username, password: 'bad-password-1' }, { now: day1 }),
      )
    }
    const day2 = new Date(day1.getTime() + 25 * 3_600_000)
    const next = { username: user.username, password: 'bad-password-1' }
    expect(await attempt(authenticate(t.db, next, { now: day2 }))).toBe('unauthenticated')
  })

  it('a success resets the failure count', async () => {
    const { user } = await buildUser(t.db)
    for (let i = 0; i < LOCKOUT_THRESHOLD - 1; i++) {
      await attempt(authenticate(t.db, { username: user.username, password: 'bad-password-1' }))
    }
    await authenticate(t.db, { username: user.username, password: TEST_PASSWORD })
    expect(await attempt(authenticate(t.db, { username: user.username, password: 'bad-password-1' }))).toBe(
      'unauthenticated',
    )
  })

  it('ends a session after the idle time and after the absolute lifetime', async () => {
    const { user } = await buildUser(t.db)
    const t0 = new Date('2026-03-02T01:00:00.000Z')
    const at = (min: number) => new Date(t0.getTime() + min * 60_000)
    const policy = { idleMinutes: 30, maxHours: 1 }
    const { sessionToken } = await authenticate(
      t.db,
      { username: user.username, password: TEST_PASSWORD },
      { ...policy, now: t0 },
    )
    // Active every 20 minutes: never idle, but the absolute limit of one hour still ends it.
    expect(await resolveSession(t.db, sessionToken, { ...policy, now: at(20) })).not.toBeNull()
    expect(await resolveSession(t.db, sessionToken, { ...policy, now: at(40) })).not.toBeNull()
    expect(await resolveSession(t.db, sessionToken, { ...policy, now: at(61) })).toBeNull()

    const idle = await authenticate(
      t.db,
      { username: user.username, password: TEST_PASSWORD },
      { ...policy, now: t0 },
    )
    expect(await resolveSession(t.db, idle.sessionToken, { ...policy, now: at(31) })).toBeNull()
  })

  it('refreshes last-seen at most once a minute, so most requests do not write', async () => {
    const { user } = await buildUser(t.db)
    const t0 = new Date('2026-03-02T01:00:00.000Z')
    const { sessionToken } = await authenticate(
      t.db,
      { username: user.username, password: TEST_PASSWORD },
      { now: t0 },
    )
    const lastSeen = async () =>
      (
        await t.db
          .selectFrom('sessions')
          .select('last_seen_at')
          .where('user_id', '=', user.id)
          .executeTakeFirstOrThrow()
      ).last_seen_at
    await resolveSession(t.db, sessionToken, { now: new Date(t0.getTime() + 30_000) })
    expect(await lastSeen()).toBe(t0.toISOString())
    await resolveSession(t.db, sessionToken, { now: new Date(t0.getTime() + 90_000) })
    expect(await lastSeen()).toBe(new Date(t0.getTime() + 90_000).toISOString())
  })

  it('logout destroys the session and records it; unknown tokens resolve to null', async () => {
    const { user } = await buildUser(t.db)
    const { actor, sessionToken } = await authenticate(t.db, {
      username: user.username,
      password: TEST_PASSWORD,
    })
    await logout(t.db, actor, { sessionToken })
    expect(await resolveSession(t.db, sessionToken)).toBeNull()
    expect(await resolveSession(t.db, 'not-a-token')).toBeNull()
    expect(await resolveSession(t.db, '')).toBeNull()
  })

  it('upgrades a hash with weaker parameters at login', async () => {
    const { user } = await buildUser(t.db)
    await authenticate(t.db, { username: user.username, password: TEST_PASSWORD })
    const row = await t.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow()
    expect(row.password_hash.startsWith('scrypt$16384$8$5$')).toBe(true)
  })
})
