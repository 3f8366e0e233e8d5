import { defineRule, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isTerraform } from '../kit';
import { flagNotTrue } from './exposure-support';

export default defineRule({
  id: 'rds-not-public',
  title: 'RDS database that may hold PHI is publicly accessible',
  category: 'public-exposure',
  severity: 'error',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)', '164.312(e)(1)'],
  controls: ['rds-not-public'],
  appliesTo: {
    cloudformation: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
    terraform: ['aws_db_instance', 'aws_rds_cluster_instance'],
  },
  responsibility: {
    aws: 'RDS gives a database a public DNS name and address only when it is marked publicly accessible (or left to a default that is public).',
    customer: 'Set PubliclyAccessible to false, place databases in private subnet groups, and admit only application security groups.',
  },
  messages: {
    publicDatabase: 'Database {resource} is publicly accessible (PubliclyAccessible is true): its endpoint resolves to a public address reachable from the internet.',
    defaultPublic: 'Database {resource} sets neither PubliclyAccessible nor DBSubnetGroupName (nor belongs to a cluster), so it launches in the default VPC where RDS makes it publicly accessible; set PubliclyAccessible to false.',
    unknown: 'Whether database {resource} is publicly accessible cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    publicDatabase: 'Database {resource} is publicly accessible (publicly_accessible is true): its endpoint resolves to a public address reachable from the internet.',
  },
  limits: 'Whether a public database is actually reachable also depends on its subnets\' route tables and its security groups.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    if (isTerraform(resource)) return flagNotTrue(ctx, resource, 'publicly_accessible', { messageId: 'publicDatabase', absentPasses: true });
    if (resource.type === 'AWS::RDS::DBCluster') {
      return flagNotTrue(ctx, resource, 'PubliclyAccessible', { messageId: 'publicDatabase', absentPasses: true, fixTitle: 'Make the DB cluster private', safety: { safe: false, consequence: 'replaces the DB cluster' } });
    }
    // Without a subnet group (its own or its Aurora cluster's) the instance goes to the default VPC, whose default is public.
    const inSubnetGroup = ctx.get(resource, 'DBSubnetGroupName').present || ctx.get(resource, 'DBClusterIdentifier').present;
    return flagNotTrue(ctx, resource, 'PubliclyAccessible', {
      messageId: inSubnetGroup || ctx.get(resource, 'PubliclyAccessible').present ? 'publicDatabase' : 'defaultPublic',
      absentPasses: inSubnetGroup,
      fixTitle: 'Make the DB instance private',
    });
  },
});
