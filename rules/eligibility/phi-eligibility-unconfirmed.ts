import { defineRule, type Resource, type RuleContext, type RuleResult } from '../kit';
import { eligibilityData, effectiveEligibility, isForeignType, typePath } from './eligibility';

// The warning half of the phi-on-hipaa-eligible-service control: the engine grades severity per rule, and the
// control asks for an error on services off the list but only a warning where the list is not clear.
export default defineRule({
  id: 'phi-eligibility-unconfirmed',
  title: 'PHI may reach a service whose HIPAA eligibility is not confirmed',
  category: 'eligibility',
  severity: 'warning',
  phiScope: 'phi-only',
  hipaa: ['164.308(b)(1)', '164.314(a)(1)'],
  controls: ['phi-on-hipaa-eligible-service'],
  appliesTo: { cloudformation: ['*'], terraform: ['*'] },
  responsibility: {
    aws: 'AWS publishes which services the BAA covers; features and sub-services with their own namespace are not always named.',
    customer: 'Confirm with the current HIPAA Eligible Services Reference (or your AWS account team) that the service is covered before it handles PHI.',
  },
  messages: {
    ambiguous: '{resource} uses {service} ({type}), which the AWS HIPAA Eligible Services Reference of {revision} ({source}) does not clearly cover; confirm it is eligible before it handles PHI.',
    notListed: '{resource} is of type {type}, which the AWS HIPAA Eligible Services Reference of {revision} ({source}), as shipped with these rules, does not classify; confirm its eligibility before it handles PHI.',
  },
  limits: 'Eligibility follows the dated list shipped with the rules. Sub-services are judged by their own CloudFormation namespace or Terraform prefix; a template cannot show which features of an eligible service are used.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    if (resource.implicitFrom || isForeignType(resource)) return [];
    const e = effectiveEligibility(resource, ctx);
    if (e.status === 'ambiguous') return [{ status: 'fail', path: typePath(resource), messageId: 'ambiguous', data: eligibilityData(e) }];
    if (e.status === 'unknown') return [{ status: 'fail', path: typePath(resource), messageId: 'notListed', data: eligibilityData(e) }];
    return [];
  },
});
