import { defineRule, expect, isTrue, setFix, type Resource, type RuleContext, type RuleResult } from '../kit';

export default defineRule({
  id: 'rds-storage-encrypted',
  title: 'RDS database storage that may hold PHI is not encrypted',
  category: 'encryption-at-rest',
  severity: 'error',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['rds-storage-encrypted'],
  appliesTo: { cloudformation: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'], terraform: ['aws_db_instance', 'aws_rds_cluster'] },
  responsibility: {
    aws: 'AWS runs the database hosts and, when asked, encrypts storage, automated backups, snapshots and read replicas with AES-256 through KMS.',
    customer: 'Turn on storage encryption when the database is created (it cannot be switched on later without a new instance) and choose the KMS key.',
  },
  messages: {
    notEncrypted: 'Database {resource} stores data unencrypted: StorageEncrypted is not true.',
    unknown: 'Storage encryption of {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    notEncrypted: 'Database {resource} stores data unencrypted: storage_encrypted is not true.',
  },
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    if (resource.family === 'terraform-plan') {
      return expect(ctx, resource, 'storage_encrypted', isTrue, { messageId: 'notEncrypted' }).map(asUnknown);
    }
    // Aurora members inherit encryption from their cluster; a replica inherits it from its source.
    if (resource.type === 'AWS::RDS::DBInstance' && (ctx.get(resource, 'DBClusterIdentifier').present || ctx.get(resource, 'SourceDBInstanceIdentifier').present)) return [];
    const fixes = setFix(resource, 'StorageEncrypted', true, 'Encrypt the database storage', {
      safe: false,
      consequence: resource.type === 'AWS::RDS::DBCluster' ? 'replaces the DB cluster' : 'replaces the DB instance',
    });
    return expect(ctx, resource, 'StorageEncrypted', isTrue, { messageId: 'notEncrypted', fixes }).map(asUnknown);
  },
});

function asUnknown(r: RuleResult): RuleResult {
  return r.status === 'unknown' ? { ...r, messageId: 'unknown' } : r;
}
