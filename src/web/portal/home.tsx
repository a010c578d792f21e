// The platform home (/): every agency that has a 政府信息公开 专栏, with a link to it and a search box.
import { listPortalAgencies } from '../../catalogue/portal.queries.ts'
import { PortalLayout } from '../shared/portal-layout.tsx'
import { agencyHref, platformSite, PLATFORM_NAME, type PortalContext } from './portal-context.ts'
import type { Rendered } from './portal-response.ts'

export async function renderPlatformHome(ctx: PortalContext): Promise<Rendered> {
  const agencies = await listPortalAgencies(ctx.db)
  const body = await (
    <PortalLayout
      title="首页"
      site={platformSite(ctx.host)}
      columnName="首页"
      columnType="首页"
      display={ctx.display}
      currentPath={ctx.url}
      crumbs={[{ label: '首页' }]}
    >
      <h1>{PLATFORM_NAME}</h1>
      <section aria-labelledby="agencies-heading">
        <h2 id="agencies-heading">各单位政府信息公开专栏</h2>
        {agencies.length === 0 ? (
          <p>暂无政府信息公开专栏。</p>
        ) : (
          <ul class="agency-list">
            {agencies.map((a) => (
              <li>
                <a href={agencyHref(a.id)} safe>
                  {a.name}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </PortalLayout>
  )
  return { body }
}
