import { strict as assert } from 'assert';
import rule from '../../rules/access-control/no-plaintext-credentials';
import { runRule, testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (resources: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  DbPassword:
    Type: String
    NoEcho: true
  DefaultedPassword:
    Type: String
    NoEcho: true
    Default: hunter2-default
Conditions:
  IsProd: !Equals [!Ref AWS::Region, us-east-1]
Resources:
${resources}`;

const db = (password: string) => `  PatientDb:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.medium
      MasterUsername: admin
      MasterUserPassword: ${password}
`;

const fn = (variables: string) => `  Intake:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: arn:aws:iam::111122223333:role/intake
      Code:
        ZipFile: 'def handler(e, c): pass'
      Environment:
        Variables:
${variables}`;

const tfDb = (password: unknown, refs?: Record<string, string[]>, unknown?: Record<string, unknown>) => ({
  address: 'aws_db_instance.patients',
  values: { engine: 'postgres', ...(password === undefined ? {} : { password }) },
  refs,
  unknown,
});

testRule(rule, {
  valid: [
    { name: 'parameter supplied at deploy time', yaml: template(db('!Ref DbPassword')) },
    { name: 'Secrets Manager dynamic reference', yaml: template(db("'{{resolve:secretsmanager:patient-db:SecretString:password}}'")) },
    { name: 'dynamic reference built with Fn::Sub', yaml: template(`  DbSecret:\n    Type: AWS::SecretsManager::Secret\n${db("!Sub '{{resolve:secretsmanager:${DbSecret}:SecretString:password}}'")}`) },
    { name: 'managed master password (no password property)', yaml: template(db('x').replace('      MasterUserPassword: x\n', '      ManageMasterUserPassword: true\n')) },
    { name: 'environment variables naming where the secret lives', yaml: template(fn(`          DB_SECRET_ARN: arn:aws:secretsmanager:us-east-1:111122223333:secret:patient-db\n          TABLE_NAME: patients\n          API_TOKEN: '{{resolve:secretsmanager:intake-token}}'\n`)) },
    { name: 'switch-like values of secret-sounding variables', yaml: template(fn(`          ENABLE_TOKEN_CACHE: 'true'\n          TOKEN_REFRESH_SECONDS: 300\n`)) },
    { name: 'CodeBuild variable of type SECRETS_MANAGER', yaml: template(`  Build:\n    Type: AWS::CodeBuild::Project\n    Properties:\n      ServiceRole: arn:aws:iam::111122223333:role/build\n      Artifacts:\n        Type: NO_ARTIFACTS\n      Source:\n        Type: NO_SOURCE\n        BuildSpec: 'version: 0.2'\n      Environment:\n        Type: LINUX_CONTAINER\n        ComputeType: BUILD_GENERAL1_SMALL\n        Image: aws/codebuild/standard:7.0\n        EnvironmentVariables:\n          - Name: AWS_SECRET_ACCESS_KEY\n            Type: SECRETS_MANAGER\n            Value: ci/keys:secret\n`) },
    { name: 'SAM function with a token from Secrets Manager', sam: `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      CodeUri: .\n      Environment:\n        Variables:\n          API_TOKEN: '{{resolve:secretsmanager:intake-token}}'\n` },
    { name: 'String SSM parameter with a non-secret name', yaml: template(`  TableParam:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Name: /clinic/table_name\n      Type: String\n      Value: patients\n`) },
    { name: 'Terraform: SecureString parameter', plan: plan({ address: 'aws_ssm_parameter.token', values: { name: '/clinic/api_token', type: 'SecureString', value: 'x' } }) },
    { name: 'Terraform: password from a variable', plan: plan(tfDb('s3cr3t-from-var', { password: ['var.db_password'] })) },
    { name: 'Terraform: password generated at apply', plan: plan(tfDb(undefined, undefined, { password: true })) },
  ],
  invalid: [
    {
      name: 'literal master password',
      yaml: template(db('Sup3rSecret!')),
      errors: [{ messageId: 'literal', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.MasterUserPassword', line: 19 }],
    },
    {
      name: 'NoEcho parameter whose default holds the password',
      yaml: template(db('!Ref DefaultedPassword')),
      errors: [{ messageId: 'defaultInTemplate', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.MasterUserPassword', line: 19 }],
    },
    {
      name: 'Fn::If with a literal in one branch',
      yaml: template(db("!If [IsProd, !Ref DbPassword, 'devpass123']")),
      errors: [{ messageId: 'literal', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.MasterUserPassword', line: 19 }],
    },
    {
      name: 'plain SSM parameter reference',
      yaml: template(db("'{{resolve:ssm:/db/password}}'")),
      errors: [{ messageId: 'plainParameter', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.MasterUserPassword', line: 19 }],
    },
    {
      name: 'password from another stack is unknown',
      yaml: template(db('!ImportValue shared-db-password')),
      errors: [{ messageId: 'unknown', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.MasterUserPassword', line: 19, status: 'unknown' }],
    },
    {
      name: 'secret-named Lambda variables and an access key id',
      yaml: template(fn(`          DB_PASSWORD: hunter2\n          TABLE_NAME: patients\n          KEY: AKIAIOSFODNN7EXAMPLE\n`)),
      errors: [
        { messageId: 'envSecret', resource: 'Intake', path: 'Resources.Intake.Properties.Environment.Variables.DB_PASSWORD', line: 23 },
        { messageId: 'accessKey', resource: 'Intake', path: 'Resources.Intake.Properties.Environment.Variables.KEY', line: 25 },
      ],
    },
    {
      name: 'ECS container environment and Amazon MQ user password',
      yaml: template(`  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: app\n          Image: app:1\n          Environment:\n            - Name: API_KEY\n              Value: abc123\n  Broker:\n    Type: AWS::AmazonMQ::Broker\n    Properties:\n      Users:\n        - Username: app\n          Password: MqPassw0rd!\n`),
      errors: [
        { messageId: 'envSecret', resource: 'Task', path: 'Resources.Task.Properties.ContainerDefinitions.0.Environment.0.Value', line: 21 },
        { messageId: 'literal', resource: 'Broker', path: 'Resources.Broker.Properties.Users.0.Password', line: 27 },
      ],
    },
    {
      name: 'SAM function with a plaintext token',
      sam: `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      CodeUri: .\n      Environment:\n        Variables:\n          API_TOKEN: tok_live_123\n`,
      errors: [{ messageId: 'envSecret', resource: 'Fn', path: 'Resources.Fn.Properties.Environment.Variables.API_TOKEN', line: 11 }],
    },
    {
      name: 'CodeBuild source URL with a token',
      yaml: template(`  Build:\n    Type: AWS::CodeBuild::Project\n    Properties:\n      ServiceRole: arn:aws:iam::111122223333:role/build\n      Artifacts:\n        Type: NO_ARTIFACTS\n      Environment:\n        Type: LINUX_CONTAINER\n        ComputeType: BUILD_GENERAL1_SMALL\n        Image: aws/codebuild/standard:7.0\n      Source:\n        Type: GITHUB\n        Location: https://ci-bot:ghp_abc123@github.com/clinic/intake.git\n`),
      errors: [{ messageId: 'urlCredentials', resource: 'Build', path: 'Resources.Build.Properties.Source.Location', line: 25 }],
    },
    {
      name: 'Terraform: CodeBuild source URL with credentials',
      plan: plan({ address: 'aws_codebuild_project.ci', values: { source: [{ type: 'GITHUB', location: 'https://ci-bot:ghp_abc123@github.com/clinic/intake.git' }] } }),
      errors: [{ messageId: 'urlCredentials', resource: 'aws_codebuild_project.ci', path: 'planned_values.root_module.resources.0.values.source.0.location', line: 15 }],
    },
    {
      name: 'String SSM parameter holding a password',
      yaml: template(`  DbPasswordParam:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Name: /clinic/db/password\n      Type: String\n      Value: Sup3rSecret!\n`),
      errors: [{ messageId: 'ssmPlain', resource: 'DbPasswordParam', path: 'Resources.DbPasswordParam.Properties.Value', line: 18 }],
    },
    {
      name: 'Terraform: String SSM parameter named like a token',
      plan: plan({ address: 'aws_ssm_parameter.token', values: { name: '/clinic/api_token', type: 'String', value: 'x' } }),
      errors: [{ messageId: 'ssmPlain', resource: 'aws_ssm_parameter.token', path: 'planned_values.root_module.resources.0.values.type', line: 13 }],
    },
    {
      name: 'Terraform: literal password',
      plan: plan(tfDb('Sup3rSecret!')),
      errors: [{ messageId: 'literal', resource: 'aws_db_instance.patients', path: 'planned_values.root_module.resources.0.values.password', line: 13 }],
    },
    {
      name: 'Terraform: plaintext CodeBuild credential and Lambda token',
      plan: plan(
        { address: 'aws_codebuild_project.ci', values: { environment: [{ environment_variable: [{ name: 'AWS_SECRET_ACCESS_KEY', type: 'PLAINTEXT', value: 'wJalrXUtnFEMI' }] }] } },
        { address: 'aws_lambda_function.intake', values: { environment: [{ variables: { API_TOKEN: 'tok_live_123', TABLE: 'patients' } }] } },
      ),
      errors: [
        { messageId: 'envSecret', resource: 'aws_codebuild_project.ci', path: 'planned_values.root_module.resources.0.values.environment.0.environment_variable.0.value', line: 18 },
        { messageId: 'envSecret', resource: 'aws_lambda_function.intake', path: 'planned_values.root_module.resources.1.values.environment.0.variables.API_TOKEN', line: 34 },
      ],
    },
  ],
});

describe('no-plaintext-credentials never prints the secret', () => {
  it('messages hold the property name, not the value', () => {
    const { findings } = runRule(rule, template(db('Sup3rSecret!') + fn('          DB_PASSWORD: hunter2\n')), 'file:///t.yaml');
    assert.equal(findings.length, 2);
    for (const f of findings) assert.ok(!/Sup3rSecret|hunter2/.test(JSON.stringify(f)), JSON.stringify(f));
  });
});
