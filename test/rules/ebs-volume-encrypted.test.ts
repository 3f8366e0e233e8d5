import rule from '../../rules/encryption-at-rest/ebs-volume-encrypted';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (resources: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Encrypt:
    Type: String
Resources:
${resources}`;

const volume = (props: string) => template(`  PatientVolume:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: us-east-1a
      Size: 100
${props}`);

const instance = (ebs: string) => template(`  PatientServer:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs:
            VolumeSize: 50
${ebs}`);

testRule(rule, {
  valid: [
    { name: 'encrypted volume', yaml: volume('      Encrypted: true\n') },
    { name: 'instance with encrypted mapping', yaml: instance('            Encrypted: true\n') },
    { name: 'instance-store mapping is skipped', yaml: instance('            Encrypted: true\n        - DeviceName: /dev/sdb\n          VirtualName: ephemeral0\n') },
    {
      name: 'launch template with encrypted mapping',
      yaml: template(`  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        BlockDeviceMappings:
          - DeviceName: /dev/xvda
            Ebs:
              Encrypted: true
`),
    },
    {
      name: 'SAM template: encrypted launch configuration',
      sam: `Transform: AWS::Serverless-2016-10-31
Resources:
  Config:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-12345678
      InstanceType: t3.micro
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs:
            Encrypted: true
`,
    },
    { name: 'Terraform: encrypted volume', plan: plan({ address: 'aws_ebs_volume.data', values: { encrypted: true, size: 100 } }) },
    { name: 'Terraform: instance with encrypted root and data devices', plan: plan({ address: 'aws_instance.app', values: { root_block_device: [{ encrypted: true }], ebs_block_device: [{ device_name: '/dev/sdf', encrypted: true }] } }) },
    { name: 'Terraform: launch template with "true" string', plan: plan({ address: 'aws_launch_template.app', values: { block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: 'true' }] }] } }) },
    {
      name: 'Terraform: account-level encryption by default in the same plan',
      plan: plan({ address: 'aws_ebs_encryption_by_default.this', values: { enabled: true } }, { address: 'aws_ebs_volume.data', values: { encrypted: false } }),
    },
  ],
  invalid: [
    {
      name: 'volume without Encrypted',
      yaml: volume(''),
      errors: [{ messageId: 'notEncrypted', resource: 'PatientVolume', path: 'Resources.PatientVolume.Properties.Encrypted', line: 8 }],
    },
    {
      name: 'volume with Encrypted false',
      yaml: volume('      Encrypted: false\n'),
      errors: [{ messageId: 'notEncrypted', resource: 'PatientVolume', path: 'Resources.PatientVolume.Properties.Encrypted', line: 11 }],
    },
    {
      name: 'volume encryption from a parameter without default is unknown',
      yaml: volume('      Encrypted: !Ref Encrypt\n'),
      errors: [{ messageId: 'unknown', resource: 'PatientVolume', path: 'Resources.PatientVolume.Properties.Encrypted', line: 11, status: 'unknown' }],
    },
    {
      name: 'instance mapping without Encrypted',
      yaml: instance(''),
      errors: [{ messageId: 'notEncrypted', resource: 'PatientServer', path: 'Resources.PatientServer.Properties.BlockDeviceMappings.0.Ebs.Encrypted', line: 12 }],
    },
    {
      name: 'instance without mappings: root volume follows the AMI',
      yaml: template('  PatientServer:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n'),
      errors: [{ messageId: 'unknown', resource: 'PatientServer', path: 'Resources.PatientServer.Properties', line: 8, status: 'unknown' }],
    },
    {
      name: 'mapping restored from a snapshot without the flag is unknown',
      yaml: instance('            SnapshotId: snap-12345678\n'),
      errors: [{ messageId: 'unknown', resource: 'PatientServer', path: 'Resources.PatientServer.Properties.BlockDeviceMappings.0.Ebs', line: 12, status: 'unknown' }],
    },
    {
      name: 'launch template mapping with Encrypted false',
      yaml: template(`  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        BlockDeviceMappings:
          - DeviceName: /dev/xvda
            Ebs:
              Encrypted: false
`),
      errors: [{ messageId: 'notEncrypted', resource: 'Template', path: 'Resources.Template.Properties.LaunchTemplateData.BlockDeviceMappings.0.Ebs.Encrypted', line: 13 }],
    },
    {
      name: 'Terraform: unencrypted volume',
      plan: plan({ address: 'aws_ebs_volume.data', values: { encrypted: false, size: 100 } }),
      errors: [{ messageId: 'notEncrypted', resource: 'aws_ebs_volume.data', path: 'planned_values.root_module.resources.0.values.encrypted', line: 12 }],
    },
    {
      name: 'Terraform: instance data device not encrypted',
      plan: plan({ address: 'aws_instance.app', values: { root_block_device: [{ encrypted: true }], ebs_block_device: [{ device_name: '/dev/sdf', encrypted: false }] } }),
      errors: [{ messageId: 'notEncrypted', resource: 'aws_instance.app', path: 'planned_values.root_module.resources.0.values.ebs_block_device.0.encrypted', line: 20 }],
    },
    {
      name: 'Terraform: root device encryption known only after apply',
      plan: plan({ address: 'aws_instance.app', values: { root_block_device: [{}] }, unknown: { root_block_device: [{ encrypted: true }] } }),
      errors: [{ messageId: 'unknown', resource: 'aws_instance.app', path: 'planned_values.root_module.resources.0.values.root_block_device.0.encrypted', line: 13, status: 'unknown' }],
    },
    {
      name: 'Terraform: launch template device not encrypted',
      plan: plan({ address: 'aws_launch_template.app', values: { block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: 'false' }] }] } }),
      errors: [{ messageId: 'notEncrypted', resource: 'aws_launch_template.app', path: 'planned_values.root_module.resources.0.values.block_device_mappings.0.ebs.0.encrypted', line: 17 }],
    },
  ],
});
