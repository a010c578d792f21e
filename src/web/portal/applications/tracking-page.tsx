// 办理进度查询: the tracking code and the applicant's phone number → status, answer deadline (or why it cannot be
// computed yet), the 补正 request with what to correct, and the letters sent, each downloadable by a POST that
// repeats the same proof. Nothing else about the application is shown; a wrong code or phone gives one
// generic message.
import type { TrackedDeadline, TrackedProgress } from '../../../applications/index.ts'
import { CsrfField, TextField } from '../../shared/form-fields.tsx'
import { ApplyPage, type ApplyPageFrame } from './apply-page.tsx'
import { chineseDate, ErrorSummary } from './form-parts.tsx'
import { groupedCode } from './receipt-page.tsx'

/** Where the letter download form posts (platform-wide: a letter belongs to the case, not to a page). */
export const LETTER_DOWNLOAD_PATH = '/ysqgk/track/letter'

const TRACK_LABELS: Readonly<Record<string, string>> = { trackingCode: '查询码', phone: '联系电话' }

export interface TrackingPageProps {
  readonly frame: ApplyPageFrame
  /** Where the lookup form posts (this page's own path). */
  readonly action: string
  readonly csrf: string
  readonly values?: { trackingCode?: string; phone?: string }
  readonly errors?: Readonly<Record<string, string>>
  readonly message?: string
  readonly result?: TrackedProgress
}

/** The answer deadline in words. */
export function deadlineText(deadline: TrackedDeadline, status: TrackedProgress['status']): string {
  switch (deadline.kind) {
    case 'due':
      return `${chineseDate(deadline.date)}（${deadline.limitWorkingDays}个工作日）`
    case 'calendar_unknown':
      return `暂无法确定：答复期限延伸至${deadline.year}年，${deadline.year}年的法定节假日安排尚未公布，公布后即可确定答复期限。`
    case 'paused':
      return `暂停计算${deadline.since === null ? '' : `（自${chineseDate(deadline.since)}起）`}：征求第三方或其他机关意见所需时间不计算在答复期限内（条例第三十三条第三款），已计算${deadline.countedWorkingDays}个工作日。`
    case 'concluded':
      return '已办结'
    case 'not_started':
      return status === 'awaiting_correction'
        ? '自收到补正后的申请之日起重新计算（条例第三十条）'
        : '尚未开始计算：自双方确认收到申请之日起计算（条例第三十一条）'
  }
}

function Result({ result, csrf, phone }: { result: TrackedProgress; csrf: string; phone: string }) {
  const c = result.correction
  return (
    <section class="track-result" id="track-result" aria-labelledby="track-result-title">
      <h2 id="track-result-title">办理进度</h2>
      <dl class="receipt">
        <dt>查询码</dt>
        <dd safe>{groupedCode(result.trackingCode)}</dd>
        <dt>受理机关</dt>
        <dd safe>{result.agencyName}</dd>
        <dt>办理状态</dt>
        <dd id="track-status" safe>
          {result.statusText}
        </dd>
        <dt>收到申请日期</dt>
        <dd safe>{result.receivedOn === null ? '待确认' : chineseDate(result.receivedOn)}</dd>
        <dt>答复期限</dt>
        <dd id="track-deadline" safe>
          {deadlineText(result.deadline, result.status)}
        </dd>
        {result.concludedOn !== null ? (
          <>
            <dt>办结日期</dt>
            <dd safe>{chineseDate(result.concludedOn)}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {c !== null ? (
        <section id="track-correction" aria-labelledby="track-correction-title">
          <h3 id="track-correction-title">补正告知</h3>
          <p safe>
            {`本机关于${chineseDate(c.requestedOn)}告知您对申请作出补正（条例第三十条），需要补正的事项如下：`}
          </p>
          <ol class="correction-items">
            {c.items.map((item) => (
              <li safe>{item}</li>
            ))}
          </ol>
          <p safe>
            {c.receivedOn !== null
              ? `本机关已于${chineseDate(c.receivedOn)}收到补正后的申请，答复期限自该日起计算。`
              : `补正期限为${c.periodWorkingDays}个工作日${
                  c.dueDate !== null
                    ? `，请于${chineseDate(c.dueDate)}前补正`
                    : c.dueYearUnknown !== null
                      ? `（${c.dueYearUnknown}年的法定节假日安排尚未公布，截止日期暂无法确定）`
                      : ''
                }。无正当理由逾期不补正的，视为放弃申请。`}
          </p>
        </section>
      ) : (
        ''
      )}
      <section id="track-letters" aria-labelledby="track-letters-title">
        <h3 id="track-letters-title">已发出的文书</h3>
        {result.letters.length === 0 ? (
          <p>暂无。</p>
        ) : (
          <table class="item-table letters">
            <thead>
              <tr>
                <th scope="col">文书</th>
                <th scope="col">文号</th>
                <th scope="col">发出日期</th>
                <th scope="col">下载</th>
              </tr>
            </thead>
            <tbody>
              {result.letters.map((l) => (
                <tr>
                  <td safe>{l.title}</td>
                  <td safe>{l.number}</td>
                  <td safe>{chineseDate(l.sentOn)}</td>
                  <td>
                    <form method="post" action={LETTER_DOWNLOAD_PATH} class="inline-form">
                      <CsrfField token={csrf} />
                      <input type="hidden" name="trackingCode" value={result.trackingCode} />
                      <input type="hidden" name="phone" value={phone} />
                      <input type="hidden" name="letterId" value={String(l.id)} />
                      <button type="submit" aria-label={`下载PDF：${l.title}（${l.number}）`}>
                        下载PDF
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  )
}

export function TrackingPage(props: TrackingPageProps) {
  const v = props.values ?? {}
  const e = props.errors ?? {}
  return (
    <ApplyPage frame={props.frame} title="办理进度查询" crumb="办理进度查询">
      <h1>政府信息公开申请办理进度查询</h1>
      <p>请输入提交申请后获得的查询码和申请时填写的联系电话。</p>
      {props.message !== undefined ? (
        <ErrorSummary
          message={props.message}
          errors={e}
          order={['trackingCode', 'phone']}
          labels={TRACK_LABELS}
        />
      ) : (
        ''
      )}
      <form class="apply-form track-form" method="post" action={props.action} novalidate>
        <CsrfField token={props.csrf} />
        <TextField
          name="trackingCode"
          label="查询码"
          hint="12位字母和数字，不区分大小写"
          value={v.trackingCode}
          error={e.trackingCode}
          required
          maxlength={40}
          autocomplete="off"
        />
        <TextField
          name="phone"
          label="联系电话"
          type="tel"
          value={v.phone}
          error={e.phone}
          required
          maxlength={40}
          autocomplete="tel"
        />
        <button type="submit">查询</button>
      </form>
      {props.result !== undefined ? (
        <Result result={props.result} csrf={props.csrf} phone={v.phone ?? ''} />
      ) : (
        ''
      )}
    </ApplyPage>
  )
}
