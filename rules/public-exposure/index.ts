import type { Rule } from '../kit';

export const publicExposureRules: Rule[] = [];
