import { strict as assert } from 'assert';
import rule from '../../rules/eligibility/phi-on-hipaa-eligible-service';
import { defaultConfig } from '../../server/src/engine/config';
import { lint } from '../../server/src/engine/lint';
import { RuleIndex } from '../../server/src/engine/registry';
import { testRule } from '../harness/rule-tester';
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

testRule(rule, {
  valid: [
    { name: 'an eligible store', yaml: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Scans:\n    Type: AWS::S3::Bucket\n" },
    { name: 'a service that holds no customer data', yaml: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {}\n" },
    { name: 'SAM types map to their service', sam: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: a.h\n      Runtime: python3.12\n      CodeUri: src/\n' },
    { name: 'Terraform: an eligible table', plan: plan({ address: 'aws_dynamodb_table.visits', values: { name: 'visits' } }) },
  ],
  invalid: [
    { name: 'App Runner is not on the list', yaml: appRunner(), errors: [{ messageId: 'notEligible', resource: 'IntakeService', path: 'Resources.IntakeService.Type', line: 4 }] },
    { name: 'Terraform: App Runner', plan: plan({ address: 'aws_apprunner_service.intake', values: { service_name: 'intake' } }), errors: [{ messageId: 'notEligible', resource: 'aws_apprunner_service.intake', path: 'planned_values.root_module.resources.0.type', line: 9 }] },
    { name: 'Terraform: Directory Service defaults to Simple AD, which the list excludes', plan: plan({ address: 'aws_directory_service_directory.corp', values: { name: 'corp.example.org' } }), errors: [{ messageId: 'notEligible', resource: 'aws_directory_service_directory.corp', path: 'planned_values.root_module.resources.0.type', line: 9 }] },
  ],
});

describe('phi-on-hipaa-eligible-service grading', () => {
  const severity = (text: string) => {
    const config = defaultConfig();
    config.phi.mode = 'declared';
    return lint(text, 'file:///t.yaml', { config, rules: new RuleIndex([rule]) }).findings.map((f) => f.severity);
  };
  it('is an error when PHI reaches the service, a hint otherwise', () => {
    assert.deepEqual(severity(appRunner('      Tags:\n        - Key: DataClassification\n          Value: PHI\n')), ['error']);
    assert.deepEqual(severity(appRunner()), ['hint']);
  });
  it('names the list, its date and its source in the message', () => {
    const m = lint(appRunner(), 'file:///t.yaml', { rules: new RuleIndex([rule]) }).findings[0].message;
    assert.match(m, /AWS App Runner \(AWS::AppRunner::Service\), which is not on the AWS HIPAA eligible services list of 2025-06-17 \(AWS HIPAA Eligible Services Reference/);
  });
});
