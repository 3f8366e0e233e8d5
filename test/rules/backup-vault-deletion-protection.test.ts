import rule from '../../rules/backup-recovery/backup-vault-deletion-protection';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Policy:
    Type: String
Resources:
  PhiVault:
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: phi-vault
${props}`;

const policy = (actions: string, principal = "'*'") => `      AccessPolicy:
        Version: '2012-10-17'
        Statement:
          - Effect: Deny
            Principal: ${principal}
            Action: ${actions}
            Resource: '*'
`;

const denyJson = (actions: string[]) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: { AWS: '*' }, Action: actions, Resource: '*' }] });
const vault = { address: 'aws_backup_vault.phi', values: { name: 'phi-vault' } };
const split = (type: string, values: Record<string, unknown>, unknown?: Record<string, unknown>) => ({
  address: `${type}.phi`,
  values: { backup_vault_name: 'phi-vault', ...values },
  unknown,
  refs: { backup_vault_name: ['aws_backup_vault.phi.name', 'aws_backup_vault.phi'] },
});

testRule(rule, {
  valid: [
    { name: 'Vault Lock', yaml: template('      LockConfiguration:\n        MinRetentionDays: 35\n') },
    { name: 'deny both actions to everyone', yaml: template(policy('\n              - backup:DeleteRecoveryPoint\n              - backup:UpdateRecoveryPointLifecycle')) },
    { name: 'deny with a wildcard action', yaml: template(policy("'backup:*'", "\n              AWS: '*'")) },
    { name: 'Terraform: vault lock configuration', plan: plan(vault, split('aws_backup_vault_lock_configuration', { min_retention_days: 35 })) },
    { name: 'Terraform: vault policy denying both', plan: plan(vault, split('aws_backup_vault_policy', { policy: denyJson(['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle']) })) },
  ],
  invalid: [
    {
      name: 'neither lock nor policy',
      yaml: template('      BackupVaultTags:\n        phi: "true"\n'),
      errors: [{ messageId: 'unprotected', resource: 'PhiVault', path: 'Resources.PhiVault.Properties.LockConfiguration', line: 8 }],
    },
    {
      name: 'policy denies only deletion',
      yaml: template(policy('backup:DeleteRecoveryPoint')),
      errors: [{ messageId: 'policyIncomplete', resource: 'PhiVault', path: 'Resources.PhiVault.Properties.AccessPolicy', line: 10 }],
    },
    {
      name: 'policy denies one role only',
      yaml: template(policy("'backup:*'", '\n              AWS: arn:aws:iam::111122223333:role/ops')),
      errors: [{ messageId: 'policyIncomplete', resource: 'PhiVault', path: 'Resources.PhiVault.Properties.AccessPolicy', line: 10 }],
    },
    {
      name: 'policy from a parameter without default is unknown',
      yaml: template('      AccessPolicy: !Ref Policy\n'),
      errors: [{ messageId: 'unknown', resource: 'PhiVault', path: 'Resources.PhiVault.Properties.AccessPolicy', line: 10, status: 'unknown' }],
    },
    {
      name: 'Terraform: no lock and no policy',
      plan: plan(vault),
      errors: [{ messageId: 'unprotected', resource: 'aws_backup_vault.phi', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
    {
      name: 'Terraform: policy without the deny',
      plan: plan(vault, split('aws_backup_vault_policy', { policy: denyJson(['backup:DescribeBackupVault']) })),
      errors: [{ messageId: 'policyIncomplete', resource: 'aws_backup_vault_policy.phi', path: 'planned_values.root_module.resources.1.values.policy', line: 22 }],
    },
    {
      name: 'Terraform: policy known only after apply',
      plan: plan(vault, split('aws_backup_vault_policy', {}, { policy: true })),
      errors: [{ messageId: 'unknown', resource: 'aws_backup_vault_policy.phi', path: 'planned_values.root_module.resources.1.values.policy', line: 20, status: 'unknown' }],
    },
  ],
});
