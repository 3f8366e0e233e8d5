import { defineRule, isTerraform, type Resource, type RuleContext, type RuleResult } from '../kit';
import { expectKey, isAwsManagedAlias, keyFix } from './key-support';

export default defineRule({
  id: 'backup-vault-kms',
  title: 'AWS Backup vault that may store PHI recovery points does not use a customer managed KMS key',
  category: 'encryption-at-rest',
  severity: 'warning',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['backup-vault-kms'],
  appliesTo: { cloudformation: ['AWS::Backup::BackupVault'], terraform: ['aws_backup_vault'] },
  responsibility: {
    aws: 'AWS Backup always encrypts recovery points: with the source resource’s key for services that support it, otherwise with the vault key (the AWS managed aws/backup key unless another is named).',
    customer: 'Name a customer managed key on vaults that receive PHI backups, so restoring or copying them needs a grant the customer controls.',
  },
  messages: {
    awsManagedKey: 'Backup vault {resource} uses the AWS managed aws/backup key (EncryptionKeyArn is not set); anyone allowed to restore from the vault can decrypt its recovery points.',
    awsManagedAlias: 'Backup vault {resource} names the AWS managed key alias/aws/backup; name a customer managed key instead.',
    unknown: 'The KMS key of backup vault {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    awsManagedKey: 'Backup vault {resource} uses the AWS managed aws/backup key (kms_key_arn is not set); anyone allowed to restore from the vault can decrypt its recovery points.',
  },
  limits: 'Recovery points of services with their own encryption (RDS, EBS, EFS and others) keep the source key; the vault key only governs the rest. Existing recovery points are not visible in a template.',
  check(vault: Resource, ctx: RuleContext): RuleResult[] {
    const attribute = isTerraform(vault) ? 'kms_key_arn' : 'EncryptionKeyArn';
    const fixes = keyFix(ctx, vault, attribute, 'Encrypt the vault with a customer managed key', { safe: false, consequence: 'replaces the backup vault, which fails while it holds recovery points' });
    return expectKey(ctx, vault, attribute, { messageId: 'awsManagedKey', fixes, reject: (v) => isAwsManagedAlias(v, 'backup'), wrongKeyId: 'awsManagedAlias' });
  },
});
