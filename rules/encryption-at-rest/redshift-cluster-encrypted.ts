import { asUnknown, defineRule, evaluate, expect, isFalse, isTrue, setFix, unknownAt, type Resource, type RuleContext, type RuleResult } from '../kit';

export default defineRule({
  id: 'redshift-cluster-encrypted',
  title: 'Redshift cluster that may hold PHI is not (declared) encrypted',
  category: 'encryption-at-rest',
  severity: 'error',
  hipaa: ['164.312(a)(2)(iv)', '164.312(b)', '164.312(e)(2)(ii)'],
  controls: ['redshift-cluster-encrypted'],
  appliesTo: { cloudformation: ['AWS::Redshift::Cluster'], terraform: ['aws_redshift_cluster'] },
  responsibility: {
    aws: 'Redshift encrypts data blocks, system metadata and snapshots through a KMS-rooted key hierarchy when the cluster is encrypted.',
    customer: 'Declare encryption on every cluster that holds PHI, choose the KMS key and manage who may use it.',
  },
  messages: {
    notEncrypted: 'Cluster {resource} turns encryption off: Encrypted is false.',
    notDeclared: 'Cluster {resource} does not declare Encrypted: true; state it so encryption of PHI does not depend on the account default and the snapshot it may be restored from.',
    unknown: 'Encryption of cluster {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    notEncrypted: 'Cluster {resource} leaves encryption off: encrypted is not true.',
  },
  limits: 'Whether an existing cluster created before encryption became the default is encrypted, and the key policy, are not visible in a template. Redshift Serverless namespaces are always encrypted and are not checked.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    if (resource.family === 'terraform-plan') return expect(ctx, resource, 'encrypted', isTrue, { messageId: 'notEncrypted' }).map(asUnknown);
    const fixes = setFix(resource, 'Encrypted', true, 'Encrypt the cluster', { safe: false, consequence: 'migrates the cluster to encrypted storage; it is read-only while that runs' });
    const lookup = ctx.get(resource, 'Encrypted');
    if (lookup.resolved.kind === 'absent') return [{ status: 'fail', path: [...resource.propertiesPath, 'Encrypted'], messageId: 'notDeclared', fixes }];
    // Any possible value that is explicitly false is an unencrypted cluster.
    if (evaluate(lookup.resolved, (v) => !isFalse(v)).outcome === 'fail') return [{ status: 'fail', path: lookup.path, messageId: 'notEncrypted', fixes }];
    const outcome = evaluate(lookup.resolved, isTrue);
    if (outcome.outcome === 'unknown') return [unknownAt(lookup.path, outcome.reason ?? 'the value cannot be resolved')];
    return outcome.outcome === 'fail' ? [{ status: 'fail', path: lookup.path, messageId: 'notEncrypted', fixes }] : [];
  },
});
