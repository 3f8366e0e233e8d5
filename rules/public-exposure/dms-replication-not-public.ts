import { defineRule, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isTerraform } from '../kit';
import { flagNotTrue } from './exposure-support';

export default defineRule({
  id: 'dms-replication-not-public',
  title: 'DMS replication instance that may move PHI is publicly accessible',
  category: 'public-exposure',
  severity: 'error',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)', '164.312(e)(1)'],
  controls: ['dms-replication-not-public'],
  appliesTo: { cloudformation: ['AWS::DMS::ReplicationInstance'], terraform: ['aws_dms_replication_instance'] },
  responsibility: {
    aws: 'DMS gives a replication instance a public address when PubliclyAccessible is true, which is the CloudFormation default.',
    customer: 'Set PubliclyAccessible to false and reach source and target databases through the VPC, a VPN or Direct Connect.',
  },
  messages: {
    publicInstance: 'Replication instance {resource} is publicly accessible (PubliclyAccessible is true).',
    defaultPublic: 'Replication instance {resource} does not set PubliclyAccessible, and DMS makes it publicly accessible by default; set it to false.',
    unknown: 'Whether replication instance {resource} is publicly accessible cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    publicInstance: 'Replication instance {resource} is publicly accessible (publicly_accessible is true).',
    defaultPublic: 'Replication instance {resource} does not set publicly_accessible, and DMS makes it publicly accessible by default; set it to false.',
  },
  limits: 'DMS Serverless replication configurations are not judged; reachability also depends on the subnets and security groups.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    const path = isTerraform(resource) ? 'publicly_accessible' : 'PubliclyAccessible';
    const messageId = ctx.get(resource, path).present ? 'publicInstance' : 'defaultPublic';
    return flagNotTrue(ctx, resource, path, {
      messageId,
      absentPasses: false,
      fixTitle: 'Make the replication instance private',
      safety: { safe: false, consequence: 'replaces the replication instance' },
    });
  },
});
