import type { Rule } from '../kit';

export const backupRecoveryRules: Rule[] = [];
