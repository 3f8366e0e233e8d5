import { strict as assert } from 'assert';
import rule from '../../rules/access-control/secrets-rotation';
import { lint } from '../../server/src/engine/lint';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (resources: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Days:
    Type: Number
Resources:
  DbSecret:
    Type: AWS::SecretsManager::Secret
    Properties:
      GenerateSecretString:
        GenerateStringKey: password
        SecretStringTemplate: '{"username": "clinic"}'
${resources}`;

const schedule = (secretId: string, rules: string) => `  DbSecretRotation:
    Type: AWS::SecretsManager::RotationSchedule
    Properties:
      SecretId: ${secretId}
      HostedRotationLambda:
        RotationType: PostgreSQLSingleUser
${rules}`;

const secret = { address: 'aws_secretsmanager_secret.db', values: { name: 'db' } };
const rotation = (rules: Record<string, unknown>, unknown?: Record<string, unknown>) => ({
  address: 'aws_secretsmanager_secret_rotation.db',
  values: { secret_id: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db', rotation_lambda_arn: 'arn:aws:lambda:us-east-1:111122223333:function:rotate', rotation_rules: [rules] },
  unknown,
  refs: { secret_id: ['aws_secretsmanager_secret.db.id', 'aws_secretsmanager_secret.db'] },
});

testRule(rule, {
  valid: [
    { name: 'rotation every 30 days', yaml: template(schedule('!Ref DbSecret', '      RotationRules:\n        AutomaticallyAfterDays: 30\n')) },
    { name: 'schedule through the target attachment with a cron expression', yaml: template(`  Attach:\n    Type: AWS::SecretsManager::SecretTargetAttachment\n    Properties:\n      SecretId: !Ref DbSecret\n      TargetId: db-1\n      TargetType: AWS::RDS::DBInstance\n${schedule('!Ref Attach', "      RotationRules:\n        ScheduleExpression: 'cron(0 4 ? * SUN *)'\n")}`) },
    { name: 'SAM template with a rotated secret', sam: template(schedule('!Ref DbSecret', '      RotationRules:\n        AutomaticallyAfterDays: 60\n')).replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31') },
    { name: 'Terraform: rotation every 30 days', plan: plan(secret, rotation({ automatically_after_days: 30 })) },
  ],
  invalid: [
    {
      name: 'no rotation schedule',
      yaml: template(''),
      errors: [{ messageId: 'noRotation', resource: 'DbSecret', path: 'Resources.DbSecret', line: 6 }],
    },
    {
      name: 'rotation every 365 days',
      yaml: template(schedule('!Ref DbSecret', '      RotationRules:\n        AutomaticallyAfterDays: 365\n')),
      errors: [{ messageId: 'tooLong', resource: 'DbSecretRotation', path: 'Resources.DbSecretRotation.Properties.RotationRules.AutomaticallyAfterDays', line: 19 }],
    },
    {
      name: 'schedule without rules',
      yaml: template(schedule('!Ref DbSecret', '')),
      errors: [{ messageId: 'noRules', resource: 'DbSecretRotation', path: 'Resources.DbSecretRotation.Properties.RotationRules', line: 14 }],
    },
    {
      name: 'interval from a parameter without default is unknown',
      yaml: template(schedule('!Ref DbSecret', '      RotationRules:\n        AutomaticallyAfterDays: !Ref Days\n')),
      errors: [{ messageId: 'unknown', resource: 'DbSecretRotation', path: 'Resources.DbSecretRotation.Properties.RotationRules.AutomaticallyAfterDays', line: 19, status: 'unknown' }],
    },
    {
      name: 'SAM template with an unrotated secret',
      sam: template('').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'noRotation', resource: 'DbSecret', path: 'Resources.DbSecret', line: 6 }],
    },
    {
      name: 'Terraform: no rotation resource',
      plan: plan(secret),
      errors: [{ messageId: 'noRotation', resource: 'aws_secretsmanager_secret.db', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
    {
      name: 'Terraform: rotation every 180 days',
      plan: plan(secret, rotation({ automatically_after_days: 180 })),
      errors: [{ messageId: 'tooLong', resource: 'aws_secretsmanager_secret_rotation.db', path: 'planned_values.root_module.resources.1.values.rotation_rules.0.automatically_after_days', line: 25 }],
    },
  ],
});

describe('secrets-rotation wording', () => {
  it('names the rotation schedule and the secret it rotates', () => {
    const text = template(schedule('!Ref DbSecret', '      RotationRules:\n        AutomaticallyAfterDays: 365\n'));
    const finding = lint(text, 'file:///t.yaml').findings.find((f) => f.ruleId === 'secrets-rotation');
    assert.equal(finding?.message, 'Rotation schedule DbSecretRotation rotates secret DbSecret only every 365 days; rotate at least every 90 days.');
  });
});
