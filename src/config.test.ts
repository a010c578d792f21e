import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, DEFAULT_LIMITS, loadConfig, pgSchemaOf } from './config.ts'

const CWD = '/srv/gongkai'

describe('loadConfig', () => {
  it('defaults to port 3000 and SQLite in ./data when nothing is set', () => {
    const c = loadConfig({}, {}, CWD)
    expect(c).toMatchObject({
      port: 3000,
      dataDir: path.join(CWD, 'data'),
      database: { engine: 'sqlite', file: path.join(CWD, 'data', 'gongkai.sqlite') },
      adminPassword: undefined,
      secureCookies: false,
      sessionIdleMinutes: 30,
      sessionMaxHours: 12,
      demo: false,
      metricsToken: undefined,
      limits: DEFAULT_LIMITS,
    })
    expect(DEFAULT_LIMITS).toEqual({
      bodyBytes: 1048576,
      uploadBytes: 52428800,
      requestTimeoutMs: 30000,
      queryTimeoutMs: 10000,
      searchPerMinute: 60,
      applySubmitsPerHour: 10,
      trackLookupsPerHour: 30,
    })
  })

  it('reads the metrics token and every limit', () => {
    const c = loadConfig(
      {
        GONGKAI_METRICS_TOKEN: 'abcdefghijklmnop-123',
        GONGKAI_BODY_LIMIT_KB: '64',
        GONGKAI_UPLOAD_LIMIT_MB: '20',
        GONGKAI_REQUEST_TIMEOUT_SECONDS: '5',
        GONGKAI_QUERY_TIMEOUT_SECONDS: '3',
        GONGKAI_SEARCH_RATE_LIMIT: '10',
        GONGKAI_APPLY_SUBMITS_PER_HOUR: '3',
        GONGKAI_TRACK_LOOKUPS_PER_HOUR: '7',
      },
      {},
      CWD,
    )
    expect(c.metricsToken).toBe('abcdefghijklmnop-123')
    expect(c.limits).toEqual({
      bodyBytes: 65536,
      uploadBytes: 20971520,
      requestTimeoutMs: 5000,
      queryTimeoutMs: 3000,
      searchPerMinute: 10,
      applySubmitsPerHour: 3,
      trackLookupsPerHour: 7,
    })
  })

  it('finds the PostgreSQL schema in the options parameter of DATABASE_URL', () => {
    expect(pgSchemaOf('postgres://u@db/gk')).toBe('public')
    expect(pgSchemaOf('postgres://u@db/gk?options=-c%20search_path%3Dgongkai')).toBe('gongkai')
    expect(pgSchemaOf('postgres://u@db/gk?options=-c%20search_path%3DA%3Bdrop')).toBeNull()
    const url = 'postgres://u@db/gk?options=-c%20search_path%3Dgk_prod'
    expect(loadConfig({ DATABASE_URL: url }, {}, CWD).database).toEqual({ engine: 'postgres', url })
  })

  it('uses PostgreSQL for a postgres:// DATABASE_URL and reads the other variables', () => {
    const c = loadConfig(
      {
        DATABASE_URL: 'postgres://u@db:5432/gk',
        PORT: '8080',
        GONGKAI_DATA_DIR: '/var/lib/gongkai',
        GONGKAI_SECURE_COOKIES: 'true',
        GONGKAI_ADMIN_PASSWORD: 'admin-pass-2024',
        GONGKAI_SESSION_IDLE_MINUTES: '15',
      },
      {},
      CWD,
    )
    expect(c).toMatchObject({
      port: 8080,
      dataDir: '/var/lib/gongkai',
      database: { engine: 'postgres', url: 'postgres://u@db:5432/gk' },
      secureCookies: true,
      adminPassword: 'admin-pass-2024',
      sessionIdleMinutes: 15,
    })
  })

  it('lets flags win over the environment, and treats empty variables as unset', () => {
    const c = loadConfig({ PORT: '8080', GONGKAI_DATA_DIR: '' }, { port: '9000', demo: true }, CWD)
    expect(c).toMatchObject({ port: 9000, demo: true, dataDir: path.join(CWD, 'data') })
  })

  it.each([
    [{ PORT: 'eighty' }, /PORT=eighty/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL=\(hidden\).*postgres/],
    [{ GONGKAI_ADMIN_PASSWORD: 'short' }, /GONGKAI_ADMIN_PASSWORD=\(hidden\)/],
    [{ GONGKAI_SECURE_COOKIES: 'maybe' }, /GONGKAI_SECURE_COOKIES=maybe/],
    [{ GONGKAI_SESSION_IDLE_MINUTES: '0' }, /GONGKAI_SESSION_IDLE_MINUTES/],
    [{ DATABASE_URL: 'postgres://u@db/gk?options=-c%20search_path%3D1%3Bx' }, /DATABASE_URL=\(hidden\).*schema/],
    [{ GONGKAI_METRICS_TOKEN: 'short' }, /GONGKAI_METRICS_TOKEN=\(hidden\): must be 16/],
    [{ GONGKAI_METRICS_TOKEN: 'has spaces in the token!!' }, /GONGKAI_METRICS_TOKEN=\(hidden\)/],
    [{ GONGKAI_BODY_LIMIT_KB: '1mb' }, /GONGKAI_BODY_LIMIT_KB=1mb: must be a whole number/],
    [{ GONGKAI_BODY_LIMIT_KB: '0' }, /GONGKAI_BODY_LIMIT_KB=0/],
    [{ GONGKAI_UPLOAD_LIMIT_MB: '2048' }, /GONGKAI_UPLOAD_LIMIT_MB=2048/],
    [{ GONGKAI_REQUEST_TIMEOUT_SECONDS: '-1' }, /GONGKAI_REQUEST_TIMEOUT_SECONDS=-1/],
    [{ GONGKAI_QUERY_TIMEOUT_SECONDS: '1.5' }, /GONGKAI_QUERY_TIMEOUT_SECONDS=1.5/],
    [{ GONGKAI_SEARCH_RATE_LIMIT: 'many' }, /GONGKAI_SEARCH_RATE_LIMIT=many/],
  ])('rejects %j with a ConfigError naming the variable', (env, message) => {
    expect(() => loadConfig(env, {}, CWD)).toThrow(ConfigError)
    expect(() => loadConfig(env, {}, CWD)).toThrow(message)
  })
})
