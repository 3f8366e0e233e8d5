import rule from '../../rules/encryption-at-rest/lambda-environment-kms';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const fn = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  EnvKey:
    Type: String
Resources:
  IntakeFunction:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/intake
      Code:
        ZipFile: 'def handler(e, c): return e'
${props}`;

const env = '      Environment:\n        Variables:\n          TABLE_NAME: patients\n';

const sam = (globals: string, props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.12
${globals}Resources:
  IntakeFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      CodeUri: src/
${props}`;

const tf = (values: Record<string, unknown>, unknown?: Record<string, unknown>, refs?: Record<string, string[]>) => ({ address: 'aws_lambda_function.intake', values: { function_name: 'intake', ...values }, unknown, refs });

testRule(rule, {
  valid: [
    { name: 'no environment variables', yaml: fn('') },
    { name: 'variables with a declared key', yaml: fn(env + '      KmsKeyArn: !GetAtt EnvKmsKey.Arn\n') + '  EnvKmsKey:\n    Type: AWS::KMS::Key\n' },
    { name: 'SAM: key in Globals covers the function', sam: sam('    KmsKeyArn: arn:aws:kms:us-east-1:111122223333:key/abcd\n', '      Environment:\n        Variables:\n          TABLE_NAME: patients\n') },
    { name: 'Terraform: variables with kms_key_arn', plan: plan(tf({ environment: [{ variables: { TABLE_NAME: 'patients' } }], kms_key_arn: 'arn:aws:kms:us-east-1:111122223333:key/abcd' })) },
    { name: 'Terraform: key created in the plan', plan: plan(tf({ environment: [{ variables: { TABLE_NAME: 'patients' } }] }, { kms_key_arn: true }, { kms_key_arn: ['aws_kms_key.lambda.arn', 'aws_kms_key.lambda'] })) },
    { name: 'Terraform: no environment', plan: plan(tf({ environment: [], kms_key_arn: null })) },
  ],
  invalid: [
    {
      name: 'variables without a key',
      yaml: fn(env),
      errors: [{ messageId: 'noKey', resource: 'IntakeFunction', path: 'Resources.IntakeFunction.Properties.KmsKeyArn', line: 8 }],
    },
    {
      name: 'key from a parameter without default',
      yaml: fn(env + '      KmsKeyArn: !Ref EnvKey\n'),
      errors: [{ messageId: 'unknown', resource: 'IntakeFunction', path: 'Resources.IntakeFunction.Properties.KmsKeyArn', line: 17, status: 'unknown' }],
    },
    {
      name: 'SAM: variables from Globals without a key',
      sam: sam('    Environment:\n      Variables:\n        TABLE_NAME: patients\n', ''),
      errors: [{ messageId: 'noKey', resource: 'IntakeFunction', path: 'Resources.IntakeFunction.Properties.KmsKeyArn', line: 12 }],
    },
    {
      name: 'Terraform: variables without kms_key_arn',
      plan: plan(tf({ environment: [{ variables: { TABLE_NAME: 'patients' } }], kms_key_arn: null })),
      errors: [{ messageId: 'noKey', resource: 'aws_lambda_function.intake', path: 'planned_values.root_module.resources.0.values.kms_key_arn', line: 20 }],
    },
    {
      name: 'Terraform: kms_key_arn unknown without a reference',
      plan: plan(tf({ environment: [{ variables: { TABLE_NAME: 'patients' } }] }, { kms_key_arn: true })),
      errors: [{ messageId: 'unknown', resource: 'aws_lambda_function.intake', path: 'planned_values.root_module.resources.0.values.kms_key_arn', line: 11, status: 'unknown' }],
    },
  ],
});
