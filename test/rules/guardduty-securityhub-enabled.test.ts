import rule from '../../rules/audit-logging/guardduty-securityhub-enabled';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const detector = (enable: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  On:
    Type: String
Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: ${enable}
      FindingPublishingFrequency: FIFTEEN_MINUTES
`;
const sam = (s: string) => s.replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31');

testRule(rule, {
  valid: [
    { name: 'enabled detector', yaml: detector('true') },
    { name: 'SAM template: enabled detector', sam: sam(detector('true')) },
    { name: 'Terraform: enable defaults to true', plan: plan({ address: 'aws_guardduty_detector.main', values: { enable: null } }) },
    { name: 'Terraform: enabled detector', plan: plan({ address: 'aws_guardduty_detector.main', values: { enable: true } }) },
  ],
  invalid: [
    {
      name: 'disabled detector',
      yaml: detector('false'),
      errors: [{ messageId: 'disabled', resource: 'Detector', path: 'Resources.Detector.Properties.Enable', line: 9 }],
    },
    {
      name: 'SAM template: disabled detector',
      sam: sam(detector('false')),
      errors: [{ messageId: 'disabled', resource: 'Detector', path: 'Resources.Detector.Properties.Enable', line: 9 }],
    },
    {
      name: 'Enable from a parameter without default',
      yaml: detector('!Ref On'),
      errors: [{ messageId: 'unknown', resource: 'Detector', path: 'Resources.Detector.Properties.Enable', line: 9, status: 'unknown' }],
    },
    {
      name: 'Terraform: disabled detector',
      plan: plan({ address: 'aws_guardduty_detector.main', values: { enable: false } }),
      errors: [{ messageId: 'disabled', resource: 'aws_guardduty_detector.main', path: 'planned_values.root_module.resources.0.values.enable', line: 12 }],
    },
  ],
});
