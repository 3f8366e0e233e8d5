import rule from '../../rules/encryption-at-rest/rds-snapshot-encrypted';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const db = (encrypted: boolean) => ({ address: 'aws_db_instance.patients', values: { identifier: 'patients', storage_encrypted: encrypted } });
const cluster = (encrypted: boolean) => ({ address: 'aws_rds_cluster.patients', values: { cluster_identifier: 'patients', storage_encrypted: encrypted } });
const snapshot = { address: 'aws_db_snapshot.nightly', values: { db_snapshot_identifier: 'nightly' }, unknown: { db_instance_identifier: true, encrypted: true }, refs: { db_instance_identifier: ['aws_db_instance.patients.identifier', 'aws_db_instance.patients'] } };
const clusterSnapshot = { address: 'aws_db_cluster_snapshot.nightly', values: { db_cluster_snapshot_identifier: 'nightly' }, unknown: { db_cluster_identifier: true, storage_encrypted: true }, refs: { db_cluster_identifier: ['aws_rds_cluster.patients.id', 'aws_rds_cluster.patients'] } };
const copy = (values: Record<string, unknown>, refs?: Record<string, string[]>, unknown?: Record<string, unknown>) => ({ address: 'aws_db_snapshot_copy.offsite', values: { target_db_snapshot_identifier: 'offsite', ...values }, refs, unknown });

testRule(rule, {
  valid: [
    { name: 'Terraform: snapshot of an encrypted instance', plan: plan(db(true), snapshot) },
    { name: 'Terraform: cluster snapshot of an encrypted cluster', plan: plan(cluster(true), clusterSnapshot) },
    { name: 'Terraform: snapshot whose own encrypted flag is known true', plan: plan({ address: 'aws_db_snapshot.old', values: { db_instance_identifier: 'legacy', encrypted: true } }) },
    { name: 'Terraform: copy with a literal KMS key', plan: plan(copy({ source_db_snapshot_identifier: 'arn:aws:rds:us-east-1:111122223333:snapshot:x', kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/1234' })) },
    { name: 'Terraform: copy with a key created in the plan', plan: plan(copy({ source_db_snapshot_identifier: 'x' }, { kms_key_id: ['aws_kms_key.phi.arn', 'aws_kms_key.phi'] }, { kms_key_id: true })) },
    { name: 'Terraform: copy without key of an encrypted snapshot in the plan', plan: plan(db(true), snapshot, copy({}, { source_db_snapshot_identifier: ['aws_db_snapshot.nightly.db_snapshot_arn', 'aws_db_snapshot.nightly'] }, { source_db_snapshot_identifier: true })) },
    { name: 'CloudFormation has no snapshot resource: no finding', yaml: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n" },
  ],
  invalid: [
    {
      name: 'Terraform: snapshot of an unencrypted instance',
      plan: plan(db(false), snapshot),
      errors: [{ messageId: 'sourceNotEncrypted', resource: 'aws_db_snapshot.nightly', path: 'planned_values.root_module.resources.1.values.db_instance_identifier', line: 21 }],
    },
    {
      name: 'Terraform: cluster snapshot of an unencrypted cluster',
      plan: plan(cluster(false), clusterSnapshot),
      errors: [{ messageId: 'sourceNotEncrypted', resource: 'aws_db_cluster_snapshot.nightly', path: 'planned_values.root_module.resources.1.values.db_cluster_identifier', line: 21 }],
    },
    {
      name: 'Terraform: snapshot whose own encrypted flag is false',
      plan: plan({ address: 'aws_db_snapshot.old', values: { db_instance_identifier: 'legacy', encrypted: false } }),
      errors: [{ messageId: 'notEncrypted', resource: 'aws_db_snapshot.old', path: 'planned_values.root_module.resources.0.values.encrypted', line: 13 }],
    },
    {
      name: 'Terraform: snapshot of a database outside the plan is unknown',
      plan: plan({ address: 'aws_db_snapshot.old', values: { db_instance_identifier: 'legacy' }, unknown: { encrypted: true } }),
      errors: [{ messageId: 'unknown', resource: 'aws_db_snapshot.old', path: 'planned_values.root_module.resources.0.values.db_instance_identifier', line: 12, status: 'unknown' }],
    },
    {
      name: 'Terraform: copy without key of an unencrypted snapshot',
      plan: plan(db(false), snapshot, copy({}, { source_db_snapshot_identifier: ['aws_db_snapshot.nightly.db_snapshot_arn', 'aws_db_snapshot.nightly'] }, { source_db_snapshot_identifier: true })),
      errors: [
        { messageId: 'sourceNotEncrypted', resource: 'aws_db_snapshot.nightly', path: 'planned_values.root_module.resources.1.values.db_instance_identifier', line: 21 },
        { messageId: 'copyNoKey', resource: 'aws_db_snapshot_copy.offsite', path: 'planned_values.root_module.resources.2.values.source_db_snapshot_identifier', line: 30 },
      ],
    },
    {
      name: 'Terraform: copy without key of a snapshot outside the plan is unknown',
      plan: plan(copy({ source_db_snapshot_identifier: 'arn:aws:rds:us-east-1:111122223333:snapshot:x' })),
      errors: [{ messageId: 'unknown', resource: 'aws_db_snapshot_copy.offsite', path: 'planned_values.root_module.resources.0.values.source_db_snapshot_identifier', line: 13, status: 'unknown' }],
    },
  ],
});
