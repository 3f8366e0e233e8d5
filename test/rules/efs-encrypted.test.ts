import rule from '../../rules/encryption-at-rest/efs-encrypted';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const fs = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Encrypt:
    Type: String
Resources:
  PatientFiles:
    Type: AWS::EFS::FileSystem
    Properties:
      PerformanceMode: generalPurpose
${props}`;

testRule(rule, {
  valid: [
    { name: 'encrypted', yaml: fs('      Encrypted: true\n') },
    { name: 'encrypted with a key', yaml: fs('      Encrypted: true\n      KmsKeyId: alias/phi\n') },
    { name: 'SAM template: encrypted', sam: fs('      Encrypted: true\n').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31') },
    { name: 'Terraform: encrypted', plan: plan({ address: 'aws_efs_file_system.files', values: { encrypted: true } }) },
  ],
  invalid: [
    {
      name: 'Encrypted missing (default false)',
      yaml: fs(''),
      errors: [{ messageId: 'notEncrypted', resource: 'PatientFiles', path: 'Resources.PatientFiles.Properties.Encrypted', line: 8 }],
    },
    {
      name: 'Encrypted false',
      yaml: fs('      Encrypted: false\n'),
      errors: [{ messageId: 'notEncrypted', resource: 'PatientFiles', path: 'Resources.PatientFiles.Properties.Encrypted', line: 10 }],
    },
    {
      name: 'parameter without default is unknown',
      yaml: fs('      Encrypted: !Ref Encrypt\n'),
      errors: [{ messageId: 'unknown', resource: 'PatientFiles', path: 'Resources.PatientFiles.Properties.Encrypted', line: 10, status: 'unknown' }],
    },
    {
      name: 'SAM template: not encrypted',
      sam: fs('').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'notEncrypted', resource: 'PatientFiles', path: 'Resources.PatientFiles.Properties.Encrypted', line: 8 }],
    },
    {
      name: 'Terraform: encrypted false',
      plan: plan({ address: 'aws_efs_file_system.files', values: { encrypted: false } }),
      errors: [{ messageId: 'notEncrypted', resource: 'aws_efs_file_system.files', path: 'planned_values.root_module.resources.0.values.encrypted', line: 12 }],
    },
    {
      name: 'Terraform: known only after apply',
      plan: plan({ address: 'aws_efs_file_system.files', values: {} , unknown: { encrypted: true } }),
      errors: [{ messageId: 'unknown', resource: 'aws_efs_file_system.files', path: 'planned_values.root_module.resources.0.values.encrypted', line: 11, status: 'unknown' }],
    },
  ],
});
