import type { Rule } from '../kit';
import phiEligibilityUnconfirmed from './phi-eligibility-unconfirmed';
import phiInMetadata from './phi-in-metadata';
import phiOnHipaaEligibleService from './phi-on-hipaa-eligible-service';

export const eligibilityRules: Rule[] = [phiEligibilityUnconfirmed, phiInMetadata, phiOnHipaaEligibleService];
