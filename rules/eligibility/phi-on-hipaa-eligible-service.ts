import { defineRule, unknownAt, type Resource, type RuleContext, type RuleResult } from '../kit';
import { effectiveEligibility, eligibilityData, isForeignType, typePath } from './eligibility';

export default defineRule({
  id: 'phi-on-hipaa-eligible-service',
  title: 'PHI may reach a service that is not HIPAA eligible',
  category: 'eligibility',
  severity: 'error',
  phiScope: 'phi-only',
  hipaa: ['164.308(b)(1)', '164.314(a)(1)'],
  controls: ['phi-on-hipaa-eligible-service'],
  appliesTo: { cloudformation: ['*'], terraform: ['*'] },
  responsibility: {
    aws: 'The AWS Business Associate Addendum covers only the services on the HIPAA Eligible Services Reference, and only their generally available features that are not excluded.',
    customer: 'Keep PHI on eligible services in accounts designated under the BAA; a service missing from the list must not store, process or transmit PHI.',
  },
  messages: {
    notEligible: '{resource} uses {service} ({type}), which is not on the AWS HIPAA Eligible Services Reference of {revision} ({source}); PHI stored, processed or sent here is outside the AWS BAA.',
    unknown: 'Whether directory {resource} is Simple AD, which the AWS HIPAA Eligible Services Reference excludes, cannot be verified statically: {reason}.',
  },
  limits: 'Eligibility follows the dated list shipped with the rules; AWS adds services several times a year, so re-check a finding against the current list. Feature-level exclusions other than Simple AD (workforce types, engines, channels) are not judged. Services the list does not clearly cover are phi-eligibility-unconfirmed findings (warnings).',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    if (resource.implicitFrom || isForeignType(resource)) return [];
    const e = effectiveEligibility(resource, ctx);
    if (e.unresolved) return [unknownAt(typePath(resource), e.unresolved, 'unknown', eligibilityData(e))];
    if (e.status !== 'not-eligible') return [];
    return [{ status: 'fail', path: typePath(resource), messageId: 'notEligible', data: eligibilityData(e) }];
  },
});
