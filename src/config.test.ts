import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

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
    })
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
  ])('rejects %j with a ConfigError naming the variable', (env, message) => {
    expect(() => loadConfig(env, {}, CWD)).toThrow(ConfigError)
    expect(() => loadConfig(env, {}, CWD)).toThrow(message)
  })
})
