import rule from '../../rules/access-control/iam-account-password-policy';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const strong = { minimum_password_length: 14, require_lowercase_characters: true, require_uppercase_characters: true, require_numbers: true, require_symbols: true, password_reuse_prevention: 24, max_password_age: 90 };
const policy = (values: Record<string, unknown>, unknown?: Record<string, unknown>) => ({ address: 'aws_iam_account_password_policy.strict', values, unknown });

testRule(rule, {
  valid: [
    { name: 'users without console passwords', yaml: `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Alice:\n    Type: AWS::IAM::User\n    Properties:\n      Groups: [clinicians]\n` },
    { name: 'SAM template without IAM users', sam: `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      CodeUri: .\n` },
    { name: 'Terraform: policy at the baseline', plan: plan(policy(strong)) },
    { name: 'Terraform: login profile with the policy in the plan', plan: plan(policy(strong), { address: 'aws_iam_user_login_profile.alice', values: { user: 'alice' } }) },
  ],
  invalid: [
    {
      name: 'console user: the account policy cannot be seen',
      yaml: `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Alice:\n    Type: AWS::IAM::User\n    Properties:\n      LoginProfile:\n        Password: '{{resolve:secretsmanager:alice-initial}}'\n        PasswordResetRequired: true\n`,
      errors: [{ messageId: 'policyNotVisible', resource: 'Alice', path: 'Resources.Alice.Properties.LoginProfile', line: 6, status: 'unknown' }],
    },
    {
      name: 'SAM template with a console user',
      sam: `Transform: AWS::Serverless-2016-10-31\nResources:\n  Alice:\n    Type: AWS::IAM::User\n    Properties:\n      LoginProfile:\n        Password: '{{resolve:secretsmanager:alice-initial}}'\n`,
      errors: [{ messageId: 'policyNotVisible', resource: 'Alice', path: 'Resources.Alice.Properties.LoginProfile', line: 6, status: 'unknown' }],
    },
    {
      name: 'Terraform: short, no symbols, no expiry',
      plan: plan(policy({ ...strong, minimum_password_length: 8, require_symbols: false, max_password_age: 0 })),
      errors: [{ messageId: 'weakPolicy', resource: 'aws_iam_account_password_policy.strict', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
    {
      name: 'Terraform: login profile without a policy in the plan',
      plan: plan({ address: 'aws_iam_user_login_profile.alice', values: { user: 'alice' } }),
      errors: [{ messageId: 'policyNotVisible', resource: 'aws_iam_user_login_profile.alice', path: 'planned_values.root_module.resources.0', line: 6, status: 'unknown' }],
    },
    {
      name: 'Terraform: length known only after apply',
      plan: plan(policy({ ...strong, minimum_password_length: undefined }, { minimum_password_length: true })),
      errors: [{ messageId: 'unknown', resource: 'aws_iam_account_password_policy.strict', path: 'planned_values.root_module.resources.0.values.minimum_password_length', line: 11, status: 'unknown' }],
    },
  ],
});
