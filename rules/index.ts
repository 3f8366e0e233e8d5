import { compareIds, type Rule } from './kit';
import { accessControlRules } from './access-control';
import { auditLoggingRules } from './audit-logging';
import { backupRecoveryRules } from './backup-recovery';
import { eligibilityRules } from './eligibility';
import { encryptionAtRestRules } from './encryption-at-rest';
import { encryptionInTransitRules } from './encryption-in-transit';
import { networkRules } from './network';
import { publicExposureRules } from './public-exposure';

/** Every rule, sorted by id. Each category folder exports its own list; nothing registers itself by import. */
export const ALL_RULES: readonly Rule[] = [
  ...accessControlRules,
  ...auditLoggingRules,
  ...backupRecoveryRules,
  ...eligibilityRules,
  ...encryptionAtRestRules,
  ...encryptionInTransitRules,
  ...networkRules,
  ...publicExposureRules,
].sort((a, b) => compareIds(a.id, b.id));

export { CITATIONS } from './kit/citations';
