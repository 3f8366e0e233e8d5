import rule from '../../rules/encryption-in-transit/messaging-transport-tls';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (resources: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
${resources}`;

const topic = (inline = '') => `  LabResults:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: lab-results${inline}
`;
const subscription = (protocol: string, endpoint: string, topicArn = '!Ref LabResults') => `  ResultsHook:
    Type: AWS::SNS::Subscription
    Properties:
      TopicArn: ${topicArn}
      Protocol: ${protocol}
      Endpoint: ${endpoint}
`;

const dms = (engine: string, ssl: string) => `  SourceEndpoint:
    Type: AWS::DMS::Endpoint
    Properties:
      EndpointType: source
      EngineName: ${engine}
      ServerName: ehr.example.com
      Port: 5432
${ssl}`;

const tfTopic = (protocol: string) =>
  plan(
    { address: 'aws_sns_topic.results', values: { name: 'lab-results' } },
    { address: 'aws_sns_topic_subscription.hook', values: { protocol, endpoint: 'http://hooks.example.com/results' }, refs: { topic_arn: ['aws_sns_topic.results.arn', 'aws_sns_topic.results'] } },
  );

testRule(rule, {
  valid: [
    { name: 'https and sqs subscriptions', yaml: template(topic() + subscription('https', 'https://hooks.example.com/results') + subscription('sqs', '!GetAtt Queue.Arn').replace('ResultsHook', 'ResultsQueue')) },
    { name: 'SFTP server', yaml: template('  Sftp:\n    Type: AWS::Transfer::Server\n    Properties:\n      Protocols: [SFTP]\n') },
    { name: 'Transfer server defaults to SFTP', yaml: template('  Sftp:\n    Type: AWS::Transfer::Server\n    Properties:\n      EndpointType: PUBLIC\n') },
    { name: 'SES configuration set requires TLS', yaml: template('  Mail:\n    Type: AWS::SES::ConfigurationSet\n    Properties:\n      DeliveryOptions:\n        TlsPolicy: REQUIRE\n') },
    { name: 'DMS endpoint with verify-full', yaml: template(dms('postgres', '      SslMode: verify-full\n')) },
    { name: 'DMS S3 endpoint has no SslMode', yaml: template(dms('s3', '')) },
    { name: 'Terraform: https subscription', plan: tfTopic('https') },
  ],
  invalid: [
    {
      name: 'http subscription to a topic of the template',
      yaml: template(topic() + subscription('http', 'http://hooks.example.com/results')),
      errors: [{ messageId: 'httpSubscription', resource: 'ResultsHook', path: 'Resources.ResultsHook.Properties.Protocol', line: 14 }],
    },
    {
      name: 'inline email subscription',
      yaml: template(topic('\n      Subscription:\n        - Protocol: email\n          Endpoint: clinic@example.com')),
      errors: [{ messageId: 'leavesAws', resource: 'LabResults', path: 'Resources.LabResults.Properties.Subscription.0.Protocol', line: 11 }],
    },
    {
      name: 'sms subscription to a topic outside the template',
      yaml: template(subscription('sms', "'+15555550100'", 'arn:aws:sns:us-east-1:111122223333:alerts')),
      errors: [{ messageId: 'leavesAws', resource: 'ResultsHook', path: 'Resources.ResultsHook.Properties.Protocol', line: 10 }],
    },
    {
      name: 'protocol from a parameter without default is unknown',
      yaml: template(topic() + subscription('!Ref Open', 'https://hooks.example.com/results')),
      errors: [{ messageId: 'unknown', resource: 'ResultsHook', path: 'Resources.ResultsHook.Properties.Protocol', line: 14, status: 'unknown' }],
    },
    {
      name: 'Transfer server accepting FTP',
      yaml: template('  Sftp:\n    Type: AWS::Transfer::Server\n    Properties:\n      Protocols:\n        - SFTP\n        - FTP\n'),
      errors: [{ messageId: 'ftpProtocol', resource: 'Sftp', path: 'Resources.Sftp.Properties.Protocols.1', line: 11 }],
    },
    {
      name: 'SES configuration set with optional TLS',
      yaml: template('  Mail:\n    Type: AWS::SES::ConfigurationSet\n    Properties:\n      Name: results\n'),
      errors: [{ messageId: 'sesTlsOptional', resource: 'Mail', path: 'Resources.Mail.Properties.DeliveryOptions.TlsPolicy', line: 8 }],
    },
    {
      name: 'DMS endpoint without SslMode',
      yaml: template(dms('postgres', '')),
      errors: [{ messageId: 'dmsNoSsl', resource: 'SourceEndpoint', path: 'Resources.SourceEndpoint.Properties.SslMode', line: 8 }],
    },
    {
      name: 'Terraform: http subscription',
      plan: tfTopic('http'),
      errors: [{ messageId: 'httpSubscription', resource: 'aws_sns_topic_subscription.hook', path: 'planned_values.root_module.resources.1.values.protocol', line: 21 }],
    },
    {
      name: 'Terraform: FTP server',
      plan: plan({ address: 'aws_transfer_server.files', values: { protocols: ['FTP'], endpoint_type: 'VPC' } }),
      errors: [{ messageId: 'ftpProtocol', resource: 'aws_transfer_server.files', path: 'planned_values.root_module.resources.0.values.protocols.0', line: 13 }],
    },
    {
      name: 'Terraform: SES v1 configuration set with optional TLS',
      plan: plan({ address: 'aws_ses_configuration_set.results', values: { name: 'results', delivery_options: [{ tls_policy: 'Optional' }] } }),
      errors: [{ messageId: 'sesTlsOptional', resource: 'aws_ses_configuration_set.results', path: 'planned_values.root_module.resources.0.values.delivery_options.0.tls_policy', line: 15 }],
    },
    {
      name: 'Terraform: DMS endpoint with ssl_mode none',
      plan: plan({ address: 'aws_dms_endpoint.source', values: { endpoint_type: 'source', engine_name: 'mysql', ssl_mode: 'none' } }),
      errors: [{ messageId: 'dmsNoSsl', resource: 'aws_dms_endpoint.source', path: 'planned_values.root_module.resources.0.values.ssl_mode', line: 14 }],
    },
  ],
});
