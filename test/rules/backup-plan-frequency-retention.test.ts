import rule from '../../rules/backup-recovery/backup-plan-frequency-retention';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (rules: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Schedule:
    Type: String
Resources:
  PhiPlan:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan:
        BackupPlanName: phi
        BackupPlanRule:
${rules}`;

const rule1 = (schedule: string | undefined, lifecycle = '') =>
  `          - RuleName: r\n            TargetBackupVault: phi-vault\n` + (schedule === undefined ? '' : `            ScheduleExpression: ${schedule}\n`) + lifecycle;
const keep = (days: number) => `            Lifecycle:\n              DeleteAfterDays: ${days}\n`;

const tfPlan = (rules: unknown[], unknown?: Record<string, unknown>) => plan({ address: 'aws_backup_plan.phi', values: { name: 'phi', rule: rules }, unknown });

testRule(rule, {
  valid: [
    { name: 'daily, kept 35 days', yaml: template(rule1("'cron(0 5 ? * * *)'", keep(35))) },
    { name: 'hourly, kept forever', yaml: template(rule1("'cron(15 * ? * * *)'")) },
    { name: 'no schedule uses the daily default', yaml: template(rule1(undefined, keep(90))) },
    { name: 'a weekly rule next to a daily one', yaml: template(rule1("'cron(0 5 ? * SUN *)'", keep(365)) + rule1("'cron(0 5 * * ? *)'", keep(35))) },
    { name: 'continuous backup', yaml: template(rule1("'cron(0 5 ? * SUN *)'", keep(35)) + '            EnableContinuousBackup: true\n') },
    { name: 'Terraform: daily, 35 days', plan: tfPlan([{ rule_name: 'daily', schedule: 'cron(0 5 ? * * *)', lifecycle: [{ delete_after: 35 }] }]) },
  ],
  invalid: [
    {
      name: 'weekly only',
      yaml: template(rule1("'cron(0 5 ? * SUN *)'", keep(35))),
      errors: [{ messageId: 'infrequent', resource: 'PhiPlan', path: 'Resources.PhiPlan.Properties.BackupPlan.BackupPlanRule.0.ScheduleExpression', line: 14 }],
    },
    {
      name: 'monthly on the first',
      yaml: template(rule1("'cron(0 5 1 * ? *)'")),
      errors: [{ messageId: 'infrequent', resource: 'PhiPlan', path: 'Resources.PhiPlan.Properties.BackupPlan.BackupPlanRule.0.ScheduleExpression', line: 14 }],
    },
    {
      name: 'daily but kept a week',
      yaml: template(rule1("'cron(0 5 ? * * *)'", keep(7))),
      errors: [{ messageId: 'shortRetention', resource: 'PhiPlan', path: 'Resources.PhiPlan.Properties.BackupPlan.BackupPlanRule.0.Lifecycle.DeleteAfterDays', line: 16 }],
    },
    {
      name: 'schedule from a parameter without default is unknown',
      yaml: template(rule1('!Ref Schedule', keep(35))),
      errors: [{ messageId: 'unknown', resource: 'PhiPlan', path: 'Resources.PhiPlan.Properties.BackupPlan.BackupPlanRule.0.ScheduleExpression', line: 14, status: 'unknown' }],
    },
    {
      name: 'Terraform: weekly schedule',
      plan: tfPlan([{ rule_name: 'weekly', schedule: 'cron(0 5 ? * MON *)', lifecycle: [{ delete_after: 35 }] }]),
      errors: [{ messageId: 'infrequent', resource: 'aws_backup_plan.phi', path: 'planned_values.root_module.resources.0.values.rule.0.schedule', line: 16 }],
    },
    {
      name: 'Terraform: daily kept 14 days',
      plan: tfPlan([{ rule_name: 'daily', schedule: 'cron(0 5 ? * * *)', lifecycle: [{ delete_after: 14 }] }]),
      errors: [{ messageId: 'shortRetention', resource: 'aws_backup_plan.phi', path: 'planned_values.root_module.resources.0.values.rule.0.lifecycle.0.delete_after', line: 19 }],
    },
    {
      name: 'Terraform: retention known only after apply',
      plan: tfPlan([{ rule_name: 'daily', schedule: 'cron(0 5 ? * * *)', lifecycle: [{}] }], { rule: [{ lifecycle: [{ delete_after: true }] }] }),
      errors: [{ messageId: 'unknown', resource: 'aws_backup_plan.phi', path: 'planned_values.root_module.resources.0.values.rule.0.lifecycle.0.delete_after', line: 18, status: 'unknown' }],
    },
  ],
});
