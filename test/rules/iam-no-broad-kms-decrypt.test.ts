import rule from '../../rules/access-control/iam-no-broad-kms-decrypt';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (statement: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Actions:
    Type: String
Resources:
  AppPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
${statement}`;

const stmt = (action: string, resource = "'*'", extra = '') => `          - Effect: Allow
            Action: ${action}
            Resource: ${resource}
${extra}`;

const tf = (doc: unknown) => ({ address: 'aws_iam_role_policy.app', values: { role: 'app', policy: JSON.stringify(doc) } });

testRule(rule, {
  valid: [
    { name: 'decrypt on one key', yaml: template(stmt('kms:Decrypt', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab')) },
    { name: 'decrypt on every key bound to a service', yaml: template(stmt('kms:Decrypt', "'*'", '            Condition:\n              StringEquals:\n                kms:ViaService: s3.us-east-1.amazonaws.com\n')) },
    { name: 'encrypt-only on every key', yaml: template(stmt('[kms:Encrypt, kms:GenerateDataKey]')) },
    { name: 'SAM function with a key-scoped decrypt', sam: `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      CodeUri: .\n      Policies:\n        - Statement:\n            - Effect: Allow\n              Action: kms:Decrypt\n              Resource: arn:aws:kms:us-east-1:111122223333:key/abcd\n` },
    { name: 'Terraform: decrypt on a named key', plan: plan(tf({ Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-east-1:111122223333:key/abcd' }] })) },
  ],
  invalid: [
    {
      name: 'kms:Decrypt on "*"',
      yaml: template(stmt('kms:Decrypt')),
      errors: [{ messageId: 'broadDecrypt', resource: 'AppPolicy', path: 'Resources.AppPolicy.Properties.PolicyDocument.Statement.0', line: 12 }],
    },
    {
      name: 'wildcard action kms:Re* on every key ARN',
      yaml: template(stmt('[kms:DescribeKey, kms:Re*]', "'arn:aws:kms:*:111122223333:key/*'")),
      errors: [{ messageId: 'broadDecrypt', resource: 'AppPolicy', path: 'Resources.AppPolicy.Properties.PolicyDocument.Statement.0', line: 12 }],
    },
    {
      name: 'NotAction that does not exclude decrypt',
      yaml: template(`          - Effect: Allow\n            NotAction: iam:*\n            Resource: '*'\n`),
      errors: [{ messageId: 'broadDecrypt', resource: 'AppPolicy', path: 'Resources.AppPolicy.Properties.PolicyDocument.Statement.0', line: 12 }],
    },
    {
      name: 'action from a parameter without default is unknown',
      yaml: template(stmt('!Ref Actions')),
      errors: [{ messageId: 'unknown', resource: 'AppPolicy', path: 'Resources.AppPolicy.Properties.PolicyDocument.Statement.0', line: 12, status: 'unknown' }],
    },
    {
      name: 'SAM function allowed kms:* everywhere',
      sam: `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      CodeUri: .\n      Policies:\n        - Statement:\n            - Effect: Allow\n              Action: kms:*\n              Resource: '*'\n`,
      errors: [{ messageId: 'broadDecrypt', resource: 'Fn', path: 'Resources.Fn.Properties.Policies.0.Statement.0', line: 11 }],
    },
    {
      name: 'Terraform: inline role policy with decrypt on "*"',
      plan: plan(tf({ Statement: [{ Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: '*' }] })),
      errors: [{ messageId: 'broadDecrypt', resource: 'aws_iam_role_policy.app', path: 'planned_values.root_module.resources.0.values.policy', line: 13 }],
    },
  ],
});
