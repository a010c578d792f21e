import { describe, expect, it } from 'vitest'
import { abilities, ACTIONS, can, listScope, POLICY_MATRIX, relationsOf } from './policy.ts'
import type { PolicyTarget, Relation } from './policy-types.ts'
import { ROLES, type Role } from './role.ts'
import { assignableRoles } from './user.policy.ts'
import type { Actor } from './user.ts'

// Actor in agency 4 (path /1/4/): agency 1 is its superior, 9 its subordinate, 7 unrelated.
const actorWith = (...roles: Role[]): Actor => ({
  userId: 10,
  username: 'u',
  displayName: 'U',
  agencyId: 4,
  agencyPath: '/1/4/',
  agencyName: '本级',
  roles,
  mustChangePassword: false,
})

const TARGETS: Record<Relation | 'superior_agency', PolicyTarget> = {
  self: { agencyId: 4, agencyPath: '/1/4/', userId: 10, roles: ['publisher'] },
  own_agency: { agencyId: 4, agencyPath: '/1/4/', userId: 11, roles: ['publisher'] },
  subordinate_agency: { agencyId: 9, agencyPath: '/1/4/9/', userId: 12, roles: ['publisher'] },
  other_agency: { agencyId: 7, agencyPath: '/7/', userId: 13, roles: ['publisher'] },
  superior_agency: { agencyId: 1, agencyPath: '/1/', userId: 14, roles: ['publisher'] },
}

describe('policy kernel', () => {
  it('decides every action × role × relation exactly as POLICY_MATRIX says', () => {
    for (const action of ACTIONS) {
      for (const role of ROLES) {
        for (const rel of ['own_agency', 'subordinate_agency', 'other_agency'] as const) {
          const agencyOnly = { agencyId: TARGETS[rel].agencyId, agencyPath: TARGETS[rel].agencyPath }
          expect(can(actorWith(role), action, agencyOnly), `${action} ${role} ${rel}`).toBe(
            POLICY_MATRIX[action][role].includes(rel),
          )
        }
        const selfAllowed = POLICY_MATRIX[action][role].some((r) => r === 'self' || r === 'own_agency')
        expect(can(actorWith(role), action, TARGETS.self), `${action} ${role} self`).toBe(selfAllowed)
      }
    }
  })

  it('treats a superior agency like any other agency: nobody but a platform administrator acts upward', () => {
    for (const action of ACTIONS) {
      for (const role of ROLES) {
        expect(can(actorWith(role), action, TARGETS.superior_agency)).toBe(role === 'platform_admin')
      }
    }
  })

  it('keeps the matrix invariant listScope relies on: subordinate access implies own-agency access', () => {
    for (const action of ACTIONS) {
      for (const role of ROLES) {
        const rels = POLICY_MATRIX[action][role]
        if (rels.includes('subordinate_agency')) expect(rels, `${action} ${role}`).toContain('own_agency')
      }
    }
  })

  it('lets a platform administrator do everything and a supervisor only view', () => {
    for (const action of ACTIONS) {
      for (const target of Object.values(TARGETS)) {
        expect(can(actorWith('platform_admin'), action, target)).toBe(true)
      }
      expect(can(actorWith('supervisor'), action, TARGETS.subordinate_agency)).toBe(
        action === 'agency.view' || action === 'user.view',
      )
    }
  })

  it('protects a platform administrator account from an agency administrator, even in its subtree', () => {
    const boss: PolicyTarget = { ...TARGETS.subordinate_agency, roles: ['platform_admin'] }
    const admin = actorWith('agency_admin')
    expect(can(admin, 'user.view', boss)).toBe(true)
    expect(can(admin, 'user.update', boss)).toBe(false)
    expect(can(admin, 'user.reset_password', boss)).toBe(false)
    expect(can(actorWith('platform_admin'), 'user.reset_password', boss)).toBe(true)
  })

  it('combines roles: a publisher who is also a supervisor sees the subtree', () => {
    expect(can(actorWith('publisher'), 'user.view', TARGETS.subordinate_agency)).toBe(false)
    expect(can(actorWith('publisher', 'supervisor'), 'user.view', TARGETS.subordinate_agency)).toBe(true)
  })

  it('abilities lists every action for the UI', () => {
    const a = abilities(actorWith('agency_admin'), TARGETS.own_agency)
    expect(Object.keys(a).sort()).toEqual([...ACTIONS].sort())
    expect(a['user.reset_password']).toBe(true)
    expect(abilities(actorWith('reviewer'), TARGETS.own_agency)['user.reset_password']).toBe(false)
  })

  it('relationsOf marks the actor account itself as self and own agency', () => {
    expect(relationsOf(actorWith('publisher'), TARGETS.self)).toEqual(['self', 'own_agency'])
    expect(relationsOf(actorWith('publisher'), TARGETS.superior_agency)).toEqual(['other_agency'])
  })

  it('listScope turns the matrix into list filters per role', () => {
    expect(listScope(actorWith('platform_admin'), 'user.view').all).toBe(true)
    expect(listScope(actorWith('agency_admin'), 'user.view')).toEqual({
      all: false,
      subtreePaths: ['/1/4/'],
      agencyIds: [4],
      userIds: [10],
    })
    expect(listScope(actorWith('publisher'), 'user.view')).toEqual({
      all: false,
      subtreePaths: [],
      agencyIds: [],
      userIds: [10],
    })
    expect(listScope(actorWith('case_officer'), 'audit.view')).toEqual({
      all: false,
      subtreePaths: [],
      agencyIds: [],
      userIds: [],
    })
  })

  it('assignableRoles: agency administrators grant every role but platform_admin; others none', () => {
    expect(assignableRoles(actorWith('platform_admin'))).toEqual(ROLES)
    expect(assignableRoles(actorWith('agency_admin'))).not.toContain('platform_admin')
    expect(assignableRoles(actorWith('agency_admin'))).toHaveLength(ROLES.length - 1)
    expect(assignableRoles(actorWith('supervisor'))).toEqual([])
  })
})
