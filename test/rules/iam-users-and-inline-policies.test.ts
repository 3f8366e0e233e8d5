import rule from '../../rules/access-control/iam-users-and-inline-policies';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (resources: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  GroupList:
    Type: CommaDelimitedList
Resources:
${resources}`;

const doc = `        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: arn:aws:s3:::patients/*
`;

const group = `  Clinicians:
    Type: AWS::IAM::Group
    Properties:
      ManagedPolicyArns:
        - !Ref ReadPolicy
  ReadPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
${doc}`;

testRule(rule, {
  valid: [
    { name: 'user in a group that holds a managed policy', yaml: template(`${group}  Alice:\n    Type: AWS::IAM::User\n    Properties:\n      Groups:\n        - !Ref Clinicians\n`) },
    { name: 'user added to a group with UserToGroupAddition', yaml: template(`${group}  Alice:\n    Type: AWS::IAM::User\n  AddAlice:\n    Type: AWS::IAM::UserToGroupAddition\n    Properties:\n      GroupName: !Ref Clinicians\n      Users:\n        - !Ref Alice\n`) },
    { name: 'role with a managed policy only', yaml: template(`  AppRole:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal:\n              Service: lambda.amazonaws.com\n            Action: sts:AssumeRole\n      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole\n`) },
    { name: 'SAM function policies are not reported', sam: `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      CodeUri: .\n      Policies:\n        - Statement:\n            - Effect: Allow\n              Action: s3:GetObject\n              Resource: '*'\n` },
    {
      name: 'Terraform: user with group membership and a role with an attached policy',
      plan: plan(
        { address: 'aws_iam_user.alice', values: { name: 'alice' } },
        { address: 'aws_iam_user_group_membership.alice', values: { user: 'alice', groups: ['clinicians'] }, refs: { user: ['aws_iam_user.alice.name', 'aws_iam_user.alice'] } },
        { address: 'aws_iam_role.app', values: { name: 'app', inline_policy: [] } },
      ),
    },
    {
      name: 'Terraform: users listed by name in an aws_iam_group_membership, without references',
      plan: plan(
        { address: 'aws_iam_user.carol', values: { name: 'carol' } },
        { address: 'aws_iam_user.dan', values: { name: 'dan' } },
        { address: 'aws_iam_group_membership.clinicians', values: { name: 'clinicians', group: 'clinicians', users: ['carol', 'dan'] } },
      ),
    },
  ],
  invalid: [
    {
      name: 'user with inline and managed policies and no group',
      yaml: template(`  Bob:\n    Type: AWS::IAM::User\n    Properties:\n      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/ReadOnlyAccess\n      Policies:\n        - PolicyName: direct\n          PolicyDocument:\n${doc.replace(/^/gm, '    ').replace(/\n    $/, '\n')}`),
      errors: [
        { messageId: 'userNoGroup', resource: 'Bob', path: 'Resources.Bob', line: 6 },
        { messageId: 'userPolicies', resource: 'Bob', path: 'Resources.Bob.Properties.ManagedPolicyArns', line: 9 },
        { messageId: 'userPolicies', resource: 'Bob', path: 'Resources.Bob.Properties.Policies', line: 11 },
      ],
    },
    {
      name: 'role with an inline policy, an AWS::IAM::Policy on a user and an access key',
      yaml: template(`  AppRole:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement: []\n      Policies:\n        - PolicyName: app\n          PolicyDocument:\n${doc.replace(/^/gm, '    ').replace(/\n    $/, '\n')}  Direct:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: direct\n      Users: [carol]\n      PolicyDocument:\n${doc}  CarolKey:\n    Type: AWS::IAM::AccessKey\n    Properties:\n      UserName: carol\n`),
      errors: [
        { messageId: 'inlinePolicy', resource: 'AppRole', path: 'Resources.AppRole.Properties.Policies', line: 11 },
        { messageId: 'inlinePolicyResource', resource: 'Direct', path: 'Resources.Direct', line: 18 },
        { messageId: 'policyOnUsers', resource: 'Direct', path: 'Resources.Direct.Properties.Users', line: 22 },
        { messageId: 'accessKey', resource: 'CarolKey', path: 'Resources.CarolKey', line: 28 },
      ],
    },
    {
      name: 'groups from a parameter without default is unknown',
      yaml: template(`  Dan:\n    Type: AWS::IAM::User\n    Properties:\n      Groups: !Ref GroupList\n`),
      errors: [{ messageId: 'unknown', resource: 'Dan', path: 'Resources.Dan.Properties.Groups', line: 9, status: 'unknown' }],
    },
    {
      name: 'SAM template with an IAM user policy',
      sam: `Transform: AWS::Serverless-2016-10-31\nResources:\n  Erin:\n    Type: AWS::IAM::User\n    Properties:\n      Groups: [clinicians]\n      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]\n`,
      errors: [{ messageId: 'userPolicies', resource: 'Erin', path: 'Resources.Erin.Properties.ManagedPolicyArns', line: 7 }],
    },
    {
      name: 'Terraform: user policy, inline role policy, access key, user without group',
      plan: plan(
        { address: 'aws_iam_user.bob', values: { name: 'bob' } },
        { address: 'aws_iam_user_policy.bob', values: { user: 'bob', policy: '{}' }, refs: { user: ['aws_iam_user.bob.name', 'aws_iam_user.bob'] } },
        { address: 'aws_iam_role_policy.app', values: { role: 'app', policy: '{}' } },
        { address: 'aws_iam_access_key.bob', values: { user: 'bob' } },
      ),
      errors: [
        { messageId: 'userNoGroup', resource: 'aws_iam_user.bob', path: 'planned_values.root_module.resources.0', line: 6 },
        { messageId: 'userPolicies', resource: 'aws_iam_user_policy.bob', path: 'planned_values.root_module.resources.1', line: 15 },
        { messageId: 'inlinePolicyResource', resource: 'aws_iam_role_policy.app', path: 'planned_values.root_module.resources.2', line: 25 },
        { messageId: 'accessKey', resource: 'aws_iam_access_key.bob', path: 'planned_values.root_module.resources.3', line: 35 },
      ],
    },
  ],
});
