import rule from '../../rules/encryption-at-rest/msk-encrypted';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const msk = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Mode:
    Type: String
Resources:
  EventStream:
    Type: AWS::MSK::Cluster
    Properties:
      ClusterName: patient-events
      KafkaVersion: 3.6.0
      NumberOfBrokerNodes: 3
      BrokerNodeGroupInfo:
        InstanceType: kafka.m5.large
        ClientSubnets: [subnet-1, subnet-2, subnet-3]
${props}`;

const tf = (transit: Record<string, unknown> | undefined, unknown?: Record<string, unknown>) => ({
  address: 'aws_msk_cluster.events',
  values: { cluster_name: 'patient-events', encryption_info: [{ encryption_at_rest_kms_key_arn: 'arn:aws:kms:us-east-1:111122223333:key/abcd', encryption_in_transit: transit ? [transit] : [] }] },
  unknown,
});

testRule(rule, {
  valid: [
    { name: 'defaults (TLS, in-cluster on)', yaml: msk('') },
    { name: 'explicit TLS with a customer key', yaml: msk('      EncryptionInfo:\n        EncryptionAtRest:\n          DataVolumeKMSKeyId: !Ref StreamKey\n        EncryptionInTransit:\n          ClientBroker: TLS\n          InCluster: true\n') + '  StreamKey:\n    Type: AWS::KMS::Key\n' },
    { name: 'Terraform: TLS and in-cluster', plan: plan(tf({ client_broker: 'TLS', in_cluster: true })) },
    { name: 'Terraform: no transit block (defaults)', plan: plan(tf(undefined)) },
  ],
  invalid: [
    {
      name: 'TLS_PLAINTEXT client traffic',
      yaml: msk('      EncryptionInfo:\n        EncryptionInTransit:\n          ClientBroker: TLS_PLAINTEXT\n'),
      errors: [{ messageId: 'clientPlaintext', resource: 'EventStream', path: 'Resources.EventStream.Properties.EncryptionInfo.EncryptionInTransit.ClientBroker', line: 17 }],
    },
    {
      name: 'in-cluster encryption off',
      yaml: msk('      EncryptionInfo:\n        EncryptionInTransit:\n          InCluster: false\n'),
      errors: [{ messageId: 'inClusterOff', resource: 'EventStream', path: 'Resources.EventStream.Properties.EncryptionInfo.EncryptionInTransit.InCluster', line: 17 }],
    },
    {
      name: 'ClientBroker from a parameter without default is unknown',
      yaml: msk('      EncryptionInfo:\n        EncryptionInTransit:\n          ClientBroker: !Ref Mode\n'),
      errors: [{ messageId: 'unknown', resource: 'EventStream', path: 'Resources.EventStream.Properties.EncryptionInfo.EncryptionInTransit.ClientBroker', line: 17, status: 'unknown' }],
    },
    {
      name: 'Terraform: PLAINTEXT and in-cluster off',
      plan: plan(tf({ client_broker: 'PLAINTEXT', in_cluster: false })),
      errors: [
        { messageId: 'clientPlaintext', resource: 'aws_msk_cluster.events', path: 'planned_values.root_module.resources.0.values.encryption_info.0.encryption_in_transit.0.client_broker', line: 18 },
        { messageId: 'inClusterOff', resource: 'aws_msk_cluster.events', path: 'planned_values.root_module.resources.0.values.encryption_info.0.encryption_in_transit.0.in_cluster', line: 19 },
      ],
    },
    {
      name: 'Terraform: client_broker unknown after apply',
      plan: plan(tf({ in_cluster: true }, { encryption_info: [{ encryption_in_transit: [{ client_broker: true }] }] })),
      errors: [{ messageId: 'unknown', resource: 'aws_msk_cluster.events', path: 'planned_values.root_module.resources.0.values.encryption_info.0.encryption_in_transit.0.client_broker', line: 17, status: 'unknown' }],
    },
  ],
});
