import rule from '../../rules/access-control/kms-key-management';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (props: string, policy = 'Retain') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Rotate:
    Type: String
Resources:
  PhiKey:
    Type: AWS::KMS::Key
    DeletionPolicy: ${policy}
    UpdateReplacePolicy: ${policy}
    Properties:
${props}`;

const keyPolicy = `      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              AWS: arn:aws:iam::111122223333:root
            Action: kms:*
            Resource: '*'
`;

testRule(rule, {
  valid: [
    { name: 'rotating, retained key with an account-scoped policy', yaml: template('      EnableKeyRotation: true\n      PendingWindowInDays: 30\n' + keyPolicy) },
    { name: 'asymmetric signing key needs no rotation', yaml: template('      KeySpec: RSA_2048\n      KeyUsage: SIGN_VERIFY\n') },
    { name: 'SAM template with a rotating key', sam: template('      EnableKeyRotation: true\n').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31') },
    { name: 'Terraform: rotating key with the default window', plan: plan({ address: 'aws_kms_key.phi', values: { enable_key_rotation: true, is_enabled: true, deletion_window_in_days: 30 } }) },
  ],
  invalid: [
    {
      name: 'no rotation',
      yaml: template('      Description: phi\n'),
      errors: [{ messageId: 'noRotation', resource: 'PhiKey', path: 'Resources.PhiKey.Properties.EnableKeyRotation', line: 10 }],
    },
    {
      name: 'disabled, short window, deleted with the stack, open policy',
      yaml: template(`      EnableKeyRotation: true\n      Enabled: false\n      PendingWindowInDays: 7\n${keyPolicy.replace('              AWS: arn:aws:iam::111122223333:root\n', "              AWS: '*'\n")}`, 'Delete'),
      errors: [
        { messageId: 'notRetained', resource: 'PhiKey', path: 'Resources.PhiKey', line: 6 },
        { messageId: 'disabled', resource: 'PhiKey', path: 'Resources.PhiKey.Properties.Enabled', line: 12 },
        { messageId: 'shortWindow', resource: 'PhiKey', path: 'Resources.PhiKey.Properties.PendingWindowInDays', line: 13 },
        { messageId: 'openPolicy', resource: 'PhiKey', path: 'Resources.PhiKey.Properties.KeyPolicy', line: 14 },
      ],
    },
    {
      name: 'rotation from a parameter without default is unknown',
      yaml: template('      EnableKeyRotation: !Ref Rotate\n'),
      errors: [{ messageId: 'unknown', resource: 'PhiKey', path: 'Resources.PhiKey.Properties.EnableKeyRotation', line: 11, status: 'unknown' }],
    },
    {
      name: 'SAM template with a non-rotating key',
      sam: template('      Description: phi\n').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'noRotation', resource: 'PhiKey', path: 'Resources.PhiKey.Properties.EnableKeyRotation', line: 10 }],
    },
    {
      name: 'Terraform: no rotation and a 7-day window',
      plan: plan({ address: 'aws_kms_key.phi', values: { enable_key_rotation: false, deletion_window_in_days: 7 } }),
      errors: [
        { messageId: 'noRotation', resource: 'aws_kms_key.phi', path: 'planned_values.root_module.resources.0.values.enable_key_rotation', line: 12 },
        { messageId: 'shortWindow', resource: 'aws_kms_key.phi', path: 'planned_values.root_module.resources.0.values.deletion_window_in_days', line: 13 },
      ],
    },
    {
      name: 'Terraform: open key policy',
      plan: plan({ address: 'aws_kms_key.phi', values: { enable_key_rotation: true, policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }] }) } }),
      errors: [{ messageId: 'openPolicy', resource: 'aws_kms_key.phi', path: 'planned_values.root_module.resources.0.values.policy', line: 13 }],
    },
  ],
});
