import type { Rule } from './kit';
import { encryptionAtRestRules } from './encryption-at-rest';

/** Every rule, sorted by id. Each category folder exports its own list; nothing registers itself by import. */
export const ALL_RULES: readonly Rule[] = [...encryptionAtRestRules].sort((a, b) => a.id.localeCompare(b.id));

export { CITATIONS } from './kit/citations';
