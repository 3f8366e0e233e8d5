import rule from '../../rules/eligibility/phi-eligibility-unconfirmed';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

testRule(rule, {
  valid: [
    { name: 'an eligible service', yaml: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n" },
    { name: 'a not-eligible service is the other rule’s finding', yaml: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Svc:\n    Type: AWS::AppRunner::Service\n    Properties: {}\n" },
    { name: 'Terraform: an eligible queue', plan: plan({ address: 'aws_sqs_queue.jobs', values: { name: 'jobs' } }) },
  ],
  invalid: [
    { name: 'an ambiguous sub-service', yaml: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Flags:\n    Type: AWS::AppConfig::Application\n    Properties:\n      Name: flags\n", errors: [{ messageId: 'ambiguous', resource: 'Flags', path: 'Resources.Flags.Type', line: 4 }] },
    { name: 'a type the shipped list does not classify', yaml: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Thing:\n    Type: AWS::NotARealService::Thing\n", errors: [{ messageId: 'notListed', resource: 'Thing', path: 'Resources.Thing.Type', line: 4 }] },
  ],
});
