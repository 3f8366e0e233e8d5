import rule from '../../rules/encryption-at-rest/dax-encrypted';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const dax = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Encrypt:
    Type: String
Resources:
  OrdersCache:
    Type: AWS::DAX::Cluster
    Properties:
      NodeType: dax.t3.small
      ReplicationFactor: 3
      IAMRoleARN: arn:aws:iam::111122223333:role/dax
${props}`;

const tf = (values: Record<string, unknown>, unknown?: Record<string, unknown>) => ({ address: 'aws_dax_cluster.orders', values: { cluster_name: 'orders', node_type: 'dax.t3.small', ...values }, unknown });

testRule(rule, {
  valid: [
    { name: 'SSEEnabled true', yaml: dax('      SSESpecification:\n        SSEEnabled: true\n') },
    { name: 'Terraform: server_side_encryption enabled', plan: plan(tf({ server_side_encryption: [{ enabled: true }] })) },
  ],
  invalid: [
    {
      name: 'no SSESpecification',
      yaml: dax(''),
      errors: [{ messageId: 'notEncrypted', resource: 'OrdersCache', path: 'Resources.OrdersCache.Properties.SSESpecification.SSEEnabled', line: 8 }],
    },
    {
      name: 'SSEEnabled false',
      yaml: dax('      SSESpecification:\n        SSEEnabled: false\n'),
      errors: [{ messageId: 'notEncrypted', resource: 'OrdersCache', path: 'Resources.OrdersCache.Properties.SSESpecification.SSEEnabled', line: 13 }],
    },
    {
      name: 'parameter without default is unknown',
      yaml: dax('      SSESpecification:\n        SSEEnabled: !Ref Encrypt\n'),
      errors: [{ messageId: 'unknown', resource: 'OrdersCache', path: 'Resources.OrdersCache.Properties.SSESpecification.SSEEnabled', line: 13, status: 'unknown' }],
    },
    {
      name: 'Terraform: no server_side_encryption block',
      plan: plan(tf({ server_side_encryption: [] })),
      errors: [{ messageId: 'notEncrypted', resource: 'aws_dax_cluster.orders', path: 'planned_values.root_module.resources.0.values.server_side_encryption.0.enabled', line: 14 }],
    },
    {
      name: 'Terraform: enabled false',
      plan: plan(tf({ server_side_encryption: [{ enabled: false }] })),
      errors: [{ messageId: 'notEncrypted', resource: 'aws_dax_cluster.orders', path: 'planned_values.root_module.resources.0.values.server_side_encryption.0.enabled', line: 16 }],
    },
    {
      name: 'Terraform: unknown after apply',
      plan: plan(tf({ server_side_encryption: [{}] }, { server_side_encryption: [{ enabled: true }] })),
      errors: [{ messageId: 'unknown', resource: 'aws_dax_cluster.orders', path: 'planned_values.root_module.resources.0.values.server_side_encryption.0.enabled', line: 15, status: 'unknown' }],
    },
  ],
});
