import { defineRule, isTerraform, type Resource, type RuleContext, type RuleResult } from '../kit';
import { expectKey, isAwsManagedAlias, keyFix } from './key-support';

export default defineRule({
  id: 'secretsmanager-cmk',
  title: 'Secrets Manager secret is encrypted with the AWS managed key instead of a customer managed key',
  category: 'encryption-at-rest',
  severity: 'warning',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['secretsmanager-cmk'],
  phiScope: 'all',
  appliesTo: { cloudformation: ['AWS::SecretsManager::Secret'], terraform: ['aws_secretsmanager_secret'] },
  responsibility: {
    aws: 'Secrets Manager always encrypts secret values with KMS, using the account’s aws/secretsmanager key when no other key is named.',
    customer: 'Name a customer managed key so that reading a secret that unlocks PHI needs a separate key grant, can be revoked, and can be shared across accounts deliberately.',
  },
  messages: {
    awsManagedKey: 'Secret {resource} uses the AWS managed aws/secretsmanager key (KmsKeyId is not set); anyone allowed to read the secret can decrypt it, with no key policy of your own in between.',
    awsManagedAlias: 'Secret {resource} names the AWS managed key alias/aws/secretsmanager; name a customer managed key instead.',
    unknown: 'The KMS key of secret {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    awsManagedKey: 'Secret {resource} uses the AWS managed aws/secretsmanager key (kms_key_id is not set); anyone allowed to read the secret can decrypt it, with no key policy of your own in between.',
  },
  check(secret: Resource, ctx: RuleContext): RuleResult[] {
    const attribute = isTerraform(secret) ? 'kms_key_id' : 'KmsKeyId';
    const fixes = keyFix(ctx, secret, attribute, 'Encrypt the secret with a customer managed key', { safe: false, consequence: 'every reader of the secret needs kms:Decrypt on the new key' });
    return expectKey(ctx, secret, attribute, { messageId: 'awsManagedKey', fixes, reject: (v) => isAwsManagedAlias(v, 'secretsmanager'), wrongKeyId: 'awsManagedAlias' });
  },
});
