import type { Rule } from '../kit';

export const accessControlRules: Rule[] = [];
