import { strict as assert } from 'assert';
import rule from '../../rules/eligibility/phi-eligibility-unconfirmed';
import { runRule, testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const cfn = (body: string) => `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${body}`;
const PHI_TAG = '      Tags:\n        - Key: DataClassification\n          Value: PHI\n';
const daxCluster = (tags = '') => cfn(`  Cache:\n    Type: AWS::DAX::Cluster\n    Properties:\n      IAMRoleARN: arn:aws:iam::111122223333:role/dax\n      NodeType: dax.t3.small\n      ReplicationFactor: 1\n${tags}`);

testRule(rule, {
  valid: [
    { name: 'an eligible service', yaml: cfn('  Q:\n    Type: AWS::SQS::Queue\n') },
    { name: 'a not-eligible service is the other rule’s finding', yaml: cfn('  Svc:\n    Type: AWS::AppRunner::Service\n    Properties: {}\n') },
    { name: 'services that hold no customer data', yaml: cfn('  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {}\n  Seed:\n    Type: Custom::SeedData\n    Properties:\n      ServiceToken: arn:aws:lambda:us-east-1:111122223333:function:seed\n') },
    { name: 'SAM types map to eligible services', sam: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Visits:\n    Type: AWS::Serverless::SimpleTable\n' },
    { name: 'Terraform: an eligible queue', plan: plan({ address: 'aws_sqs_queue.jobs', values: { name: 'jobs' } }) },
    { name: 'Terraform: other providers are outside the AWS list', plan: plan({ address: 'random_id.suffix', values: { byte_length: 4 } }, { address: 'azurerm_resource_group.rg', values: { name: 'rg' } }) },
  ],
  invalid: [
    { name: 'an ambiguous sub-service', yaml: cfn('  Flags:\n    Type: AWS::AppConfig::Application\n    Properties:\n      Name: flags\n'), errors: [{ messageId: 'ambiguous', resource: 'Flags', path: 'Resources.Flags.Type', line: 4 }] },
    { name: 'an ambiguous sub-service that PHI reaches (PHI verdict phi)', phi: 'declared', yaml: daxCluster(PHI_TAG), errors: [{ messageId: 'ambiguous', resource: 'Cache', path: 'Resources.Cache.Type', line: 4 }] },
    { name: 'a type-level exception inside an eligible service', yaml: cfn('  Influx:\n    Type: AWS::Timestream::InfluxDBInstance\n    Properties:\n      Name: metrics\n'), errors: [{ messageId: 'ambiguous', resource: 'Influx', path: 'Resources.Influx.Type', line: 4 }] },
    { name: 'a type the shipped list does not classify', yaml: cfn('  Thing:\n    Type: AWS::NotARealService::Thing\n'), errors: [{ messageId: 'notListed', resource: 'Thing', path: 'Resources.Thing.Type', line: 4 }] },
    { name: 'SAM: an ambiguous sub-service next to SAM types', sam: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Visits:\n    Type: AWS::Serverless::SimpleTable\n  Flags:\n    Type: AWS::AppConfig::Application\n    Properties:\n      Name: flags\n', errors: [{ messageId: 'ambiguous', resource: 'Flags', path: 'Resources.Flags.Type', line: 6 }] },
    { name: 'Terraform: an ambiguous prefix', plan: plan({ address: 'aws_dax_cluster.cache', values: { cluster_name: 'cache' } }), errors: [{ messageId: 'ambiguous', resource: 'aws_dax_cluster.cache', path: 'planned_values.root_module.resources.0.type', line: 9 }] },
    { name: 'Terraform: an AWS type no prefix classifies', plan: plan({ address: 'aws_notarealservice_thing.x', values: { name: 'x' } }), errors: [{ messageId: 'notListed', resource: 'aws_notarealservice_thing.x', path: 'planned_values.root_module.resources.0.type', line: 9 }] },
  ],
});

describe('phi-eligibility-unconfirmed grading', () => {
  const severities = (text: string) => runRule(rule, text, 'file:///t.yaml', 'declared').findings.map((f) => f.severity);
  it('warns when PHI reaches the service, a hint otherwise', () => {
    assert.deepEqual(severities(daxCluster(PHI_TAG)), ['warning']);
    assert.deepEqual(severities(daxCluster()), ['hint']);
  });
});
