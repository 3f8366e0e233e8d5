import rule from '../../rules/encryption-at-rest/cloudwatch-log-group-encrypted';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (resources: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Key:
    Type: String
Resources:
${resources}`;

const group = (props: string) => `  PatientLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 365
${props}`;

const fn = (props = '') => `  IntakeFunction:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/intake
      Code:
        ZipFile: 'def handler(e, c): return e'
${props}`;

const sam = (functionProps: string, extra = '') => `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  IntakeFunction:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
${functionProps}${extra}`;

const tfGroup = (values: Record<string, unknown>, unknown?: Record<string, unknown>, refs?: Record<string, string[]>) => ({ address: 'aws_cloudwatch_log_group.patients', values: { name: '/phi/patients', ...values }, unknown, refs });
const tfFn = { address: 'aws_lambda_function.intake', values: { function_name: 'intake', runtime: 'python3.12' } };

testRule(rule, {
  valid: [
    { name: 'log group with a KMS key', yaml: template(group('      KmsKeyId: !GetAtt LogsKey.Arn\n') + '  LogsKey:\n    Type: AWS::KMS::Key\n') },
    { name: 'function with its /aws/lambda group declared and encrypted', yaml: template(fn() + group("      LogGroupName: !Sub '/aws/lambda/${IntakeFunction}'\n      KmsKeyId: arn:aws:kms:us-east-1:111122223333:key/abcd\n")) },
    { name: 'function with a literal name and the matching group', yaml: template(fn('      FunctionName: intake\n') + group('      LogGroupName: /aws/lambda/intake\n      KmsKeyId: arn:aws:kms:us-east-1:111122223333:key/abcd\n')) },
    { name: 'function pointing LoggingConfig at an encrypted group', yaml: template(fn('      LoggingConfig:\n        LogGroup: !Ref PatientLogs\n') + group('      KmsKeyId: arn:aws:kms:us-east-1:111122223333:key/abcd\n')) },
    { name: 'SAM function with a declared encrypted group', sam: sam('', "  IntakeLogs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: !Sub '/aws/lambda/${IntakeFunction}'\n      KmsKeyId: arn:aws:kms:us-east-1:111122223333:key/abcd\n") },
    { name: 'SAM function logging to a declared group', sam: sam('      LoggingConfig:\n        LogGroup: !Ref IntakeLogs\n', '  IntakeLogs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      KmsKeyId: arn:aws:kms:us-east-1:111122223333:key/abcd\n') },
    { name: 'SAM function with a FunctionName and the matching literal group', sam: sam('      FunctionName: intake\n', '  IntakeLogs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: /aws/lambda/intake\n      KmsKeyId: arn:aws:kms:us-east-1:111122223333:key/abcd\n') },
    {
      name: 'Terraform: function logging to a declared group',
      plan: plan(
        { address: 'aws_lambda_function.intake', values: { function_name: 'intake', logging_config: [{ log_format: 'JSON', log_group: '/phi/intake' }] }, refs: { logging_config: ['aws_cloudwatch_log_group.patients.name', 'aws_cloudwatch_log_group.patients'] } },
        tfGroup({ name: '/phi/intake', kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abcd' }),
      ),
    },
    { name: 'Terraform: kms_key_id set', plan: plan(tfGroup({ kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abcd' })) },
    { name: 'Terraform: kms_key_id references a key in the plan', plan: plan(tfGroup({}, { kms_key_id: true }, { kms_key_id: ['aws_kms_key.logs.arn', 'aws_kms_key.logs'] })) },
    { name: 'Terraform: function with its named group', plan: plan(tfFn, tfGroup({ name: '/aws/lambda/intake', kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abcd' })) },
  ],
  invalid: [
    {
      name: 'log group without a key',
      yaml: template(group('')),
      errors: [{ messageId: 'noKey', resource: 'PatientLogs', path: 'Resources.PatientLogs.Properties.KmsKeyId', line: 8 }],
    },
    {
      name: 'KmsKeyId from a parameter without default is unknown',
      yaml: template(group('      KmsKeyId: !Ref Key\n')),
      errors: [{ messageId: 'unknown', resource: 'PatientLogs', path: 'Resources.PatientLogs.Properties.KmsKeyId', line: 10, status: 'unknown' }],
    },
    {
      name: 'function whose log group is not declared',
      yaml: template(fn()),
      errors: [{ messageId: 'implicitGroup', resource: 'IntakeFunction', path: 'Resources.IntakeFunction', line: 6 }],
    },
    {
      name: 'function with a declared but unencrypted group',
      yaml: template(fn() + group("      LogGroupName: !Sub '/aws/lambda/${IntakeFunction}'\n")),
      errors: [{ messageId: 'noKey', resource: 'PatientLogs', path: 'Resources.PatientLogs.Properties.KmsKeyId', line: 16 }],
    },
    {
      name: 'a group that names the function but is not its /aws/lambda group',
      yaml: template(fn() + group("      LogGroupName: !Sub 'audit-${IntakeFunction}'\n      KmsKeyId: arn:aws:kms:us-east-1:111122223333:key/abcd\n")),
      errors: [{ messageId: 'implicitGroup', resource: 'IntakeFunction', path: 'Resources.IntakeFunction', line: 6 }],
    },
    {
      name: 'Terraform: logging_config left at the default group, not declared',
      plan: plan({ address: 'aws_lambda_function.intake', values: { function_name: 'intake', logging_config: [{ log_format: 'Text', log_group: '/aws/lambda/intake' }] } }),
      errors: [{ messageId: 'implicitGroup', resource: 'aws_lambda_function.intake', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
    {
      name: 'SAM function: implicit log group',
      sam: sam(''),
      errors: [{ messageId: 'implicitGroup', resource: 'IntakeFunction', path: 'Resources.IntakeFunction', line: 4 }],
    },
    {
      name: 'Terraform: log group without kms_key_id',
      plan: plan(tfGroup({})),
      errors: [{ messageId: 'noKey', resource: 'aws_cloudwatch_log_group.patients', path: 'planned_values.root_module.resources.0.values.kms_key_id', line: 11 }],
    },
    {
      name: 'Terraform: kms_key_id unknown without a reference',
      plan: plan(tfGroup({}, { kms_key_id: true })),
      errors: [{ messageId: 'unknown', resource: 'aws_cloudwatch_log_group.patients', path: 'planned_values.root_module.resources.0.values.kms_key_id', line: 11, status: 'unknown' }],
    },
    {
      name: 'Terraform: function without a declared group',
      plan: plan(tfFn),
      errors: [{ messageId: 'implicitGroup', resource: 'aws_lambda_function.intake', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
  ],
});
