import type { Rule } from '../kit';

export const auditLoggingRules: Rule[] = [];
