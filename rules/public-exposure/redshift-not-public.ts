import { defineRule, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isTerraform } from '../kit';
import { flagNotTrue } from './exposure-support';

export default defineRule({
  id: 'redshift-not-public',
  title: 'Redshift warehouse that may hold PHI is publicly accessible',
  category: 'public-exposure',
  severity: 'error',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)', '164.312(e)(1)'],
  controls: ['redshift-not-public'],
  appliesTo: {
    cloudformation: ['AWS::Redshift::Cluster', 'AWS::RedshiftServerless::Workgroup'],
    terraform: ['aws_redshift_cluster', 'aws_redshiftserverless_workgroup'],
  },
  responsibility: {
    aws: 'Redshift keeps clusters and serverless workgroups private unless they are marked publicly accessible.',
    customer: 'Leave PubliclyAccessible false, place the warehouse in private subnets and reach it from inside the VPC or through a VPN.',
  },
  messages: {
    publicWarehouse: '{resource} is publicly accessible (PubliclyAccessible is true): its endpoint gets a public address reachable from the internet.',
    unknown: 'Whether {resource} is publicly accessible cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    publicWarehouse: '{resource} is publicly accessible (publicly_accessible is true): its endpoint gets a public address reachable from the internet.',
  },
  limits: 'Actual reachability also depends on the subnets\' routes, the security groups and any Elastic IP.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    if (isTerraform(resource)) return flagNotTrue(ctx, resource, 'publicly_accessible', { messageId: 'publicWarehouse', absentPasses: true });
    return flagNotTrue(ctx, resource, 'PubliclyAccessible', { messageId: 'publicWarehouse', absentPasses: true, fixTitle: 'Make the warehouse private' });
  },
});
