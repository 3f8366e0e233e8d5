import rule from '../../rules/encryption-at-rest/workspaces-volumes-encrypted';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const ws = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Encrypt:
    Type: String
Resources:
  ClinicianDesktop:
    Type: AWS::WorkSpaces::Workspace
    Properties:
      BundleId: wsb-abc123
      DirectoryId: d-1234567890
      UserName: jdoe
${props}`;

const both = '      RootVolumeEncryptionEnabled: true\n      UserVolumeEncryptionEnabled: true\n';
const tf = (values: Record<string, unknown>, unknown?: Record<string, unknown>) => ({ address: 'aws_workspaces_workspace.clinician', values: { bundle_id: 'wsb-abc123', directory_id: 'd-1234567890', user_name: 'jdoe', ...values }, unknown });

testRule(rule, {
  valid: [
    { name: 'both volumes encrypted with a declared key', yaml: ws(both + '      VolumeEncryptionKey: !GetAtt DesktopKey.Arn\n') + '  DesktopKey:\n    Type: AWS::KMS::Key\n' },
    { name: 'both volumes encrypted with the service alias', yaml: ws(both + '      VolumeEncryptionKey: alias/aws/workspaces\n') },
    { name: 'Terraform: both volumes encrypted', plan: plan(tf({ root_volume_encryption_enabled: true, user_volume_encryption_enabled: true, volume_encryption_key: 'alias/aws/workspaces' })) },
  ],
  invalid: [
    {
      name: 'no encryption at all',
      yaml: ws(''),
      errors: [
        { messageId: 'rootVolume', resource: 'ClinicianDesktop', path: 'Resources.ClinicianDesktop.Properties.RootVolumeEncryptionEnabled', line: 8 },
        { messageId: 'userVolume', resource: 'ClinicianDesktop', path: 'Resources.ClinicianDesktop.Properties.UserVolumeEncryptionEnabled', line: 8 },
      ],
    },
    {
      name: 'user volume off',
      yaml: ws('      RootVolumeEncryptionEnabled: true\n      UserVolumeEncryptionEnabled: false\n      VolumeEncryptionKey: alias/aws/workspaces\n'),
      errors: [{ messageId: 'userVolume', resource: 'ClinicianDesktop', path: 'Resources.ClinicianDesktop.Properties.UserVolumeEncryptionEnabled', line: 13 }],
    },
    {
      name: 'encrypted without a key',
      yaml: ws(both),
      errors: [{ messageId: 'noKey', resource: 'ClinicianDesktop', path: 'Resources.ClinicianDesktop.Properties.VolumeEncryptionKey', line: 8 }],
    },
    {
      name: 'parameter without default is unknown',
      yaml: ws('      RootVolumeEncryptionEnabled: !Ref Encrypt\n      UserVolumeEncryptionEnabled: true\n      VolumeEncryptionKey: alias/aws/workspaces\n'),
      errors: [{ messageId: 'unknown', resource: 'ClinicianDesktop', path: 'Resources.ClinicianDesktop.Properties.RootVolumeEncryptionEnabled', line: 12, status: 'unknown' }],
    },
    {
      name: 'Terraform: root volume off',
      plan: plan(tf({ root_volume_encryption_enabled: false, user_volume_encryption_enabled: true, volume_encryption_key: 'alias/aws/workspaces' })),
      errors: [{ messageId: 'rootVolume', resource: 'aws_workspaces_workspace.clinician', path: 'planned_values.root_module.resources.0.values.root_volume_encryption_enabled', line: 15 }],
    },
    {
      name: 'Terraform: user volume unknown after apply',
      plan: plan(tf({ root_volume_encryption_enabled: true, volume_encryption_key: 'alias/aws/workspaces' }, { user_volume_encryption_enabled: true })),
      errors: [{ messageId: 'unknown', resource: 'aws_workspaces_workspace.clinician', path: 'planned_values.root_module.resources.0.values.user_volume_encryption_enabled', line: 11, status: 'unknown' }],
    },
  ],
});
