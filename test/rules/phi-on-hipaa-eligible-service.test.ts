import { strict as assert } from 'assert';
import { ELIGIBILITY_SOURCE, eligibilityOf } from '../../rules/eligibility/eligibility';
import shipped from '../../rules/eligibility/eligible-services.json';
import rule from '../../rules/eligibility/phi-on-hipaa-eligible-service';
import { runRule, testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const appRunner = (tags = '') => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  IntakeService:
    Type: AWS::AppRunner::Service
    Properties:
      SourceConfiguration:
        ImageRepository:
          ImageIdentifier: public.ecr.aws/nginx/nginx:latest
          ImageRepositoryType: ECR_PUBLIC
${tags}`;
const PHI_TAG = '      Tags:\n        - Key: DataClassification\n          Value: PHI\n';
const cfn = (body: string) => `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${body}`;
const sam = (body: string) => `Transform: AWS::Serverless-2016-10-31\nResources:\n${body}`;
const samFunction = '  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: a.h\n      Runtime: python3.12\n      CodeUri: src/\n';

testRule(rule, {
  valid: [
    { name: 'an eligible store', yaml: cfn('  Scans:\n    Type: AWS::S3::Bucket\n') },
    { name: 'an eligible store that PHI reaches', phi: 'declared', yaml: cfn(`  Scans:\n    Type: AWS::S3::Bucket\n    Properties:\n${PHI_TAG}`) },
    { name: 'IAM holds no customer data', yaml: cfn('  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {}\n') },
    { name: 'CloudFormation stacks and custom resources are never flagged', yaml: cfn('  Nested:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: https://example.org/t.yaml\n  Seed:\n    Type: Custom::SeedData\n    Properties:\n      ServiceToken: arn:aws:lambda:us-east-1:111122223333:function:seed\n') },
    { name: 'an ambiguous sub-service is the phi-eligibility-unconfirmed finding', yaml: cfn('  Flags:\n    Type: AWS::AppConfig::Application\n    Properties:\n      Name: flags\n') },
    { name: 'SAM types map to their service', sam: sam(`${samFunction}  Link:\n    Type: AWS::Serverless::Connector\n    Properties:\n      Source:\n        Id: Fn\n      Destination:\n        Id: Fn\n      Permissions:\n        - Read\n`) },
    { name: 'Terraform: an eligible table', plan: plan({ address: 'aws_dynamodb_table.visits', values: { name: 'visits' } }) },
    { name: 'Terraform: IAM and local providers hold no customer data', plan: plan({ address: 'aws_iam_role.app', values: { name: 'app' } }, { address: 'random_password.db', values: { length: 32 } }) },
    { name: 'Terraform: a Microsoft AD directory', plan: plan({ address: 'aws_directory_service_directory.corp', values: { name: 'corp.example.org', type: 'MicrosoftAD' } }) },
  ],
  invalid: [
    { name: 'App Runner is not on the list', yaml: appRunner(), errors: [{ messageId: 'notEligible', resource: 'IntakeService', path: 'Resources.IntakeService.Type', line: 4 }] },
    { name: 'App Runner that PHI reaches (PHI verdict phi)', phi: 'declared', yaml: appRunner(PHI_TAG), errors: [{ messageId: 'notEligible', resource: 'IntakeService', path: 'Resources.IntakeService.Type', line: 4 }] },
    { name: 'a type-level exclusion: Simple AD', yaml: cfn('  Directory:\n    Type: AWS::DirectoryService::SimpleAD\n    Properties:\n      Name: corp.example.org\n      Password: !Ref DirectoryPassword\n      Size: Small\n      VpcSettings:\n        SubnetIds: [subnet-1, subnet-2]\n        VpcId: vpc-1\n').replace('Resources:', 'Parameters:\n  DirectoryPassword:\n    Type: String\n    NoEcho: true\nResources:'), errors: [{ messageId: 'notEligible', resource: 'Directory', path: 'Resources.Directory.Type', line: 8 }] },
    { name: 'SAM: a function next to a service off the list', sam: sam(`${samFunction}  Portal:\n    Type: AWS::AppRunner::Service\n    Properties:\n      SourceConfiguration:\n        ImageRepository:\n          ImageIdentifier: public.ecr.aws/nginx/nginx:latest\n          ImageRepositoryType: ECR_PUBLIC\n`), errors: [{ messageId: 'notEligible', resource: 'Portal', path: 'Resources.Portal.Type', line: 10 }] },
    { name: 'Terraform: App Runner', plan: plan({ address: 'aws_apprunner_service.intake', values: { service_name: 'intake' } }), errors: [{ messageId: 'notEligible', resource: 'aws_apprunner_service.intake', path: 'planned_values.root_module.resources.0.type', line: 9 }] },
    { name: 'Terraform: Directory Service defaults to Simple AD, which the list excludes', plan: plan({ address: 'aws_directory_service_directory.corp', values: { name: 'corp.example.org' } }), errors: [{ messageId: 'notEligible', resource: 'aws_directory_service_directory.corp', path: 'planned_values.root_module.resources.0.type', line: 9 }] },
    { name: 'Terraform: a directory type known only after apply', plan: plan({ address: 'aws_directory_service_directory.corp', values: { name: 'corp.example.org' }, unknown: { type: true } }), errors: [{ messageId: 'unknown', resource: 'aws_directory_service_directory.corp', path: 'planned_values.root_module.resources.0.type', line: 9, status: 'unknown' }] },
  ],
});

describe('phi-on-hipaa-eligible-service grading', () => {
  const severities = (text: string) => runRule(rule, text, 'file:///t.yaml', 'declared').findings.map((f) => f.severity);
  it('is an error when PHI reaches the service, a hint otherwise', () => {
    assert.deepEqual(severities(appRunner(PHI_TAG)), ['error']);
    assert.deepEqual(severities(appRunner()), ['hint']);
  });
  it('names the service, the list revision and its address in the message', () => {
    const m = runRule(rule, appRunner(), 'file:///t.yaml').findings[0].message;
    assert.match(m, /uses AWS App Runner \(AWS::AppRunner::Service\), which is not on the AWS HIPAA Eligible Services Reference of 2025-06-17 \(https:\/\/aws\.amazon\.com\/compliance\/hipaa-eligible-services-reference\/\)/);
  });
});

describe('eligibilityOf (shared with the hover)', () => {
  it('tells the family from the type and returns status, service and note', () => {
    assert.deepEqual(pick(eligibilityOf('AWS::RDS::DBInstance')), { status: 'eligible', service: 'Amazon Relational Database Service' });
    assert.deepEqual(pick(eligibilityOf('aws_apprunner_service')), { status: 'not-eligible', service: 'AWS App Runner' });
    assert.equal(eligibilityOf('AWS::AppRunner::Service').status, 'not-eligible');
    assert.equal(eligibilityOf('AWS::DirectoryService::SimpleAD').status, 'not-eligible');
    assert.equal(eligibilityOf('AWS::DirectoryService::MicrosoftAD').status, 'eligible');
    assert.equal(eligibilityOf('AWS::AppConfig::Application').status, 'ambiguous');
    assert.equal(eligibilityOf('aws_dax_cluster').status, 'ambiguous');
    assert.equal(eligibilityOf('AWS::Serverless::Function').service, 'AWS Lambda');
    for (const t of ['AWS::IAM::Role', 'Custom::Anything', 'AWS::CDK::Metadata', 'aws_iam_policy', 'random_password']) assert.equal(eligibilityOf(t).status, 'no-customer-data', t);
    assert.equal(eligibilityOf('AWS::NotARealService::Thing').status, 'unknown');
    assert.equal(eligibilityOf('azurerm_resource_group').status, 'unknown');
    assert.ok(eligibilityOf('AWS::AppConfig::Application').note);
  });
  it('exposes the source address and revision', () => {
    assert.deepEqual({ url: ELIGIBILITY_SOURCE.url, revision: ELIGIBILITY_SOURCE.revision }, { url: 'https://aws.amazon.com/compliance/hipaa-eligible-services-reference/', revision: '2025-06-17' });
  });
});

function pick(e: { status: string; service?: string }): { status: string; service?: string } {
  return { status: e.status, service: e.service };
}

describe('eligible-services.json (the list shipped as data)', () => {
  const data = shipped as { source: Record<string, string>; cloudformation: Record<string, string[]>; terraform: Record<string, string[]> };
  const STATUSES = ['eligible', 'not-eligible', 'ambiguous', 'no-customer-data', 'unknown'];
  it('carries its source address and revision date', () => {
    assert.match(data.source.url, /^https:\/\/aws\.amazon\.com\//);
    assert.match(data.source.revision, /^\d{4}-\d{2}-\d{2}$/);
  });
  it('gives a valid status for every CloudFormation key and Terraform prefix', () => {
    const bad = [...Object.entries(data.cloudformation), ...Object.entries(data.terraform)].filter(([, v]) => !STATUSES.includes(v[0])).map(([k]) => k);
    assert.deepEqual(bad, []);
    assert.ok(Object.keys(data.cloudformation).length > 300 && Object.keys(data.terraform).length > 250);
  });
});
