import { asUnknown, defineRule, expect, isTerraform, isTrue, setFix, type Resource, type RuleContext, type RuleResult } from '../kit';

export default defineRule({
  id: 'dax-encrypted',
  title: 'DynamoDB Accelerator (DAX) cluster that may cache PHI does not encrypt at rest',
  category: 'encryption-at-rest',
  severity: 'error',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['dax-encrypted'],
  appliesTo: { cloudformation: ['AWS::DAX::Cluster'], terraform: ['aws_dax_cluster'] },
  responsibility: {
    aws: 'DAX encrypts the cache, configuration and logs on its nodes with an AWS owned key when server-side encryption is requested at creation.',
    customer: 'Request server-side encryption when the cluster is created, and turn on TLS for the endpoint (see dax-docdb-in-transit).',
  },
  messages: {
    notEncrypted: 'DAX cluster {resource} does not encrypt its cache at rest (SSESpecification.SSEEnabled is not true); items read from PHI tables are stored on its nodes in clear text.',
    unknown: 'At-rest encryption of DAX cluster {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    notEncrypted: 'DAX cluster {resource} does not encrypt its cache at rest (server_side_encryption.enabled is not true); items read from PHI tables are stored on its nodes in clear text.',
  },
  check(cluster: Resource, ctx: RuleContext): RuleResult[] {
    const path = isTerraform(cluster) ? ['server_side_encryption', 0, 'enabled'] : ['SSESpecification', 'SSEEnabled'];
    const fixes = setFix(cluster, path, true, 'Encrypt the DAX cluster at rest', { safe: false, consequence: 'replaces the DAX cluster; the cache starts empty' });
    return expect(ctx, cluster, path, isTrue, { messageId: 'notEncrypted', fixes }).map(asUnknown);
  },
});
