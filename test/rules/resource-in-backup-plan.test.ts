import { strict as assert } from 'assert';
import rule from '../../rules/backup-recovery/resource-in-backup-plan';
import { lint } from '../../server/src/engine/lint';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (tableProps: string, selection: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  PatientTable:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: patient-visits
${tableProps}${selection}`;

const selection = (body: string) => `  PhiSelection:
    Type: AWS::Backup::BackupSelection
    Properties:
      BackupPlanId: !Ref PhiPlan
      BackupSelection:
        SelectionName: phi
        IamRoleArn: arn:aws:iam::111122223333:role/backup
${body}`;

const phiTag = (value = 'true') => `      Tags:\n        - Key: phi\n          Value: ${value}\n`;
const byTag = selection('        ListOfTags:\n          - ConditionType: STRINGEQUALS\n            ConditionKey: phi\n            ConditionValue: \'true\'\n');

const sam = (tags: string, sel: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Visits:
    Type: AWS::Serverless::SimpleTable
    Properties:
      PrimaryKey:
        Name: id
        Type: String
${tags}${sel}`;

const tfTable = (values: Record<string, unknown> = {}) => ({ address: 'aws_dynamodb_table.patients', values: { name: 'patient-visits', tags: { phi: 'true' }, ...values }, unknown: { arn: true } });
const tfSelection = (values: Record<string, unknown>, refs?: Record<string, string[]>, unknown?: Record<string, unknown>) => ({
  address: 'aws_backup_selection.phi',
  values: { name: 'phi', plan_id: 'plan-1', iam_role_arn: 'arn:aws:iam::111122223333:role/backup', resources: [], not_resources: [], selection_tag: [], condition: [], ...values },
  refs,
  unknown,
});

testRule(rule, {
  valid: [
    { name: 'selected by GetAtt Arn', yaml: template('', selection('        Resources:\n          - !GetAtt PatientTable.Arn\n')) },
    { name: 'selected by a DynamoDB wildcard ARN', yaml: template('', selection("        Resources:\n          - 'arn:aws:dynamodb:*:*:table/*'\n")) },
    {
      name: 'selected by a Sub pattern on the table name',
      yaml: template('', selection("        Resources:\n          - !Sub 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/patient-*'\n")),
    },
    { name: 'selected by ListOfTags', yaml: template(phiTag(), byTag) },
    {
      name: 'selected by Resources * with a StringEquals condition',
      yaml: template(phiTag(), selection("        Resources:\n          - '*'\n        Conditions:\n          StringEquals:\n            - ConditionKey: aws:ResourceTag/phi\n              ConditionValue: 'true'\n")),
    },
    {
      name: 'EFS automatic backups',
      yaml: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      BackupPolicy:\n        Status: ENABLED\n",
    },
    { name: 'Aurora member is backed up with its cluster', yaml: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DBClusterIdentifier: patients\n" },
    { name: 'SAM SimpleTable selected by tag (map form)', sam: sam('      Tags:\n        phi: \'true\'\n', byTag) },
    { name: 'Terraform: selection references the table ARN', plan: plan(tfTable(), tfSelection({}, { resources: ['aws_dynamodb_table.patients.arn', 'aws_dynamodb_table.patients'] }, { resources: true })) },
    { name: 'Terraform: selection_tag matches', plan: plan(tfTable(), tfSelection({ selection_tag: [{ type: 'STRINGEQUALS', key: 'phi', value: 'true' }] })) },
    {
      name: 'Terraform: literal RDS wildcard',
      plan: plan({ address: 'aws_db_instance.patients', values: { identifier: 'patients-prod', tags: {} } }, tfSelection({ resources: ['arn:aws:rds:us-east-1:111122223333:db:patients-*'] })),
    },
    {
      name: 'Terraform: EFS backup policy',
      plan: plan(
        { address: 'aws_efs_file_system.files', values: {}, unknown: { id: true } },
        { address: 'aws_efs_backup_policy.files', values: { backup_policy: [{ status: 'ENABLED' }] }, unknown: { file_system_id: true }, refs: { file_system_id: ['aws_efs_file_system.files.id', 'aws_efs_file_system.files'] } },
      ),
    },
  ],
  invalid: [
    {
      name: 'no backup selection at all',
      yaml: template('', ''),
      errors: [{ messageId: 'notInPlan', resource: 'PatientTable', path: 'Resources.PatientTable', line: 6 }],
    },
    {
      name: 'selection names another table',
      yaml: template('', selection('        Resources:\n          - !GetAtt AuditTable.Arn\n') + '  AuditTable:\n    Type: AWS::DynamoDB::Table\n    DeletionPolicy: Delete\n'),
      errors: [
        { messageId: 'notInPlan', resource: 'PatientTable', path: 'Resources.PatientTable', line: 6 },
      ],
    },
    {
      name: 'wildcard for S3 only',
      yaml: template('', selection("        Resources:\n          - 'arn:aws:s3:::*'\n")),
      errors: [{ messageId: 'notInPlan', resource: 'PatientTable', path: 'Resources.PatientTable', line: 6 }],
    },
    {
      name: 'wildcard name pattern that does not match',
      yaml: template('', selection("        Resources:\n          - 'arn:aws:dynamodb:*:*:table/billing-*'\n")),
      errors: [{ messageId: 'notInPlan', resource: 'PatientTable', path: 'Resources.PatientTable', line: 6 }],
    },
    {
      name: 'excluded by NotResources',
      yaml: template('', selection("        Resources:\n          - 'arn:aws:dynamodb:*:*:table/*'\n        NotResources:\n          - !GetAtt PatientTable.Arn\n")),
      errors: [{ messageId: 'excluded', resource: 'PatientTable', path: 'Resources.PatientTable', line: 6 }],
    },
    {
      name: 'tag value does not match ListOfTags',
      yaml: template(phiTag("'false'"), byTag),
      errors: [{ messageId: 'notInPlan', resource: 'PatientTable', path: 'Resources.PatientTable', line: 6 }],
    },
    {
      name: 'selection ARN from a parameter without default is unknown',
      yaml: template('', selection('        Resources:\n          - !Ref Open\n')),
      errors: [{ messageId: 'unknown', resource: 'PatientTable', path: 'Resources.PatientTable', line: 6, status: 'unknown' }],
    },
    {
      name: 'tag value from a parameter without default is unknown',
      yaml: template('      Tags:\n        - Key: phi\n          Value: !Ref Open\n', byTag),
      errors: [{ messageId: 'unknown', resource: 'PatientTable', path: 'Resources.PatientTable', line: 6, status: 'unknown' }],
    },
    {
      name: 'SAM SimpleTable without a selection',
      sam: sam('', ''),
      errors: [{ messageId: 'notInPlan', resource: 'Visits', path: 'Resources.Visits', line: 3 }],
    },
    {
      name: 'Terraform: no selection',
      plan: plan(tfTable()),
      errors: [{ messageId: 'notInPlan', resource: 'aws_dynamodb_table.patients', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
    {
      name: 'Terraform: selection_tag does not match',
      plan: plan(tfTable(), tfSelection({ selection_tag: [{ type: 'STRINGEQUALS', key: 'phi', value: 'yes' }] })),
      errors: [{ messageId: 'notInPlan', resource: 'aws_dynamodb_table.patients', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
    {
      name: 'Terraform: resources known only after apply without configuration references',
      plan: plan(tfTable(), tfSelection({}, undefined, { resources: true })),
      errors: [{ messageId: 'unknown', resource: 'aws_dynamodb_table.patients', path: 'planned_values.root_module.resources.0', line: 6, status: 'unknown' }],
    },
  ],
});

describe('resource-in-backup-plan with a selection per database', () => {
  // Forty databases, each selected by its own ARN, beside broader selections that decide the other verdicts.
  const db = (name: string, unknown?: Record<string, unknown>) => ({ address: `aws_db_instance.${name}`, values: { identifier: name, engine: 'postgres', tags: { DataClassification: 'PHI' } }, unknown });
  const select = (name: string, values: Record<string, unknown>) => ({ address: `aws_backup_selection.${name}`, values: { name, plan_id: 'plan', iam_role_arn: 'arn:aws:iam::111122223333:role/backup', ...values } });
  const arn = (name: string) => `arn:aws:rds:us-east-1:111122223333:db:${name}`;
  const names = [...Array(40).keys()].map((i) => `db${i}`);
  const resources = [
    ...names.map((n) => db(n)),
    db('orphan'),
    db('Excluded'),
    db('undecided', { tags: true }),
    select('by_tag', { selection_tag: [{ type: 'STRINGEQUALS', key: 'backup', value: 'yes' }] }),
    ...names.map((n) => select(`only_${n}`, { resources: [arn(n.toUpperCase())] })),
    select('all_but_excluded', { resources: ['arn:aws:rds:*:*:db:excluded'], not_resources: [arn('excluded')] }),
  ];
  const findings = lint(JSON.stringify(plan(...resources)), 'file:///plan.json').findings.filter((f) => f.ruleId === 'resource-in-backup-plan');

  it('covers each database by its own selection (RDS names compare without case) and judges the rest against every selection', () => {
    assert.deepEqual(
      findings.map((f) => [f.resource, f.messageId]),
      [
        ['aws_db_instance.orphan', 'notInPlan'],
        ['aws_db_instance.Excluded', 'excluded'],
        ['aws_db_instance.undecided', 'unknown'],
      ],
    );
    assert.match(findings[1].message, /excluded from AWS Backup selection aws_backup_selection\.all_but_excluded /);
    assert.match(findings[2].message, /\(selection aws_backup_selection\.by_tag\)/);
  });
});
