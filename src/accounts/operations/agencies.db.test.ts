import { expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { buildActor, buildAgencyTree } from '../../../test/factories.ts'
import { DomainError } from '../../shared/domain-error.ts'
import { createAgency } from './create-agency.ts'
import { getAgency, listAgencies, listAgenciesFlat } from './list-agencies.ts'
import { updateAgency } from './update-agency.ts'

const errorCode = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  )

describeDb('agency operations', () => {
  const t = useTestDb()

  it('createAgency puts the agency under its parent with a materialised path and all its details', async () => {
    const { mid } = await buildAgencyTree(t.db)
    const admin = await buildActor(t.db, mid, 'agency_admin')
    const a = await createAgency(t.db, admin, {
      parentId: mid.id,
      name: '  示例区某某局  ',
      kind: 'department',
      creditCode: '11370900004341590p',
      site: { siteCode: '3709000001', sponsor: '示例区某某局', icpRecord: '鲁ICP备00000000号' },
      guide: { office: '政务公开办公室', phone: '0538-0000000', email: 'gk@example.org', postcode: '271000' },
    })
    expect(a).toMatchObject({
      parentId: mid.id,
      path: `${mid.path}${a.id}/`,
      name: '示例区某某局',
      creditCode: '11370900004341590P',
      site: { siteCode: '3709000001', policeRecord: null },
      guide: { office: '政务公开办公室', postcode: '271000', fax: null },
    })
    expect(await getAgency(t.db, admin, a.id)).toEqual(a)
  })

  it('createAgency rejects a credit code with a wrong check character, naming the field in Chinese', async () => {
    const { mid } = await buildAgencyTree(t.db)
    const admin = await buildActor(t.db, mid, 'agency_admin')
    const err = await createAgency(t.db, admin, {
      parentId: mid.id,
      name: '某局',
      kind: 'department',
      creditCode: '11370900004341590Q',
    }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DomainError)
    expect((err as DomainError).fields.creditCode).toMatch(/校验位/)
  })

  it('an agency administrator may add agencies below its own agency only; roots are for platform administrators', async () => {
    const { root, mid, leaf, other } = await buildAgencyTree(t.db)
    const admin = await buildActor(t.db, mid, 'agency_admin')
    const input = { name: '新机构', kind: 'department' as const }
    expect(await errorCode(createAgency(t.db, admin, { ...input, parentId: leaf.id }))).toBe('resolved')
    expect(await errorCode(createAgency(t.db, admin, { ...input, parentId: root.id }))).toBe('forbidden')
    expect(await errorCode(createAgency(t.db, admin, { ...input, parentId: other.id }))).toBe('forbidden')
    expect(await errorCode(createAgency(t.db, admin, input))).toBe('forbidden')
    const platform = await buildActor(t.db, other, 'platform_admin')
    expect(await errorCode(createAgency(t.db, platform, input))).toBe('resolved')
  })

  it('updateAgency changes only the given keys and replaces the guide as a whole', async () => {
    const { mid } = await buildAgencyTree(t.db)
    const admin = await buildActor(t.db, mid, 'agency_admin')
    const a = await createAgency(t.db, admin, {
      parentId: mid.id,
      name: '旧名',
      kind: 'department',
      guide: { office: '旧办公室', phone: '1' },
    })
    const b = await updateAgency(t.db, admin, { id: a.id, name: '新名', guide: { address: '某路1号' } })
    expect(b).toMatchObject({ name: '新名', kind: 'department', guide: { office: null, address: '某路1号' } })
  })

  it('updateAgency moves an agency with its subtree, and refuses a move under its own descendant', async () => {
    const { root, mid, leaf, other } = await buildAgencyTree(t.db)
    const platform = await buildActor(t.db, root, 'platform_admin')
    const moved = await updateAgency(t.db, platform, { id: mid.id, parentId: other.id })
    expect(moved.path).toBe(`${other.path}${mid.id}/`)
    expect((await getAgency(t.db, platform, leaf.id)).path).toBe(`${other.path}${mid.id}/${leaf.id}/`)
    expect(await errorCode(updateAgency(t.db, platform, { id: mid.id, parentId: leaf.id }))).toBe(
      'invalid_input',
    )
  })

  it('an agency administrator cannot move its own agency away from its reach', async () => {
    const { mid, leaf } = await buildAgencyTree(t.db)
    const admin = await buildActor(t.db, mid, 'agency_admin')
    const sibling = await createAgency(t.db, admin, { parentId: mid.id, name: '平级', kind: 'department' })
    expect(await errorCode(updateAgency(t.db, admin, { id: mid.id, parentId: null }))).toBe('forbidden')
    expect(await errorCode(updateAgency(t.db, admin, { id: leaf.id, parentId: sibling.id }))).toBe('resolved')
  })

  it('listAgencies shows a supervisor its subtree as a tree and a publisher only its own agency', async () => {
    const { root, mid, leaf, other } = await buildAgencyTree(t.db)
    const supervisor = await buildActor(t.db, mid, 'supervisor')
    const tree = await listAgencies(t.db, supervisor)
    expect(tree.map((n) => n.id)).toEqual([mid.id])
    expect(tree[0]?.children.map((n) => n.id)).toEqual([leaf.id])
    const publisher = await buildActor(t.db, leaf, 'publisher')
    expect((await listAgenciesFlat(t.db, publisher)).map((a) => a.id)).toEqual([leaf.id])
    expect(await errorCode(getAgency(t.db, supervisor, root.id))).toBe('forbidden')
    expect(await errorCode(getAgency(t.db, supervisor, other.id))).toBe('forbidden')
  })
})
