import rule from '../../rules/encryption-at-rest/secretsmanager-cmk';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const secret = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  SecretKey:
    Type: String
Resources:
  DbSecret:
    Type: AWS::SecretsManager::Secret
    Properties:
      Description: credentials of the patient database
${props}`;

const tfSecret = (values: Record<string, unknown>, unknown?: Record<string, unknown>, refs?: Record<string, string[]>) => ({ address: 'aws_secretsmanager_secret.db', values: { name: 'patient-db', ...values }, unknown, refs });

testRule(rule, {
  valid: [
    { name: 'customer managed key declared in the template', yaml: secret('      KmsKeyId: !GetAtt SecretsKey.Arn\n') + '  SecretsKey:\n    Type: AWS::KMS::Key\n' },
    { name: 'customer key ARN', yaml: secret('      KmsKeyId: arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\n') },
    { name: 'Terraform: customer key', plan: plan(tfSecret({ kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abcd' })) },
    { name: 'Terraform: key created in the plan', plan: plan(tfSecret({}, { kms_key_id: true }, { kms_key_id: ['aws_kms_key.secrets.arn', 'aws_kms_key.secrets'] })) },
  ],
  invalid: [
    {
      name: 'no KmsKeyId',
      yaml: secret(''),
      errors: [{ messageId: 'awsManagedKey', resource: 'DbSecret', path: 'Resources.DbSecret.Properties.KmsKeyId', line: 8 }],
    },
    {
      name: 'the AWS managed alias',
      yaml: secret('      KmsKeyId: alias/aws/secretsmanager\n'),
      errors: [{ messageId: 'awsManagedAlias', resource: 'DbSecret', path: 'Resources.DbSecret.Properties.KmsKeyId', line: 10 }],
    },
    {
      name: 'key from a parameter without default',
      yaml: secret('      KmsKeyId: !Ref SecretKey\n'),
      errors: [{ messageId: 'unknown', resource: 'DbSecret', path: 'Resources.DbSecret.Properties.KmsKeyId', line: 10, status: 'unknown' }],
    },
    {
      name: 'Terraform: no kms_key_id',
      plan: plan(tfSecret({})),
      errors: [{ messageId: 'awsManagedKey', resource: 'aws_secretsmanager_secret.db', path: 'planned_values.root_module.resources.0.values.kms_key_id', line: 11 }],
    },
    {
      name: 'Terraform: AWS managed alias ARN',
      plan: plan(tfSecret({ kms_key_id: 'arn:aws:kms:us-east-1:111122223333:alias/aws/secretsmanager' })),
      errors: [{ messageId: 'awsManagedAlias', resource: 'aws_secretsmanager_secret.db', path: 'planned_values.root_module.resources.0.values.kms_key_id', line: 13 }],
    },
    {
      name: 'Terraform: unknown without a reference',
      plan: plan(tfSecret({}, { kms_key_id: true })),
      errors: [{ messageId: 'unknown', resource: 'aws_secretsmanager_secret.db', path: 'planned_values.root_module.resources.0.values.kms_key_id', line: 11, status: 'unknown' }],
    },
  ],
});
