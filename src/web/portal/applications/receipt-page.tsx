// The receipt after an online application: the tracking code, what happens next under the 条例 (确认 of receipt,
// 补正, the answer period in words) and what the applicant just typed, with identity and contact details masked.
// It is only ever the answer to the POST itself (a repeated POST of the same form shows it again): no URL
// shows it later, so nothing about an application is on a page anyone else could open.
import {
  APPLICANT_TYPE_LABELS,
  CASE_STATUS_DESCRIPTIONS,
  DELIVERY_METHOD_LABELS,
  FORM_WANTED_LABELS,
  ID_TYPE_LABELS,
  maskEmail,
  maskIdNumber,
  maskPhone,
  ORG_SUBTYPE_LABELS,
  type SubmittedApplication,
} from '../../../applications/index.ts'
import { ApplyPage, type ApplyPageFrame } from './apply-page.tsx'
import { chineseDate } from './form-parts.tsx'
import type { FormValues } from './intake-input.ts'

function labelOf(labels: Readonly<Record<string, string>>, value: string | undefined): string {
  return value === undefined ? '' : (labels[value] ?? '')
}

function Row({ term, value }: { term: string; value: string | undefined }) {
  if (value === undefined || value.trim() === '') return ''
  return (
    <>
      <dt safe>{term}</dt>
      <dd safe>{value}</dd>
    </>
  )
}

/** Group a tracking code in fours so it is easy to read aloud and copy: 7K3M 9QXR 2BTD. */
export function groupedCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ')
}

export function ReceiptPage({
  frame,
  agencyId,
  submitted,
  values,
}: {
  frame: ApplyPageFrame
  agencyId: number
  submitted: SubmittedApplication
  values: FormValues
}) {
  const trim = (s: string | undefined) => (s ?? '').trim()
  const phone = trim(values.phone).replace(/[\s()（）-]/g, '')
  const idNumber = trim(values.idNumber).toUpperCase().replace(/\s/g, '')
  const email = trim(values.email)
  return (
    <ApplyPage frame={frame} title="申请已提交" crumb="申请回执">
      <h1>政府信息公开申请回执</h1>
      <p class="notice" role="status">
        {submitted.repeated
          ? '这份申请表此前已经提交，未重复登记。以下是该申请的回执。'
          : '您的政府信息公开申请已提交。'}
      </p>
      <dl class="receipt">
        <dt>查询码</dt>
        <dd>
          <strong class="tracking-code" id="tracking-code" safe>
            {submitted.trackingCode}
          </strong>
          <span class="hint" safe>
            （分组书写：{groupedCode(submitted.trackingCode)}）
          </span>
        </dd>
        <Row term="受理机关" value={submitted.agencyName} />
        <Row term="提交日期" value={chineseDate(submitted.submittedOn)} />
        <Row term="办理状态" value={CASE_STATUS_DESCRIPTIONS[submitted.status]} />
      </dl>
      <p>
        请记下或打印本页的<strong>查询码</strong>。凭查询码和您填写的联系电话，可在
        <a href={`/zfxxgk/${agencyId}/ysqgk/track`}>办理进度查询</a>
        页面查看办理状态、答复期限和本机关发出的文书。
        为保护您的个人信息，本回执不在网站上保存，关闭本页后无法再次打开。
      </p>
      <h2>后续办理</h2>
      <ol class="next-steps">
        <li>
          <strong>确认收到申请。</strong>
          通过互联网渠道提交的申请，以双方确认之日为收到申请之日（《中华人民共和国政府信息公开条例》第三十一条第（三）项）。本机关将通过您留下的联系方式与您确认，答复期限自确认之日起计算。
        </li>
        <li>
          <strong>补正。</strong>
          申请内容不明确的，本机关将自收到申请之日起7个工作日内一次性告知您需要补正的事项和合理的补正期限；答复期限自收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请（条例第三十条）。
        </li>
        <li>
          <strong>答复期限。</strong>
          能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复。需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。征求第三方和其他机关意见所需时间不计算在答复期限内（条例第三十三条）。
        </li>
      </ol>
      <h2>您填写的申请信息</h2>
      <p class="hint">证件号码和联系方式已作部分隐藏。</p>
      <dl class="receipt">
        <Row term="申请人类型" value={labelOf(APPLICANT_TYPE_LABELS, values.applicantType)} />
        {values.applicantType === 'organisation' ? (
          <Row term="法人或其他组织类型" value={labelOf(ORG_SUBTYPE_LABELS, values.orgSubtype)} />
        ) : (
          ''
        )}
        <Row term="姓名或名称" value={trim(values.name)} />
        <Row term="证件类型" value={labelOf(ID_TYPE_LABELS, values.idType)} />
        <Row term="证件号码" value={idNumber === '' ? '' : maskIdNumber(idNumber)} />
        <Row term="联系电话" value={phone === '' ? '' : maskPhone(phone)} />
        <Row term="电子邮箱" value={email === '' ? '' : maskEmail(email)} />
        <Row term="所需政府信息" value={trim(values.description)} />
        <Row term="文件名称或文号" value={trim(values.documentRef)} />
        <Row term="获取信息的形式" value={labelOf(FORM_WANTED_LABELS, values.formWanted)} />
        <Row term="获取信息的方式" value={labelOf(DELIVERY_METHOD_LABELS, values.deliveryMethod)} />
      </dl>
    </ApplyPage>
  )
}
