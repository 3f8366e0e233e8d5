import rule from '../../rules/encryption-at-rest/redshift-cluster-encrypted';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const cluster = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Encrypt:
    Type: String
Resources:
  Warehouse:
    Type: AWS::Redshift::Cluster
    Properties:
      ClusterType: single-node
      NodeType: ra3.xlplus
      DBName: claims
      MasterUsername: admin
      ManageMasterPassword: true
${props}`;

testRule(rule, {
  valid: [
    { name: 'encrypted', yaml: cluster('      Encrypted: true\n') },
    { name: 'encrypted with a key', yaml: cluster('      Encrypted: true\n      KmsKeyId: alias/phi\n') },
    { name: 'SAM template: encrypted', sam: cluster('      Encrypted: true\n').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31') },
    { name: 'Terraform: encrypted (boolean)', plan: plan({ address: 'aws_redshift_cluster.warehouse', values: { encrypted: true } }) },
    { name: 'Terraform: encrypted (provider v6 string)', plan: plan({ address: 'aws_redshift_cluster.warehouse', values: { encrypted: 'true' } }) },
  ],
  invalid: [
    {
      name: 'Encrypted false',
      yaml: cluster('      Encrypted: false\n'),
      errors: [{ messageId: 'notEncrypted', resource: 'Warehouse', path: 'Resources.Warehouse.Properties.Encrypted', line: 14 }],
    },
    {
      name: 'Encrypted not declared',
      yaml: cluster(''),
      errors: [{ messageId: 'notDeclared', resource: 'Warehouse', path: 'Resources.Warehouse.Properties.Encrypted', line: 8 }],
    },
    {
      name: 'parameter without default is unknown',
      yaml: cluster('      Encrypted: !Ref Encrypt\n'),
      errors: [{ messageId: 'unknown', resource: 'Warehouse', path: 'Resources.Warehouse.Properties.Encrypted', line: 14, status: 'unknown' }],
    },
    {
      name: 'SAM template: Encrypted false',
      sam: cluster('      Encrypted: false\n').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'notEncrypted', resource: 'Warehouse', path: 'Resources.Warehouse.Properties.Encrypted', line: 14 }],
    },
    {
      name: 'Terraform: encrypted false',
      plan: plan({ address: 'aws_redshift_cluster.warehouse', values: { encrypted: 'false' } }),
      errors: [{ messageId: 'notEncrypted', resource: 'aws_redshift_cluster.warehouse', path: 'planned_values.root_module.resources.0.values.encrypted', line: 12 }],
    },
    {
      name: 'Terraform: known only after apply',
      plan: plan({ address: 'aws_redshift_cluster.warehouse', values: {}, unknown: { encrypted: true } }),
      errors: [{ messageId: 'unknown', resource: 'aws_redshift_cluster.warehouse', path: 'planned_values.root_module.resources.0.values.encrypted', line: 11, status: 'unknown' }],
    },
  ],
});
