import rule from '../../rules/public-exposure/messaging-and-broker-not-public';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const head = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
`;
const queue = (statement: string) => `  ResultsQueue:
    Type: AWS::SQS::Queue
  ResultsQueuePolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues:
        - !Ref ResultsQueue
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: sqs:SendMessage
            Resource: !GetAtt ResultsQueue.Arn
${statement}`;
const fromTopic = `            Condition:
              ArnEquals:
                aws:SourceArn: !Ref AlertsTopic
`;
const broker = (flag: string) => `  Broker:
    Type: AWS::AmazonMQ::Broker
    Properties:
      BrokerName: orders
      EngineType: ACTIVEMQ
      EngineVersion: '5.18'
      HostInstanceType: mq.t3.micro
      DeploymentMode: SINGLE_INSTANCE
      AutoMinorVersionUpgrade: true
      PubliclyAccessible: ${flag}
      Users:
        - Username: app
          Password: '{{resolve:secretsmanager:mq}}'
`;
const eks = (vpc: string) => `  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-1, subnet-2]
${vpc}`;
const msk = (type: string) => `  Kafka:
    Type: AWS::MSK::Cluster
    Properties:
      ClusterName: events
      KafkaVersion: 3.6.0
      NumberOfBrokerNodes: 2
      BrokerNodeGroupInfo:
        InstanceType: kafka.m5.large
        ClientSubnets: [subnet-1, subnet-2]
        ConnectivityInfo:
          PublicAccess:
            Type: ${type}
`;

const tfQueue = { address: 'aws_sqs_queue.results', values: { name: 'results' } };
const tfQueuePolicy = (doc: unknown) => ({ address: 'aws_sqs_queue_policy.results', values: { policy: JSON.stringify(doc) }, unknown: { queue_url: true }, refs: { queue_url: ['aws_sqs_queue.results.id', 'aws_sqs_queue.results'] } });
const openDoc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: '*' }] };
const orgDoc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }] };

testRule(rule, {
  valid: [
    { name: 'queue policy limited to a source topic', yaml: head + queue(fromTopic) + '  AlertsTopic:\n    Type: AWS::SNS::Topic\n' },
    { name: 'private broker', yaml: head + broker('false') },
    { name: 'EKS endpoint limited to an office range', yaml: head + eks('        PublicAccessCidrs: [203.0.113.0/24]\n') },
    { name: 'EKS endpoint private only', yaml: head + eks('        EndpointPublicAccess: false\n        EndpointPrivateAccess: true\n') },
    { name: 'MSK public access disabled', yaml: head + msk('DISABLED') },
    { name: 'Terraform: queue policy limited to the organisation', plan: plan(tfQueue, tfQueuePolicy(orgDoc)) },
  ],
  invalid: [
    {
      name: 'queue policy open to everyone',
      yaml: head + queue(''),
      errors: [{ messageId: 'publicPolicy', resource: 'ResultsQueuePolicy', path: 'Resources.ResultsQueuePolicy.Properties.PolicyDocument.Statement.0', line: 16 }],
    },
    {
      name: 'public broker',
      yaml: head + broker('true'),
      errors: [{ messageId: 'publicBroker', resource: 'Broker', path: 'Resources.Broker.Properties.PubliclyAccessible', line: 15 }],
    },
    {
      name: 'EKS endpoint public by default',
      yaml: head + eks(''),
      errors: [{ messageId: 'publicKubernetesApi', resource: 'Cluster', path: 'Resources.Cluster.Properties.ResourcesVpcConfig.EndpointPublicAccess', line: 10 }],
    },
    {
      name: 'MSK brokers with public addresses',
      yaml: head + msk('SERVICE_PROVIDED_EIPS'),
      errors: [{ messageId: 'publicKafka', resource: 'Kafka', path: 'Resources.Kafka.Properties.BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type', line: 17 }],
    },
    {
      name: 'broker flag from a parameter without default is unknown',
      yaml: head + broker('!Ref Open'),
      errors: [{ messageId: 'unknown', resource: 'Broker', path: 'Resources.Broker.Properties.PubliclyAccessible', line: 15, status: 'unknown' }],
    },
    {
      name: 'SAM template: topic policy open to everyone',
      sam: `Transform: AWS::Serverless-2016-10-31
Resources:
  AlertsTopic:
    Type: AWS::SNS::Topic
  AlertsTopicPolicy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref AlertsTopic]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              AWS: '*'
            Action: sns:Subscribe
            Resource: !Ref AlertsTopic
`,
      errors: [{ messageId: 'publicPolicy', resource: 'AlertsTopicPolicy', path: 'Resources.AlertsTopicPolicy.Properties.PolicyDocument.Statement.0', line: 11 }],
    },
    {
      name: 'Terraform: queue policy open to everyone',
      plan: plan(tfQueue, tfQueuePolicy(openDoc)),
      errors: [{ messageId: 'publicPolicy', resource: 'aws_sqs_queue_policy.results', path: 'planned_values.root_module.resources.1.values.policy', line: 21 }],
    },
    {
      name: 'Terraform: EKS public endpoint open to the internet',
      plan: plan({ address: 'aws_eks_cluster.main', values: { name: 'main', vpc_config: [{ endpoint_public_access: true, public_access_cidrs: ['0.0.0.0/0'] }] } }),
      errors: [{ messageId: 'publicKubernetesApi', resource: 'aws_eks_cluster.main', path: 'planned_values.root_module.resources.0.values.vpc_config.0.public_access_cidrs', line: 16 }],
    },
    {
      name: 'Terraform: broker flag known only after apply',
      plan: plan({ address: 'aws_mq_broker.orders', values: { broker_name: 'orders' }, unknown: { publicly_accessible: true } }),
      errors: [{ messageId: 'unknown', resource: 'aws_mq_broker.orders', path: 'planned_values.root_module.resources.0.values.publicly_accessible', line: 11, status: 'unknown' }],
    },
  ],
});
