// 表二、表三、表四 of a report as console tables: one cell per format cell, each computed or entered cell a link
// to the records behind it (drill-down) when a link base is given, cells named by a finding marked.
import { FORMATS } from '../../../annual-report/formats/index.ts'
import type { ReportFormat } from '../../../annual-report/formats/index.ts'
import type { AnnualReport } from '../../../annual-report/model.ts'

export interface TablesProps {
  readonly report: AnnualReport
  /** `/admin/reports/<agency>/<year>`: cells link to `<base>/cells/<address>`; none for sums. */
  readonly linkBase?: string
  /** Addresses named by an error finding, and by a warning. */
  readonly errorCells?: ReadonlySet<string>
  readonly warningCells?: ReadonlySet<string>
}

function Cell(props: TablesProps & { address: string }) {
  const value = props.report.cells[props.address]
  const text = value === undefined ? '' : String(value)
  const cls = props.errorCells?.has(props.address)
    ? 'cell-error'
    : props.warningCells?.has(props.address)
      ? 'cell-warning'
      : undefined
  const label = text === '' ? '未填' : text
  return (
    <td class={cls} data-cell={props.address}>
      {props.linkBase ? (
        <a href={`${props.linkBase}/cells/${props.address}`} safe>
          {label}
        </a>
      ) : (
        <span safe>{text}</span>
      )}
    </td>
  )
}

function T2(props: TablesProps & { format: ReportFormat }) {
  return (
    <>
      {props.format.t2.blocks.map((block) => (
        <div class="table-wrap">
          <table>
            <caption safe>{`${block.caption}（${block.legalBasis}）`}</caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {props.format.t2.rowHeaderLabel}
                </th>
                {block.columns.map((c) => (
                  <th scope="col" safe>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row) => (
                <tr>
                  <th scope="row" safe>
                    {row.label}
                  </th>
                  {block.columns.map((c) => (
                    <Cell {...props} address={`t2.${block.key}.${row.key}.${c.key}`} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  )
}

function T3(props: TablesProps & { format: ReportFormat }) {
  const { t3 } = props.format
  const groupLabel = (key: string | undefined) => t3.rowGroups.find((g) => g.key === key)?.label ?? ''
  return (
    <div class="table-wrap">
      <table>
        <caption safe>{t3.label}</caption>
        <thead>
          <tr>
            <th scope="col">项目</th>
            {t3.columns.map((c) => (
              <th scope="col" safe>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {t3.rows.map((row) => (
            <tr>
              <th scope="row" safe>
                {row.group ? `${groupLabel(row.group)} ${row.label}` : row.label}
              </th>
              {t3.columns.map((c) => (
                <Cell {...props} address={`t3.${row.key}.${c.key}`} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function T4(props: TablesProps & { format: ReportFormat }) {
  const { t4 } = props.format
  const groupLabel = (key: string | undefined) => t4.columnGroups.find((g) => g.key === key)?.label ?? ''
  return (
    <div class="table-wrap">
      <table>
        <caption safe>{t4.label}</caption>
        <thead>
          <tr>
            {t4.columns.map((c) => (
              <th scope="col" safe>
                {`${groupLabel(c.group)} ${c.label}`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {t4.columns.map((c) => (
              <Cell {...props} address={`t4.count.${c.key}`} />
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  )
}

export function ReportTables(props: TablesProps & { only?: 't2' | 't3' | 't4' }) {
  const format = FORMATS[props.report.format ?? 'gov2021']
  return (
    <>
      {props.only === undefined || props.only === 't2' ? <T2 {...props} format={format} /> : ''}
      {props.only === undefined || props.only === 't3' ? <T3 {...props} format={format} /> : ''}
      {props.only === undefined || props.only === 't4' ? <T4 {...props} format={format} /> : ''}
    </>
  )
}
