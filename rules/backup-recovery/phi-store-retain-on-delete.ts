import { defineRule, type FixEdit, type FixIntent, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';

/** Types whose DeletionPolicy/UpdateReplacePolicy may be Snapshot (CloudFormation snapshots them before deleting). */
const SNAPSHOT_TYPES = new Set([
  'AWS::EC2::Volume',
  'AWS::ElastiCache::CacheCluster',
  'AWS::ElastiCache::ReplicationGroup',
  'AWS::Neptune::DBCluster',
  'AWS::RDS::DBCluster',
  'AWS::RDS::DBInstance',
  'AWS::Redshift::Cluster',
  'AWS::DocDB::DBCluster',
]);

/** Stores that keep PHI (or the keys and logs that go with it) and lose it when CloudFormation deletes them. */
const STORES = [
  'AWS::S3::Bucket',
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::DocDB::DBCluster',
  'AWS::Neptune::DBCluster',
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::Serverless::SimpleTable',
  'AWS::EFS::FileSystem',
  'AWS::FSx::FileSystem',
  'AWS::EC2::Volume',
  'AWS::OpenSearchService::Domain',
  'AWS::Elasticsearch::Domain',
  'AWS::Redshift::Cluster',
  'AWS::KMS::Key',
  'AWS::Logs::LogGroup',
  'AWS::Backup::BackupVault',
  'AWS::HealthLake::FHIRDatastore',
];

/** CloudFormation's default DeletionPolicy is Delete, except for RDS clusters and stand-alone RDS instances. */
function defaultDeletionPolicy(resource: Resource): string {
  return resource.type === 'AWS::RDS::DBCluster' || resource.type === 'AWS::RDS::DBInstance' ? 'Snapshot' : 'Delete';
}

export default defineRule({
  id: 'phi-store-retain-on-delete',
  title: 'PHI store is deleted with its stack or when CloudFormation replaces it',
  category: 'backup-recovery',
  severity: 'warning',
  hipaa: ['164.308(a)(7)(i)', '164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)'],
  controls: ['phi-store-retain-on-delete'],
  appliesTo: { cloudformation: STORES },
  responsibility: {
    aws: 'CloudFormation deletes, keeps or snapshots a resource exactly as its DeletionPolicy and UpdateReplacePolicy say, and deletes by default.',
    customer: 'Mark every store that holds PHI, and the keys and logs that go with it, Retain (or Snapshot where supported), so deleting a stack or changing a replacement property does not destroy records.',
  },
  messages: {
    noPolicies: '{resource} has neither DeletionPolicy nor UpdateReplacePolicy; deleting the stack, removing the resource or changing a property that replaces it {loss}.',
    deletionPolicy: 'DeletionPolicy of {resource} is {value}; deleting the stack or removing the resource from the template {loss}. Use {allowed}.',
    replacePolicy: 'UpdateReplacePolicy of {resource} is {value}; an update that replaces the resource deletes the old one, which {loss}. Use {allowed}.',
  },
  limits: 'Only literal DeletionPolicy/UpdateReplacePolicy values are read; a policy chosen by Fn::If (AWS::LanguageExtensions) is treated as absent. Terraform plans carry no equivalent (lifecycle prevent_destroy is not in the plan JSON).',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    if (resource.implicitFrom) return [];
    // Aurora members and read replicas keep no data of their own.
    if (resource.type === 'AWS::RDS::DBInstance' && (ctx.get(resource, 'DBClusterIdentifier').present || ctx.get(resource, 'SourceDBInstanceIdentifier').present)) return [];
    const snapshots = SNAPSHOT_TYPES.has(resource.type);
    const allowed = snapshots ? 'Retain or Snapshot' : 'Retain';
    const keeps = (policy: string, deletion: boolean) => policy === 'Retain' || (snapshots && policy === 'Snapshot') || (deletion && policy === 'RetainExceptOnCreate');
    const deletion = resource.deletionPolicy ?? defaultDeletionPolicy(resource);
    const replace = resource.updateReplacePolicy ?? 'Delete';
    const deletionFails = !keeps(deletion, true);
    const replaceFails = !keeps(replace, false);
    const value = snapshots ? 'Snapshot' : 'Retain';
    const loss = resource.type === 'AWS::KMS::Key' ? 'makes whatever it encrypts unreadable once the key deletion window ends' : 'destroys the data it holds';
    const at = (attribute: string): Path => [...resource.path, attribute];
    const edit = (attribute: string): FixEdit => ({ op: 'set', path: at(attribute), value });
    const fix = (title: string, edits: FixEdit[]): FixIntent[] => [{ title, safe: true, edits }];
    if (deletionFails && replaceFails && resource.deletionPolicy === undefined && resource.updateReplacePolicy === undefined) {
      return [{ status: 'fail', path: resource.path, messageId: 'noPolicies', data: { loss }, fixes: fix(`Keep the data on delete and replacement (${value})`, [edit('DeletionPolicy'), edit('UpdateReplacePolicy')]) }];
    }
    const results: RuleResult[] = [];
    if (deletionFails) {
      results.push({
        status: 'fail',
        path: resource.deletionPolicy === undefined ? resource.path : at('DeletionPolicy'),
        messageId: 'deletionPolicy',
        data: { value: resource.deletionPolicy ?? `not set (default ${deletion})`, allowed, loss },
        fixes: fix(`Set DeletionPolicy to ${value}`, [edit('DeletionPolicy')]),
      });
    }
    if (replaceFails) {
      results.push({
        status: 'fail',
        path: resource.updateReplacePolicy === undefined ? resource.path : at('UpdateReplacePolicy'),
        messageId: 'replacePolicy',
        data: { value: resource.updateReplacePolicy ?? 'not set (default Delete)', allowed, loss },
        fixes: fix(`Set UpdateReplacePolicy to ${value}`, [edit('UpdateReplacePolicy')]),
      });
    }
    return results;
  },
});
