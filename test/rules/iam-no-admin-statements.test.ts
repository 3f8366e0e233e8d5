import rule from '../../rules/access-control/iam-no-admin-statements';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (resources: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Actions:
    Type: String
Resources:
${resources}`;

const managed = (statement: string) => `  AppPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
${statement}`;

const scoped = `          - Effect: Allow
            Action:
              - s3:GetObject
              - s3:PutObject
            Resource: arn:aws:s3:::patients/*
`;

const role = (extra: string) => `  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              Service: lambda.amazonaws.com
            Action: sts:AssumeRole
${extra}`;

const tfPolicy = (doc: unknown, unknown?: Record<string, unknown>) => ({
  address: 'aws_iam_policy.app',
  values: { name: 'app', ...(doc === undefined ? {} : { policy: JSON.stringify(doc) }) },
  unknown,
});

testRule(rule, {
  valid: [
    { name: 'scoped actions on a managed policy', yaml: template(managed(scoped)) },
    { name: 'Deny with Action "*" is fine', yaml: template(managed(`          - Effect: Deny\n            Action: '*'\n            Resource: '*'\n`)) },
    { name: 'statement as an object, action as a string', yaml: template(`  AppPolicy:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: app\n      Roles: [app]\n      PolicyDocument:\n        Statement:\n          Effect: Allow\n          Action: dynamodb:GetItem\n          Resource: '*'\n`) },
    { name: 'role with scoped inline policy and a read-only managed policy', yaml: template(role(`      ManagedPolicyArns:\n        - !Sub arn:\${AWS::Partition}:iam::aws:policy/ReadOnlyAccess\n      Policies:\n        - PolicyName: app\n          PolicyDocument:\n            Statement:\n${scoped.replace(/^/gm, '    ').replace(/\n    $/, '\n')}`)) },
    { name: 'SAM function with a policy template and a scoped statement', sam: `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      CodeUri: .\n      Policies:\n        - S3ReadPolicy:\n            BucketName: patients\n        - Statement:\n            - Effect: Allow\n              Action: sqs:SendMessage\n              Resource: '*'\n` },
    { name: 'Terraform: scoped policy', plan: plan(tfPolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::patients/*' }] })) },
    { name: 'Terraform: attachment of a read-only policy', plan: plan({ address: 'aws_iam_role_policy_attachment.ro', values: { role: 'app', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } }) },
  ],
  invalid: [
    {
      name: 'Action "*" on Resource "*"',
      yaml: template(managed(`          - Sid: Everything\n            Effect: Allow\n            Action: '*'\n            Resource: '*'\n`)),
      errors: [{ messageId: 'admin', resource: 'AppPolicy', path: 'Resources.AppPolicy.Properties.PolicyDocument.Statement.0', line: 12 }],
    },
    {
      name: 'service wildcard in a list, second statement',
      yaml: template(managed(scoped + `          - Effect: Allow\n            Action: [s3:GetObject, 'kms:*']\n            Resource: '*'\n`)),
      errors: [{ messageId: 'fullAccess', resource: 'AppPolicy', path: 'Resources.AppPolicy.Properties.PolicyDocument.Statement.1', line: 17 }],
    },
    {
      name: 'policy document written as a JSON string',
      yaml: template(`  AppPolicy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: '{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}'\n`),
      errors: [{ messageId: 'admin', resource: 'AppPolicy', path: 'Resources.AppPolicy.Properties.PolicyDocument', line: 9 }],
    },
    {
      name: 'Allow with NotAction',
      yaml: template(managed(`          - Effect: Allow\n            NotAction: iam:*\n            Resource: '*'\n`)),
      errors: [{ messageId: 'notAction', resource: 'AppPolicy', path: 'Resources.AppPolicy.Properties.PolicyDocument.Statement.0', line: 12 }],
    },
    {
      name: 'statement as an object on AWS::IAM::Policy',
      yaml: template(`  AppPolicy:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: app\n      Roles: [app]\n      PolicyDocument:\n        Statement:\n          Effect: Allow\n          Action: s3:*\n          Resource: arn:aws:s3:::patients/*\n`),
      errors: [{ messageId: 'fullAccess', resource: 'AppPolicy', path: 'Resources.AppPolicy.Properties.PolicyDocument.Statement', line: 12 }],
    },
    {
      name: 'inline role policy and AdministratorAccess attached',
      yaml: template(role(`      ManagedPolicyArns:\n        - !Sub arn:\${AWS::Partition}:iam::aws:policy/AdministratorAccess\n      Policies:\n        - PolicyName: app\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: '*'\n                Resource: '*'\n`)),
      errors: [
        { messageId: 'managedAdmin', resource: 'AppRole', path: 'Resources.AppRole.Properties.ManagedPolicyArns.0', line: 16 },
        { messageId: 'admin', resource: 'AppRole', path: 'Resources.AppRole.Properties.Policies.0.PolicyDocument.Statement.0', line: 21 },
      ],
    },
    {
      name: 'action from a parameter without default is unknown',
      yaml: template(managed(`          - Effect: Allow\n            Action: !Ref Actions\n            Resource: '*'\n`)),
      errors: [{ messageId: 'unknown', resource: 'AppPolicy', path: 'Resources.AppPolicy.Properties.PolicyDocument.Statement.0', line: 12, status: 'unknown' }],
    },
    {
      name: 'SAM: AdministratorAccess by name and an admin statement',
      sam: `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      CodeUri: .\n      Policies:\n        - AdministratorAccess\n        - Statement:\n            - Effect: Allow\n              Action: '*'\n              Resource: '*'\n`,
      errors: [
        { messageId: 'managedAdmin', resource: 'Fn', path: 'Resources.Fn.Properties.Policies.0', line: 10 },
        { messageId: 'admin', resource: 'Fn', path: 'Resources.Fn.Properties.Policies.1.Statement.0', line: 12 },
      ],
    },
    {
      name: 'Terraform: admin policy JSON',
      plan: plan(tfPolicy({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } })),
      errors: [{ messageId: 'admin', resource: 'aws_iam_policy.app', path: 'planned_values.root_module.resources.0.values.policy', line: 13 }],
    },
    {
      name: 'Terraform: AdministratorAccess attachment',
      plan: plan({ address: 'aws_iam_role_policy_attachment.admin', values: { role: 'app', policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' } }),
      errors: [{ messageId: 'managedAdmin', resource: 'aws_iam_role_policy_attachment.admin', path: 'planned_values.root_module.resources.0.values.policy_arn', line: 13 }],
    },
    {
      name: 'Terraform: inline role policy with a service wildcard',
      plan: plan({ address: 'aws_iam_role.app', values: { name: 'app', inline_policy: [{ name: 'x', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' }] }) }] } }),
      errors: [{ messageId: 'fullAccess', resource: 'aws_iam_role.app', path: 'planned_values.root_module.resources.0.values.inline_policy.0.policy', line: 16 }],
    },
    {
      name: 'Terraform: policy known only after apply',
      plan: plan(tfPolicy(undefined, { policy: true })),
      errors: [{ messageId: 'unknown', resource: 'aws_iam_policy.app', path: 'planned_values.root_module.resources.0.values.policy', line: 11, status: 'unknown' }],
    },
  ],
});
