// The registered plausibility and metadata checks, in the order their findings are listed.
import { CARRY_RATIO_CHECK } from './carry-ratio.ts'
import type { PlausibilityCheck } from './check-types.ts'
import { DEADLINE_CHECK } from './deadline.ts'
import { FEE_CHECK } from './fee.ts'
import { FORMAT_VERSION_CHECK } from './format-version.ts'
import { INDEX_NO_CHECK, TOPIC_CHECK } from './metadata.ts'
import { NARRATIVE_T3_CHECK } from './narrative-t3.ts'
import { NARRATIVE_T4_CHECK } from './narrative-t4.ts'
import { RULES_POWER_CHECK } from './rules-power.ts'
import { SECTIONS_CHECK } from './sections.ts'
import { UNITS_CHECK } from './units.ts'
import { YEAR_CHECK } from './year.ts'
import { ZERO_BLANK_CHECK } from './zero-blank.ts'

export const PLAUSIBILITY_CHECKS: readonly PlausibilityCheck[] = [
  YEAR_CHECK,
  FORMAT_VERSION_CHECK,
  SECTIONS_CHECK,
  ZERO_BLANK_CHECK,
  NARRATIVE_T3_CHECK,
  NARRATIVE_T4_CHECK,
  RULES_POWER_CHECK,
  FEE_CHECK,
  UNITS_CHECK,
  CARRY_RATIO_CHECK,
  DEADLINE_CHECK,
  INDEX_NO_CHECK,
  TOPIC_CHECK,
]
