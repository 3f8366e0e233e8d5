import { asUnknown, defineRule, expect, isTerraform, isTrue, setFix, targetPath, unknownAt, type Resource, type RuleContext, type RuleResult } from '../kit';
import { hasValue } from './key-support';

const ENGINES: Record<string, string> = {
  'AWS::DocDB::DBCluster': 'DocumentDB',
  'AWS::Neptune::DBCluster': 'Neptune',
  aws_docdb_cluster: 'DocumentDB',
  aws_neptune_cluster: 'Neptune',
};

export default defineRule({
  id: 'docdb-neptune-encrypted',
  title: 'DocumentDB or Neptune cluster that may hold PHI does not encrypt its storage',
  category: 'encryption-at-rest',
  severity: 'error',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['docdb-neptune-encrypted'],
  appliesTo: {
    cloudformation: ['AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster'],
    terraform: ['aws_docdb_cluster', 'aws_neptune_cluster'],
  },
  responsibility: {
    aws: 'DocumentDB and Neptune encrypt cluster volumes, automated backups, snapshots and replicas with KMS when storage encryption is chosen at creation.',
    customer: 'Create PHI clusters with storage encryption on (it cannot be turned on later) and choose the KMS key.',
  },
  messages: {
    notEncrypted: '{engine} cluster {resource} stores data unencrypted: StorageEncrypted is not true.',
    fromSnapshot: '{engine} cluster {resource} is restored from {source} and takes its encryption from it; set StorageEncrypted: true so an unencrypted source is refused.',
    unknown: 'Storage encryption of {engine} cluster {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    notEncrypted: '{engine} cluster {resource} stores data unencrypted: storage_encrypted is not true.',
    fromSnapshot: '{engine} cluster {resource} is restored from {source} and takes its encryption from it; set storage_encrypted = true so an unencrypted source is refused.',
  },
  check(cluster: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(cluster);
    const engine = ENGINES[cluster.type] ?? cluster.type;
    const path = tf ? 'storage_encrypted' : 'StorageEncrypted';
    const lookup = ctx.get(cluster, path);
    // A restored cluster inherits the source's encryption when the flag is not given.
    const sources = tf ? ['snapshot_identifier'] : ['SnapshotIdentifier', 'SourceDBClusterIdentifier'];
    const source = sources.find((s) => hasValue(ctx, cluster, s));
    if (source && (lookup.resolved.kind === 'absent' || (lookup.resolved.kind === 'known' && lookup.resolved.value === null))) {
      return [{ ...unknownAt(targetPath(cluster, lookup, [path]), `it is restored from ${source} and inherits that source's encryption`, 'fromSnapshot', { engine, source }) }];
    }
    const fixes = setFix(cluster, path, true, 'Encrypt the cluster storage', { safe: false, consequence: 'replaces the cluster; restore the data from an encrypted snapshot copy' });
    return expect(ctx, cluster, path, isTrue, { messageId: 'notEncrypted', data: { engine }, fixes }).map(asUnknown);
  },
});
