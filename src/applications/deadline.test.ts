// Every expected date below was counted by hand on the official schedules (国办发明电〔2024〕12号 for 2025,
// 国办发明电〔2025〕7号 for 2026), never taken from the function under test. The first day is not counted
// (民法典第二百零一条), so "N working days from D" is the N-th working day after D.
//   2025: 清明 04-04…06; 端午 05-31…06-02; 国庆/中秋 10-01…10-08, work Sun 09-28 and Sat 10-11.
//   2026: 春节 02-15…23, work Sat 02-14 and Sat 02-28; 清明 04-04…06; 劳动节 05-01…05, work Sat 05-09;
//         nothing for 2027 (not yet in the calendar).
import { describe, expect, it } from 'vitest'
import { nationalCalendar } from '../calendar/index.ts'
import type { ClockEvent } from './clock-events.ts'
import { DEFAULT_CLOCK_RULES } from './clock-rules.ts'
import { deriveCaseClock, isOverdue, problemsOfNewEvent } from './deadline.ts'

const calendar = nationalCalendar()
const inPerson = (on: string): ClockEvent => ({ type: 'received', on, channel: 'in_person' })
const derive = (events: ClockEvent[]) => deriveCaseClock(events, calendar)

describe('deriveCaseClock: answer period of 20 working days (条例第三十三条第二款)', () => {
  it.each([
    {
      name: 'received Friday 2025-09-26, before 国庆',
      // Sun 09-28(1) 29(2) 30(3); 10-01…08 off; 10-09(4) 10(5) Sat 10-11(6); 13–17(7–11); 20–24(12–16);
      // 27(17) 28(18) 29(19) 30(20).
      events: [inPerson('2025-09-26')],
      due: '2025-10-30',
    },
    {
      name: 'received online 2026-02-10, confirmed Thursday 2026-02-12, across 春节 (第三十一条第（三）项)',
      // 02-13(1) Sat 02-14(2); 02-15…23 off; 24(3) 25(4) 26(5) 27(6) Sat 28(7); Mar 2–6(8–12); 9–13(13–17);
      // 16(18) 17(19) 18(20).
      events: [
        { type: 'received', on: '2026-02-10', channel: 'online' },
        { type: 'confirmed', on: '2026-02-12' },
      ] satisfies ClockEvent[],
      due: '2026-03-18',
    },
    {
      name: 'received 2026-04-01, across 清明',
      // 04-02(1) 03(2); 04-04…06 off; 07(3) 08(4) 09(5) 10(6); 13–17(7–11); 20–24(12–16); 27(17)…30(20).
      events: [inPerson('2026-04-01')],
      due: '2026-04-30',
    },
  ])('$name → $due', ({ events, due }) => {
    const clock = derive(events)
    expect(clock.status).toBe('in_progress')
    expect(clock.answer).toMatchObject({
      state: 'running',
      due: { status: 'due', date: due },
      countedWorkingDays: 20,
    })
    expect(clock.unknownYears).toEqual([])
  })

  it('explains each day: weekends and holidays skipped with their names, make-up days counted', () => {
    const clock = derive([inPerson('2025-09-26')])
    const byDate = new Map(clock.explanation.map((d) => [d.date, d]))
    expect(clock.explanation).toHaveLength(34) // 09-27 … 10-30
    expect(byDate.get('2025-09-27')).toMatchObject({ kind: 'weekend' })
    expect(byDate.get('2025-09-28')).toMatchObject({ kind: 'counted', count: 1 })
    expect(byDate.get('2025-09-28')?.reason).toContain('调休')
    expect(byDate.get('2025-10-01')).toMatchObject({ kind: 'holiday' })
    expect(byDate.get('2025-10-01')?.reason).toContain('国庆节')
    expect(byDate.get('2025-10-11')).toMatchObject({ kind: 'counted', count: 6 })
    expect(byDate.get('2025-10-30')).toMatchObject({ kind: 'counted', count: 20 })
    expect(clock.notes.join('\n')).toContain('民法典第二百零一条')
  })

  it('awaits confirmation for an online application and refuses other events before it (第三十一条)', () => {
    const events: ClockEvent[] = [{ type: 'received', on: '2026-02-10', channel: 'online' }]
    const clock = derive(events)
    expect(clock.status).toBe('awaiting_confirmation')
    expect(clock.answer.state).toBe('not_started')
    const problems = problemsOfNewEvent(
      events,
      { type: 'answered', on: '2026-02-11', answerType: 'disclosed' },
      calendar,
    )
    expect(problems.map((p) => p.code)).toEqual(['event_before_receipt'])
  })
})

describe('补正 (条例第三十条)', () => {
  // Received Mon 2025-03-03. Notice due 7 working days later: 4,5,6,7,10,11,12 → 03-12.
  // Notice Fri 03-07 with 10 working days: 10–14(1–5), 17–21(6–10) → applicant due 03-21.
  const requested: ClockEvent[] = [
    inPerson('2025-03-03'),
    {
      type: 'correction_requested',
      on: '2025-03-07',
      correctionPeriodWorkingDays: 10,
      items: ['请写明文件名称或文号'],
    },
  ]

  it('stops the answer clock until the corrected application arrives', () => {
    const clock = derive(requested)
    expect(clock.status).toBe('awaiting_correction')
    expect(clock.answer.state).toBe('not_started')
    expect(clock.correctionNoticeDue).toEqual({ status: 'due', date: '2025-03-12' })
    expect(clock.correction?.applicantDue).toEqual({ status: 'due', date: '2025-03-21' })
    expect(clock.problems).toEqual([])
  })

  it('restarts the 20 working days from receipt of the corrected application', () => {
    // Corrected Thu 03-20: 21(1); 24–28(2–6); 31(7) Apr 1(8) 2(9) 3(10); 04-04…06 清明; 7–11(11–15);
    // 14(16) 15(17) 16(18) 17(19) 18(20).
    const clock = derive([...requested, { type: 'correction_received', on: '2025-03-20' }])
    expect(clock.status).toBe('in_progress')
    expect(clock.answer).toMatchObject({
      startedOn: '2025-03-20',
      due: { status: 'due', date: '2025-04-18' },
    })
  })

  it('warns when the notice comes after the 7th working day', () => {
    const late: ClockEvent[] = [
      inPerson('2025-03-03'),
      { type: 'correction_requested', on: '2025-03-13', correctionPeriodWorkingDays: 10, items: ['x'] },
    ]
    expect(derive(late).problems).toMatchObject([{ code: 'correction_notice_late', severity: 'warning' }])
  })

  it('refuses a second notice: everything must be listed once', () => {
    const second: ClockEvent = {
      type: 'correction_requested',
      on: '2025-03-10',
      correctionPeriodWorkingDays: 5,
      items: ['y'],
    }
    expect(problemsOfNewEvent(requested, second, calendar)).toMatchObject([
      { code: 'second_correction_request', severity: 'error' },
    ])
  })

  it('ends as abandoned after the correction period, counted in 表三（六）1', () => {
    const clock = derive([...requested, { type: 'correction_expired', on: '2025-03-24' }])
    expect(clock.status).toBe('abandoned')
    expect(clock.conclusion?.outcome).toBe('abandoned_no_correction')
    expect(clock.problems).toEqual([])
  })

  it('refuses abandonment on the last day of the correction period', () => {
    const problems = problemsOfNewEvent(requested, { type: 'correction_expired', on: '2025-03-21' }, calendar)
    expect(problems).toMatchObject([{ code: 'correction_expired_early', severity: 'error' }])
  })
})

describe('consultation pause (条例第三十二条、第三十三条第三款)', () => {
  // Received Tue 2025-06-03 (after 端午 05-31…06-02): 4(1) 5(2) 6(3) 9(4) 10(5); letter Tue 06-10, days
  // 06-11…06-25 not counted; answer Wed 06-25; 26(6) 27(7) 30(8); Jul 1–4(9–12); 7–11(13–17); 14(18) 15(19) 16(20).
  // Third party received the letter Wed 06-11: 15 working days 12(1) 13(2) 16–20(3–7) 23–27(8–12) 30(13)
  // Jul 1(14) 2(15) → 07-02.
  const started: ClockEvent[] = [
    inPerson('2025-06-03'),
    {
      type: 'consultation_started',
      on: '2025-06-10',
      id: 'c1',
      party: 'third_party',
      deliveredOn: '2025-06-11',
    },
  ]

  it('pauses the answer clock while the third party has the letter, with its own 15-day limit', () => {
    const clock = derive(started)
    expect(clock.status).toBe('in_consultation')
    expect(clock.answer).toMatchObject({
      state: 'paused',
      pausedSince: '2025-06-10',
      countedWorkingDays: 5,
      due: null,
    })
    expect(clock.consultations[0]?.replyDue).toEqual({ status: 'due', date: '2025-07-02' })
  })

  it('resumes after the answer and leaves the paused days out', () => {
    const clock = derive([
      ...started,
      { type: 'consultation_answered', on: '2025-06-25', id: 'c1', objection: false },
    ])
    expect(clock.answer).toMatchObject({ state: 'running', due: { status: 'due', date: '2025-07-16' } })
    const paused = clock.explanation.filter((d) => d.kind === 'paused').map((d) => d.date)
    expect(paused[0]).toBe('2025-06-11')
    expect(paused.at(-1)).toBe('2025-06-25')
    expect(paused).toHaveLength(15)
  })
  it('keeps the clock paused while any of two overlapping consultations is open (第三十二条 and 第三十四条)', () => {
    // Third party 06-10…06-20 and another agency 06-16…06-25: the union (06-10, 06-25] is left out, so the
    // due date is the same 07-16 as with one consultation over that span.
    const twoOpen: ClockEvent[] = [
      ...started,
      { type: 'consultation_started', on: '2025-06-16', id: 'c2', party: 'other_agency' },
      { type: 'consultation_answered', on: '2025-06-20', id: 'c1', objection: true },
    ]
    expect(derive(twoOpen).answer).toMatchObject({
      state: 'paused',
      pausedSince: '2025-06-16',
      countedWorkingDays: 5,
    })
    const bothAnswered = derive([
      ...twoOpen,
      { type: 'consultation_answered', on: '2025-06-25', id: 'c2', objection: false },
    ])
    expect(bothAnswered.answer.due).toEqual({ status: 'due', date: '2025-07-16' })
  })
})

describe('extension (条例第三十三条第二款)', () => {
  // Received 2025-09-26, due 10-30 (above). +20: 10-31(21); Nov 3–7(22–26); 10–14(27–31); 17–21(32–36);
  // 24(37) 25(38) 26(39) 27(40) → 2025-11-27.
  const extended: ClockEvent[] = [
    inPerson('2025-09-26'),
    {
      type: 'extension_approved',
      on: '2025-10-28',
      approver: '李主任',
      workingDays: 20,
      reason: '需调取档案',
    },
  ]

  it('adds at most 20 working days once, naming the approver', () => {
    const clock = derive(extended)
    expect(clock.answer).toMatchObject({ limitWorkingDays: 40, due: { status: 'due', date: '2025-11-27' } })
    expect(clock.notes.join('\n')).toContain('李主任')
  })

  it('refuses a second extension and ignores it', () => {
    const second: ClockEvent = {
      type: 'extension_approved',
      on: '2025-11-20',
      approver: '王局长',
      workingDays: 5,
      reason: 'x',
    }
    const clock = derive([...extended, second])
    expect(clock.problems).toMatchObject([{ code: 'second_extension', severity: 'error', eventIndex: 2 }])
    expect(clock.answer.due).toEqual({ status: 'due', date: '2025-11-27' })
  })

  it('refuses more than 20 working days', () => {
    const tooLong: ClockEvent = {
      type: 'extension_approved',
      on: '2025-10-20',
      approver: '李主任',
      workingDays: 25,
      reason: 'x',
    }
    expect(problemsOfNewEvent([inPerson('2025-09-26')], tooLong, calendar)).toMatchObject([
      { code: 'extension_out_of_range' },
    ])
  })

  it('warns when the extension is approved after the original due date', () => {
    const late: ClockEvent = {
      type: 'extension_approved',
      on: '2025-10-31',
      approver: '李主任',
      workingDays: 20,
      reason: 'x',
    }
    expect(problemsOfNewEvent([inPerson('2025-09-26')], late, calendar)).toMatchObject([
      { code: 'extension_after_due', severity: 'warning' },
    ])
  })
})

describe('fee notice and payment (国办函〔2020〕109号)', () => {
  // Received Wed 2026-04-01. Notice Fri 04-10, delivered Mon 04-13. Payment: 14(1)…17(4); 20–24(5–9);
  // 27(10)…30(13); 05-01…05 off; 6(14) 7(15) 8(16) Sat 9(17); 11(18) 12(19) 13(20) → 2026-05-13.
  const noticed: ClockEvent[] = [
    inPerson('2026-04-01'),
    {
      type: 'fee_notice_sent',
      on: '2026-04-10',
      method: 'per_volume',
      amountYuan: 1700,
      deliveredOn: '2026-04-13',
    },
  ]
  const paid: ClockEvent[] = [...noticed, { type: 'fee_paid', on: '2026-04-20' }]

  it('gives 20 working days from the day after delivery to pay', () => {
    const clock = derive(noticed)
    expect(clock.status).toBe('awaiting_fee')
    expect(clock.fee?.paymentDue).toEqual({ status: 'due', date: '2026-05-13' })
  })

  it('by default does not pause the answer clock (the pause is unverified)', () => {
    expect(DEFAULT_CLOCK_RULES.feePeriodPausesAnswerClock).toBe(false)
    expect(derive(paid).answer.due).toEqual({ status: 'due', date: '2026-04-30' })
  })

  it('pauses the answer clock from notice to payment when the rule option says so', () => {
    // 2(1) 3(2) 7(3)…10(6); 04-11…20 paused; 21(7)…24(10); 27(11)…30(14); 6(15) 7(16) 8(17) Sat 9(18) 11(19) 12(20).
    const rules = { ...DEFAULT_CLOCK_RULES, feePeriodPausesAnswerClock: true }
    const clock = deriveCaseClock(paid, calendar, { rules })
    expect(clock.answer.due).toEqual({ status: 'due', date: '2026-05-12' })
  })

  it('ends as abandoned when the payment period passes, counted in 表三（六）2', () => {
    const clock = derive([...noticed, { type: 'fee_deadline_missed', on: '2026-05-14' }])
    expect(clock.status).toBe('abandoned')
    expect(clock.conclusion?.outcome).toBe('abandoned_fee_unpaid')
  })
})

describe('条例第三十五条 delay', () => {
  it('makes the later date set by the agency binding, keeping the statutory one', () => {
    const clock = derive([
      inPerson('2025-09-26'),
      {
        type: 'delay_set_art35',
        on: '2025-10-20',
        newDueDate: '2025-12-31',
        reason: '申请数量明显超过合理范围',
      },
    ])
    expect(clock.answer.statutoryDue).toEqual({ status: 'due', date: '2025-10-30' })
    expect(clock.answer.due).toEqual({ status: 'due', date: '2025-12-31' })
  })
})

describe('years the calendar does not know', () => {
  it('flags a receipt in 2027 instead of guessing', () => {
    const clock = derive([inPerson('2027-01-05')])
    expect(clock.answer).toMatchObject({
      state: 'calendar_unknown',
      due: { status: 'calendar_unknown', year: 2027 },
    })
    expect(clock.unknownYears).toEqual([2027])
    expect(clock.notes.join('\n')).toContain('2027年的法定节假日安排尚未录入')
  })

  it('flags a period that runs from 2026 into 2027, after counting what it can', () => {
    // Sun 2026-12-20: 21–25(1–5), 28–31(6–9), then 2027-01-01 is unknown. 补正 notice: 21…25, 28, 29 → 12-29.
    const clock = derive([inPerson('2026-12-20')])
    expect(clock.answer).toMatchObject({ state: 'calendar_unknown', countedWorkingDays: 9 })
    expect(clock.answer.due).toEqual({ status: 'calendar_unknown', year: 2027, date: '2027-01-01' })
    expect(clock.correctionNoticeDue).toEqual({ status: 'due', date: '2026-12-29' })
    expect(clock.explanation.at(-1)).toMatchObject({ date: '2026-12-31', count: 9 })
  })
})

describe('conclusion', () => {
  it('answers on the due date without problems, then closes', () => {
    const clock = derive([
      inPerson('2025-09-26'),
      { type: 'answered', on: '2025-10-30', answerType: 'partially_disclosed' },
      { type: 'closed', on: '2025-11-03' },
    ])
    expect(clock.status).toBe('closed')
    expect(clock.conclusion).toEqual({
      on: '2025-10-30',
      outcome: 'partially_disclosed',
      closedOn: '2025-11-03',
    })
    expect(clock.problems).toEqual([])
  })

  it('warns about an answer after the due date, and reports the open case as overdue before it', () => {
    const open = derive([inPerson('2025-09-26')])
    expect(isOverdue(open, '2025-10-30')).toBe(false)
    expect(isOverdue(open, '2025-10-31')).toBe(true)
    const late = derive([
      inPerson('2025-09-26'),
      { type: 'answered', on: '2025-10-31', answerType: 'disclosed' },
    ])
    expect(late.problems).toMatchObject([{ code: 'answered_late', severity: 'warning' }])
    expect(isOverdue(late, '2025-11-30')).toBe(false)
  })

  it('refuses events after the conclusion and closing before it', () => {
    const answered: ClockEvent[] = [
      inPerson('2025-09-26'),
      { type: 'answered', on: '2025-10-10', answerType: 'not_held' },
    ]
    const more: ClockEvent = {
      type: 'extension_approved',
      on: '2025-10-11',
      approver: 'x',
      workingDays: 5,
      reason: 'x',
    }
    expect(problemsOfNewEvent(answered, more, calendar)).toMatchObject([{ code: 'event_after_conclusion' }])
    const early = problemsOfNewEvent([inPerson('2025-09-26')], { type: 'closed', on: '2025-10-01' }, calendar)
    expect(early).toMatchObject([{ code: 'closed_without_outcome' }])
  })

  it('rejects a log that does not start with received', () => {
    expect(() => derive([{ type: 'confirmed', on: '2025-01-02' }])).toThrow(/收到申请/)
  })
})
