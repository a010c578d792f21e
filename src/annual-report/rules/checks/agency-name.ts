// What an agency's name says about it, for the checks that depend on the kind of body (deadline, 规章 power).
// Names are as printed in report titles, e.g. 沭阳县发展和改革局, 沭阳县人民政府, 秦州区天水郡街道.
import type { ReportAgencyKind } from '../check-options.ts'

/** 人民政府 → government; 乡/镇人民政府, 乡/镇, 街道(办事处) → township; anything else → department. */
export function inferAgencyKind(name: string): ReportAgencyKind {
  const n = name.trim()
  if (/[乡镇](人民政府)?$/.test(n) || /街道(办事处)?$/.test(n)) return 'township'
  if (/人民政府$/.test(n)) return 'government'
  return 'department'
}

/** A national body (国务院 and its departments): may make 规章. */
function isNational(name: string): boolean {
  return /^(国务院|国家|中华人民共和国|中国)/.test(name)
}

/**
 * Whether the body certainly lacks the power to make 规章 (under the 立法法 only State Council departments,
 * provincial governments and governments of districted cities / autonomous prefectures have it). Unknown cases
 * (e.g. a 市人民政府, which may be a districted city or a county-level city) count as having it.
 */
export function certainlyLacksRulePower(name: string, kind: ReportAgencyKind): boolean {
  if (isNational(name)) return false
  if (kind === 'township') return true
  if (kind === 'department') return true
  return /[县区旗]人民政府$/.test(name.trim())
}
