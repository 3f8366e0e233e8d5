import rule from '../../rules/public-exposure/lambda-not-public';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (more: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  RecordsFunction:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/records
      Code:
        ZipFile: print('hi')
${more}`;

const permission = (principal: string, extra = '') => `  InvokePermission:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !Ref RecordsFunction
      Action: lambda:InvokeFunction
      Principal: ${principal}
${extra}`;

const url = (auth: string) => `  RecordsUrl:
    Type: AWS::Lambda::Url
    Properties:
      TargetFunctionArn: !GetAtt RecordsFunction.Arn
      AuthType: ${auth}
`;

const sam = (auth: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  RecordsFunction:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      InlineCode: print('hi')
      FunctionUrlConfig:
        AuthType: ${auth}
`;

const tfFunction = { address: 'aws_lambda_function.records', values: { function_name: 'records' } };
const ref = { function_name: ['aws_lambda_function.records.function_name', 'aws_lambda_function.records'] };

testRule(rule, {
  valid: [
    { name: 'permission for a service with SourceArn', yaml: template(permission('apigateway.amazonaws.com', "      SourceArn: !Sub 'arn:aws:execute-api:us-east-1:111122223333:abc/*'\n")) },
    { name: 'everyone, limited by SourceAccount', yaml: template(permission("'*'", "      SourceAccount: '111122223333'\n")) },
    { name: 'function URL with IAM auth', yaml: template(url('AWS_IAM')) },
    { name: 'SAM: function URL with IAM auth', sam: sam('AWS_IAM') },
    { name: 'Terraform: permission with source_arn', plan: plan(tfFunction, { address: 'aws_lambda_permission.api', values: { principal: '*', action: 'lambda:InvokeFunction', source_arn: 'arn:aws:execute-api:us-east-1:111122223333:abc/*' }, unknown: { function_name: true }, refs: ref }) },
  ],
  invalid: [
    {
      name: 'permission for everyone without a limit',
      yaml: template(permission("'*'")),
      errors: [{ messageId: 'publicPermission', resource: 'InvokePermission', path: 'Resources.InvokePermission.Properties.Principal', line: 19 }],
    },
    {
      name: 'function URL without authentication',
      yaml: template(url('NONE')),
      errors: [{ messageId: 'publicUrl', resource: 'RecordsUrl', path: 'Resources.RecordsUrl.Properties.AuthType', line: 18 }],
    },
    {
      name: 'permission for a function outside the file',
      yaml: template(permission("'*'").replace('!Ref RecordsFunction', 'other-function')),
      errors: [{ messageId: 'publicPermission', resource: 'InvokePermission', path: 'Resources.InvokePermission.Properties.Principal', line: 19 }],
    },
    {
      name: 'principal from a parameter without default is unknown',
      yaml: template(permission('!Ref Open')),
      errors: [{ messageId: 'unknown', resource: 'InvokePermission', path: 'Resources.InvokePermission.Properties.Principal', line: 19, status: 'unknown' }],
    },
    {
      name: 'SAM: function URL with AuthType NONE',
      sam: sam('NONE'),
      errors: [{ messageId: 'publicUrl', resource: 'RecordsFunction', path: 'Resources.RecordsFunction.Properties.FunctionUrlConfig.AuthType', line: 10 }],
    },
    {
      name: 'Terraform: permission for everyone',
      plan: plan(tfFunction, { address: 'aws_lambda_permission.any', values: { principal: '*', action: 'lambda:InvokeFunction' }, unknown: { function_name: true }, refs: ref }),
      errors: [{ messageId: 'publicPermission', resource: 'aws_lambda_permission.any', path: 'planned_values.root_module.resources.1.values.principal', line: 21 }],
    },
    {
      name: 'Terraform: function URL without authentication',
      plan: plan(tfFunction, { address: 'aws_lambda_function_url.records', values: { authorization_type: 'NONE' }, unknown: { function_name: true }, refs: ref }),
      errors: [{ messageId: 'publicUrl', resource: 'aws_lambda_function_url.records', path: 'planned_values.root_module.resources.1.values.authorization_type', line: 21 }],
    },
  ],
});
