// The templates shipped with Gongkai, as data. An agency edits its own copy (application_letter_templates);
// a kind it has not edited uses these. One paragraph per line; the first line is the salutation.
import type { LetterKind } from './letter-kinds.ts'

export interface LetterTemplate {
  title: string
  body: string
}

const ANSWER_OPENING =
  '本机关于{{receivedOn}}收到您提出的政府信息公开申请，申请获取“{{description}}”。经审查，现答复如下：'
const ANSWER_CLOSING = '{{remedy}}'

export const DEFAULT_TEMPLATES: Readonly<Record<LetterKind, LetterTemplate>> = {
  correction_notice: {
    title: '政府信息公开申请补正告知书',
    body: [
      '{{applicantName}}：',
      '本机关于{{receivedOn}}收到您提出的政府信息公开申请。经审查，您的申请内容不明确，根据《中华人民共和国政府信息公开条例》第三十条的规定，请您对以下事项作出补正：',
      '{{correctionItems}}',
      '请您在收到本告知书之日起{{correctionPeriod}}个工作日内（即{{correctionDue}}前）提交补正后的申请。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为您放弃申请，本机关不再处理该政府信息公开申请。',
    ].join('\n'),
  },
  extension_notice: {
    title: '政府信息公开申请延期答复告知书',
    body: [
      '{{applicantName}}：',
      '本机关于{{receivedOn}}收到您提出的政府信息公开申请，申请获取“{{description}}”。',
      '因{{extensionReason}}，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{{extensionDays}}个工作日，本机关将于{{dueDate}}前作出答复。',
      '特此告知。',
    ].join('\n'),
  },
  consultation_letter: {
    title: '政府信息公开第三方意见征询函',
    body: [
      '{{consultedParty}}：',
      '本机关收到政府信息公开申请，申请获取“{{description}}”。经审查，该政府信息公开后可能损害您的合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求您的意见。',
      '请您自收到本函之日起15个工作日内（即{{consultationDue}}前）提出意见。逾期未提出意见的，由本机关依照条例的规定决定是否公开。第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知第三方。',
    ].join('\n'),
  },
  fee_notice: {
    title: '政府信息公开信息处理费收费通知书',
    body: [
      '{{applicantName}}：',
      '本机关于{{receivedOn}}收到您提出的政府信息公开申请。根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关对您的申请{{feeMethod}}收取信息处理费，应缴金额为人民币{{feeAmount}}元，明细如下：',
      '{{feeBands}}',
      '请您自收到本通知之次日起20个工作日内（即{{paymentDue}}前）缴纳。逾期未缴纳的，视为您放弃申请，本机关不再处理该政府信息公开申请。',
    ].join('\n'),
  },
  answer_granted: {
    title: '政府信息公开申请答复书',
    body: [
      '{{applicantName}}：',
      ANSWER_OPENING,
      '您申请获取的政府信息属于公开范围，本机关予以公开（{{answerLabel}}）。{{reasons}}',
      '依据：{{legalBasis}}。',
      ANSWER_CLOSING,
    ].join('\n'),
  },
  answer_partial: {
    title: '政府信息公开申请答复书',
    body: [
      '{{applicantName}}：',
      ANSWER_OPENING,
      '您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。本机关向您提供可以公开的部分，对不予公开的部分说明理由如下：{{reasons}}',
      '依据：{{legalBasis}}。',
      ANSWER_CLOSING,
    ].join('\n'),
  },
  answer_withheld: {
    title: '政府信息公开申请答复书',
    body: [
      '{{applicantName}}：',
      ANSWER_OPENING,
      '您申请获取的政府信息{{answerLabel}}，本机关不予公开。理由：{{reasons}}',
      '依据：{{legalBasis}}。',
      ANSWER_CLOSING,
    ].join('\n'),
  },
  answer_unable: {
    title: '政府信息公开申请答复书',
    body: [
      '{{applicantName}}：',
      ANSWER_OPENING,
      '经检索查找，本机关无法提供您申请获取的政府信息（{{answerLabel}}）。{{reasons}}',
      '依据：{{legalBasis}}。',
      ANSWER_CLOSING,
    ].join('\n'),
  },
  answer_not_processed: {
    title: '政府信息公开申请答复书',
    body: [
      '{{applicantName}}：',
      ANSWER_OPENING,
      '您的申请{{answerLabel}}，本机关不予处理。{{reasons}}',
      '依据：{{legalBasis}}。',
      ANSWER_CLOSING,
    ].join('\n'),
  },
  answer_other: {
    title: '政府信息公开申请答复书',
    body: [
      '{{applicantName}}：',
      ANSWER_OPENING,
      '{{reasons}}',
      '依据：{{legalBasis}}。',
      ANSWER_CLOSING,
    ].join('\n'),
  },
}
