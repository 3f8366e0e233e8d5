import rule from '../../rules/encryption-at-rest/backup-vault-kms';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const vault = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  VaultKey:
    Type: String
Resources:
  PhiVault:
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: phi-backups
${props}`;

const tf = (values: Record<string, unknown>, unknown?: Record<string, unknown>, refs?: Record<string, string[]>) => ({ address: 'aws_backup_vault.phi', values: { name: 'phi-backups', ...values }, unknown, refs });

testRule(rule, {
  valid: [
    { name: 'declared customer managed key', yaml: vault('      EncryptionKeyArn: !GetAtt BackupKey.Arn\n') + '  BackupKey:\n    Type: AWS::KMS::Key\n' },
    { name: 'customer key ARN', yaml: vault('      EncryptionKeyArn: arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\n') },
    { name: 'Terraform: kms_key_arn set', plan: plan(tf({ kms_key_arn: 'arn:aws:kms:us-east-1:111122223333:key/abcd' })) },
    { name: 'Terraform: key created in the plan', plan: plan(tf({}, { kms_key_arn: true }, { kms_key_arn: ['aws_kms_key.backup.arn', 'aws_kms_key.backup'] })) },
  ],
  invalid: [
    {
      name: 'no EncryptionKeyArn',
      yaml: vault(''),
      errors: [{ messageId: 'awsManagedKey', resource: 'PhiVault', path: 'Resources.PhiVault.Properties.EncryptionKeyArn', line: 8 }],
    },
    {
      name: 'AWS managed alias ARN',
      yaml: vault("      EncryptionKeyArn: !Sub 'arn:aws:kms:us-east-1:${AWS::AccountId}:alias/aws/backup'\n"),
      errors: [{ messageId: 'unknown', resource: 'PhiVault', path: 'Resources.PhiVault.Properties.EncryptionKeyArn', line: 10, status: 'unknown' }],
    },
    {
      name: 'AWS managed alias literal',
      yaml: vault('      EncryptionKeyArn: arn:aws:kms:us-east-1:111122223333:alias/aws/backup\n'),
      errors: [{ messageId: 'awsManagedAlias', resource: 'PhiVault', path: 'Resources.PhiVault.Properties.EncryptionKeyArn', line: 10 }],
    },
    {
      name: 'key from a parameter without default',
      yaml: vault('      EncryptionKeyArn: !Ref VaultKey\n'),
      errors: [{ messageId: 'unknown', resource: 'PhiVault', path: 'Resources.PhiVault.Properties.EncryptionKeyArn', line: 10, status: 'unknown' }],
    },
    {
      name: 'Terraform: no kms_key_arn',
      plan: plan(tf({ kms_key_arn: null })),
      errors: [{ messageId: 'awsManagedKey', resource: 'aws_backup_vault.phi', path: 'planned_values.root_module.resources.0.values.kms_key_arn', line: 13 }],
    },
    {
      name: 'Terraform: unknown without a reference',
      plan: plan(tf({}, { kms_key_arn: true })),
      errors: [{ messageId: 'unknown', resource: 'aws_backup_vault.phi', path: 'planned_values.root_module.resources.0.values.kms_key_arn', line: 11, status: 'unknown' }],
    },
  ],
});
