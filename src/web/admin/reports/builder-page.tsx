// The report builder page (/admin/reports/:agencyId/:year): deadline and days left, the findings of every
// rule by severity with the cells they concern, the six sections (一 pre-filled, 五/六 editable), 表二/三/四
// computed live with every cell a drill-down link, 表二's hand-entered figures with their sources (form and CSV
// import), last year's report for the cross-year rules, and publication (the gate, corrections as versions).
import { manualCells } from '../../../annual-report/compute/index.ts'
import { FORMATS, SECTION_KEYS } from '../../../annual-report/formats/index.ts'
import type { SectionKey } from '../../../annual-report/formats/index.ts'
import { cellName } from '../../../annual-report/index.ts'
import type { Finding } from '../../../annual-report/index.ts'
import type { ReportBuilderView } from '../../../annual-report/publish/index.ts'
import { versionJsonPath } from '../../../annual-report/publish/index.ts'
import { CsrfField } from '../../shared/form-fields.tsx'
import { ReportTables } from './report-tables.tsx'

export interface BuilderMessages {
  readonly notice?: string
  readonly message?: string
  readonly errors?: Readonly<Record<string, string>>
  readonly values?: Readonly<Record<string, string>>
}

const SEVERITY_LABELS = { error: '错误', warning: '警告', info: '提示' } as const

function beijing(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}

/** Why a version was published over errors (the 机构管理员's written reason), or nothing. */
function overrideNote(v: ReportBuilderView['versions'][number]): string {
  return v.overrideReason ? `存在${v.errorCount}项错误时发布，理由：${v.overrideReason}` : ''
}

function Deadline({ view }: { view: ReportBuilderView }) {
  const d = view.deadline
  const days =
    d.daysLeft === null
      ? ''
      : d.daysLeft >= 0
        ? `距公布期限还有${d.daysLeft}天`
        : `已超过公布期限${-d.daysLeft}天`
  return (
    <section class="panel" aria-labelledby="deadline-h">
      <h2 id="deadline-h">公布期限</h2>
      <p safe>{d.date === null ? '无法定公布期限' : `${d.date}前向社会公布；${days}`}</p>
      <p class="hint" safe>
        {d.basis}
      </p>
    </section>
  )
}

function Findings({ view, base }: { view: ReportBuilderView; base: string }) {
  const format = FORMATS[view.report.format ?? 'gov2021']
  const groups = (['error', 'warning', 'info'] as const).map((s) => ({
    severity: s,
    items: view.findings.filter((f) => f.severity === s),
  }))
  const cellLinks = (f: Finding) =>
    f.cells.map((c) => (
      <a href={`${base}/cells/${c}`} safe>
        {cellName(format, c)}
      </a>
    ))
  return (
    <section class="panel" aria-labelledby="findings-h" id="findings">
      <h2 id="findings-h">校验结果</h2>
      <p safe>{`跨年度核对依据：${view.previous.label}`}</p>
      {view.findings.length === 0 ? <p class="notice">全部规则校验通过。</p> : ''}
      {groups
        .filter((g) => g.items.length > 0)
        .map((g) => (
          <>
            <h3 safe>{`${SEVERITY_LABELS[g.severity]}（${g.items.length}项）`}</h3>
            <ul class={`findings findings-${g.severity}`}>
              {g.items.map((f) => (
                <li data-rule={f.rule} data-severity={f.severity}>
                  <strong safe>{f.rule}</strong> <span safe>{f.message}</span>
                  {f.cells.length > 0 ? <span> — 涉及：{cellLinks(f)}</span> : ''}
                </li>
              ))}
            </ul>
          </>
        ))}
      {view.computed.balance.breakers.length > 0 ? (
        <>
          <h3>破坏平衡关系的申请</h3>
          <ul>
            {view.computed.balance.breakers.map((b) => (
              <li>
                <a href={`/admin/applications/${b.applicationId}`} safe>
                  {`申请 ${b.applicationId}`}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
    </section>
  )
}

const SECTION_HINTS: Partial<Record<SectionKey, string>> = {
  s1_overview: '已根据统计数据生成草稿，请改写为本机关的总体情况。',
  s6_other: '已根据收费通知记录预填信息处理费情况。',
}

function Sections({ view, base, token }: { view: ReportBuilderView; base: string; token: string }) {
  const format = FORMATS[view.report.format ?? 'gov2021']
  return (
    <section class="panel" aria-labelledby="sections-h">
      <h2 id="sections-h">报告正文</h2>
      <form method="post" action={`${base}/sections`} class="stacked">
        <CsrfField token={token} />
        {SECTION_KEYS.map((key) => {
          const def = format.sections.find((s) => s.key === key)
          const id = `sec-${key}`
          return (
            <div class="field">
              <label for={id} safe>
                {`${def?.number ?? ''}、${def?.label ?? key}`}
              </label>
              {SECTION_HINTS[key] ? (
                <p class="hint" safe>
                  {SECTION_HINTS[key]}
                </p>
              ) : (
                ''
              )}
              <textarea
                id={id}
                name={key}
                rows={key === 's1_overview' ? '8' : '4'}
                disabled={!view.abilities.edit}
                safe
              >
                {view.report.sections[key] ?? ''}
              </textarea>
            </div>
          )
        })}
        {view.abilities.edit ? <button type="submit">保存文稿</button> : ''}
        {view.draftSavedAt ? (
          <p class="muted" safe>{`上次保存：${beijing(view.draftSavedAt)}（北京时间）`}</p>
        ) : (
          ''
        )}
      </form>
    </section>
  )
}

function ManualFigures(props: {
  view: ReportBuilderView
  base: string
  token: string
  msg: BuilderMessages
}) {
  const { view, base, token, msg } = props
  const format = FORMATS[view.report.format ?? 'gov2021']
  const byCell = new Map(view.computed.manualFigures.map((f) => [f.cell, f]))
  const e = msg.errors ?? {}
  const cells = manualCells(format)
  return (
    <section class="panel" aria-labelledby="figures-h" id="figures">
      <h2 id="figures-h">表二手工填报数据</h2>
      <p class="hint">
        行政许可、行政处罚、行政强制和行政事业性收费数据来自其他系统，请逐项填写并注明数据来源。
      </p>
      <form method="post" action={`${base}/figures`}>
        <CsrfField token={token} />
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">项目</th>
                <th scope="col">数值</th>
                <th scope="col">数据来源</th>
              </tr>
            </thead>
            <tbody>
              {cells.map((cell, i) => {
                const f = byCell.get(cell)
                const err = e[`figures.${i}.value`] ?? e[`figures.${i}.source`]
                return (
                  <tr>
                    <th scope="row">
                      <label for={`v-${i}`} safe>
                        {cellName(format, cell)}
                      </label>
                    </th>
                    <td>
                      <input type="hidden" name="cell" value={cell} />
                      <input
                        id={`v-${i}`}
                        name="value"
                        value={msg.values?.[`v:${cell}`] ?? f?.value ?? ''}
                        inputmode="decimal"
                        disabled={!view.abilities.edit}
                        aria-invalid={err ? 'true' : undefined}
                      />
                      {err ? (
                        <p class="error" safe>
                          {err}
                        </p>
                      ) : (
                        ''
                      )}
                    </td>
                    <td>
                      <input
                        name="source"
                        aria-label={`${cellName(format, cell)} 数据来源`}
                        value={msg.values?.[`s:${cell}`] ?? f?.source ?? ''}
                        maxlength={200}
                        disabled={!view.abilities.edit}
                      />
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
        {view.abilities.edit ? <button type="submit">保存填报数据</button> : ''}
      </form>
      {view.abilities.edit ? (
        <form method="post" action={`${base}/figures/csv`} enctype="multipart/form-data" class="stacked">
          <CsrfField token={token} />
          <div class="field">
            <label for="csv-file">从CSV文件导入（列：项目,数值,来源）</label>
            <input id="csv-file" type="file" name="file" accept=".csv,text/csv" />
            {e.csv ? (
              <p class="error" safe>
                {e.csv}
              </p>
            ) : (
              ''
            )}
          </div>
          <button type="submit" class="secondary">
            导入CSV
          </button>
        </form>
      ) : (
        ''
      )}
    </section>
  )
}

function Previous(props: { view: ReportBuilderView; base: string; token: string; msg: BuilderMessages }) {
  const { view, base, token, msg } = props
  if (!view.abilities.edit || view.previous.source === 'published') return ''
  return (
    <section class="panel" aria-labelledby="previous-h">
      <h2 id="previous-h" safe>{`导入${view.year - 1}年度已发布的报告`}</h2>
      <p class="hint">
        本机关在年中开始使用本系统时，上传上一年度已发布的报告（HTML、Word、PDF），用于核对上年结转。
      </p>
      <form method="post" action={`${base}/previous`} enctype="multipart/form-data" class="stacked">
        <CsrfField token={token} />
        <div class="field">
          <label for="previous-file">报告文件</label>
          <input id="previous-file" type="file" name="file" />
          {msg.errors?.file ? (
            <p class="error" safe>
              {msg.errors.file}
            </p>
          ) : (
            ''
          )}
        </div>
        <button type="submit" class="secondary">
          导入并核对
        </button>
      </form>
    </section>
  )
}

function Publish(props: { view: ReportBuilderView; base: string; token: string; msg: BuilderMessages }) {
  const { view, base, token, msg } = props
  const errors = view.findings.filter((f) => f.severity === 'error').length
  const e = msg.errors ?? {}
  return (
    <section class="panel" aria-labelledby="publish-h" id="publish">
      <h2 id="publish-h">发布</h2>
      {view.versions.length > 0 ? (
        <div class="table-wrap">
          <table>
            <caption>已发布版本</caption>
            <thead>
              <tr>
                <th scope="col">版本</th>
                <th scope="col">发布时间（北京时间）</th>
                <th scope="col">更正内容</th>
                <th scope="col">说明</th>
                <th scope="col">下载</th>
              </tr>
            </thead>
            <tbody>
              {view.versions.map((v) => (
                <tr>
                  <td safe>{`第${v.version}版`}</td>
                  <td safe>{beijing(v.publishedAt)}</td>
                  <td safe>{v.changeNote ?? ''}</td>
                  <td safe>{overrideNote(v)}</td>
                  <td>
                    <a href={`/admin/catalogue/items/${v.itemId}`}>年报栏目信息</a>{' '}
                    <a href={versionJsonPath(view.agency.id, view.year, v.version)}>表格数据（JSON）</a>{' '}
                    <code safe>{`SHA-256 ${v.contentHash}`}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="muted">尚未发布。</p>
      )}
      {errors > 0 ? (
        <p class="alert" role="alert" safe>
          {`存在${errors}项错误，修正后才能发布${view.abilities.override ? '；如确需发布，机构管理员可填写书面理由' : ''}。`}
        </p>
      ) : (
        ''
      )}
      {view.abilities.publish ? (
        <form method="post" action={`${base}/publish`} class="stacked">
          <CsrfField token={token} />
          {view.versions.length > 0 ? (
            <div class="field">
              <label for="change-note">更正内容（必填：已发布的报告不能修改，更正作为新版本发布）</label>
              <textarea id="change-note" name="changeNote" rows="3" maxlength="2000" safe>
                {msg.values?.changeNote ?? ''}
              </textarea>
              {e.changeNote ? (
                <p class="error" safe>
                  {e.changeNote}
                </p>
              ) : (
                ''
              )}
            </div>
          ) : (
            ''
          )}
          {errors > 0 && view.abilities.override ? (
            <div class="field">
              <label for="override-reason">存在错误仍发布的书面理由（将记入审计日志）</label>
              <textarea id="override-reason" name="overrideReason" rows="3" maxlength="2000" safe>
                {msg.values?.overrideReason ?? ''}
              </textarea>
              {e.overrideReason ? (
                <p class="error" safe>
                  {e.overrideReason}
                </p>
              ) : (
                ''
              )}
            </div>
          ) : (
            ''
          )}
          <button type="submit" disabled={errors > 0 && !view.abilities.override}>
            {view.versions.length > 0 ? '发布更正版本' : '发布年度报告'}
          </button>
        </form>
      ) : (
        ''
      )}
    </section>
  )
}

export function BuilderPage(props: { view: ReportBuilderView; token: string; msg: BuilderMessages }) {
  const { view, token, msg } = props
  const base = `/admin/reports/${view.agency.id}/${view.year}`
  const errorCells = new Set(view.findings.filter((f) => f.severity === 'error').flatMap((f) => f.cells))
  const warningCells = new Set(view.findings.filter((f) => f.severity === 'warning').flatMap((f) => f.cells))
  return (
    <>
      <h1 safe>{view.report.title ?? ''}</h1>
      <p class="actions">
        <a href={`/admin/reports/${view.agency.id}/${view.year - 1}`} safe>{`${view.year - 1}年度`}</a>
        <a href={`/admin/reports/${view.agency.id}/${view.year + 1}`} safe>{`${view.year + 1}年度`}</a>
        <a href={`/admin/reports/aggregate/${view.agency.id}/${view.year}`}>下级机构汇总</a>
      </p>
      {msg.notice ? (
        <p class="notice" role="status" safe>
          {msg.notice}
        </p>
      ) : (
        ''
      )}
      {msg.message ? (
        <p class="alert" role="alert" safe>
          {msg.message}
        </p>
      ) : (
        ''
      )}
      <Deadline view={view} />
      <Findings view={view} base={base} />
      <Sections view={view} base={base} token={token} />
      <section class="panel" aria-labelledby="tables-h">
        <h2 id="tables-h">统计表（根据本系统数据实时计算，点击数字查看对应记录）</h2>
        {view.computed.notes.map((n) => (
          <p class="hint" safe>
            {n}
          </p>
        ))}
        <ReportTables
          report={view.report}
          linkBase={base}
          errorCells={errorCells}
          warningCells={warningCells}
        />
      </section>
      <ManualFigures view={view} base={base} token={token} msg={msg} />
      <Previous view={view} base={base} token={token} msg={msg} />
      <Publish view={view} base={base} token={token} msg={msg} />
    </>
  )
}
