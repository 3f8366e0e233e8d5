import rule from '../../rules/encryption-at-rest/rds-storage-encrypted';
import { testRule } from '../harness/rule-tester';

const db = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Encrypt:
    Type: String
    Default: 'false'
  Open:
    Type: String
Resources:
  PatientDb:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
${props}`;

const plan = (values: Record<string, unknown>, unknown: Record<string, unknown> = {}) => ({
  format_version: '1.2',
  planned_values: { root_module: { resources: [{ address: 'aws_db_instance.patients', mode: 'managed', type: 'aws_db_instance', name: 'patients', values }] } },
  resource_changes: [{ address: 'aws_db_instance.patients', mode: 'managed', type: 'aws_db_instance', name: 'patients', change: { actions: ['create'], after: values, after_unknown: unknown } }],
});

testRule(rule, {
  valid: [
    { name: 'encrypted', yaml: db('      StorageEncrypted: true\n') },
    { name: 'Aurora member inherits from its cluster', yaml: db('      DBClusterIdentifier: !Ref Cluster\n') },
    { name: 'Terraform: storage_encrypted true', plan: plan({ storage_encrypted: true }) },
  ],
  invalid: [
    {
      name: 'StorageEncrypted missing',
      yaml: db('      DBInstanceClass: db.t3.micro\n'),
      errors: [{ messageId: 'notEncrypted', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.StorageEncrypted', line: 11 }],
    },
    {
      name: 'StorageEncrypted false',
      yaml: db('      StorageEncrypted: false\n'),
      errors: [{ messageId: 'notEncrypted', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.StorageEncrypted', line: 13 }],
    },
    {
      name: 'from a parameter default',
      yaml: db('      StorageEncrypted: !Ref Encrypt\n'),
      errors: [{ messageId: 'notEncrypted', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.StorageEncrypted', line: 13 }],
    },
    {
      name: 'parameter without default is unknown',
      yaml: db('      StorageEncrypted: !Ref Open\n'),
      errors: [{ messageId: 'unknown', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.StorageEncrypted', line: 13, status: 'unknown' }],
    },
    {
      name: 'Fn::If with one unencrypted branch',
      yaml: db('      StorageEncrypted: !If [IsProd, true, false]\n').replace('Resources:', 'Conditions:\n  IsProd: !Equals [!Ref Open, prod]\nResources:'),
      errors: [{ messageId: 'notEncrypted', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.StorageEncrypted', line: 15 }],
    },
    {
      name: 'Terraform: storage_encrypted false',
      plan: plan({ storage_encrypted: false }),
      errors: [{ messageId: 'notEncrypted', resource: 'aws_db_instance.patients', path: 'planned_values.root_module.resources.0.values.storage_encrypted', line: 12 }],
    },
    {
      name: 'Terraform: unknown after apply',
      plan: plan({}, { storage_encrypted: true }),
      errors: [{ messageId: 'unknown', resource: 'aws_db_instance.patients', path: 'planned_values.root_module.resources.0.values.storage_encrypted', line: 11, status: 'unknown' }],
    },
  ],
});
