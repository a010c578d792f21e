import { describe, expect, it } from 'vitest'
import { labelKey, parseCellValue, splitMarker } from './normalize.ts'

describe('parseCellValue', () => {
  it.each([
    ['0', 0],
    ['1,234', 1234],
    ['１２３', 123],
    ['+4', 4],
    ['-8', -8],
    ['4068.208', 4068.208],
    [' 26 ', 26],
  ])('reads %s as the number %s', (text, value) => {
    expect(parseCellValue(text)).toEqual({ kind: 'number', value })
  })

  it('keeps a money unit written in the cell and drops a counting unit', () => {
    expect(parseCellValue('12.5万元')).toEqual({ kind: 'number', value: 12.5, unit: '万元' })
    expect(parseCellValue('300元')).toEqual({ kind: 'number', value: 300, unit: '元' })
    expect(parseCellValue('12件')).toEqual({ kind: 'number', value: 12 })
    expect(parseCellValue('１２ 件')).toEqual({ kind: 'number', value: 12 })
    expect(parseCellValue('１２件件')).toBeNull()
  })

  it.each(['', '-', '—', '——', '/', '无', '－'])('reads %j as an explicit blank, not 0', (text) => {
    expect(parseCellValue(text)).toEqual({ kind: 'blank' })
  })

  it.each(['规章', '1.属于国家秘密', '1,2,', '.5', '2021-12-31', '12.5.1', '+', '万元'])(
    'reads %j as no value',
    (text) => {
      expect(parseCellValue(text)).toBeNull()
    },
  )
})

describe('labelKey', () => {
  it('drops spaces, punctuation of either width, quotes and maps OCR look-alikes', () => {
    expect(labelKey('规 章')).toBe(labelKey('规章'))
    expect(labelKey('3.危及“三安全一稳定”')).toBe(labelKey('3.危及"三安全一稳定"'))
    expect(labelKey('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe(
      labelKey('(二)部分公开(区分处理的,只计这一情形,不计其他情形)'),
    )
    expect(labelKey('逾期不补正、行政机关')).toBe(labelKey('逾期不补正，行政机关'))
    expect(labelKey('重新出具己获取信息')).toBe(labelKey('重新出具已获取信息'))
  })
})

describe('splitMarker', () => {
  it('separates the ordinal of a label from its text in every printed style', () => {
    expect(splitMarker('一、本年新收政府信息公开申请数量')).toMatchObject({ kind: 'top', ordinal: '一' })
    expect(splitMarker('五.存在的主要问题及改进情况')).toMatchObject({ kind: 'top', ordinal: '五' })
    expect(splitMarker('（七）总计')).toEqual({ kind: 'paren', ordinal: '七', body: '总计' })
    expect(splitMarker('(六) 其他')).toEqual({ kind: 'paren', ordinal: '六', body: '其他' })
    expect(splitMarker('3.其他')).toEqual({ kind: 'digit', ordinal: '3', body: '其他' })
    expect(splitMarker('1. 属于国家秘密')).toEqual({ kind: 'digit', ordinal: '1', body: '属于国家秘密' })
    expect(splitMarker('1属于国家秘密')).toEqual({ kind: 'digit', ordinal: '1', body: '属于国家秘密' })
    expect(splitMarker('本年度办理结果')).toEqual({ kind: null, ordinal: '', body: '本年度办理结果' })
    expect(splitMarker('三是提高解读效能。').kind).toBeNull()
  })
})
