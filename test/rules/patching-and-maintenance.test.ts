import rule from '../../rules/access-control/patching-and-maintenance';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (resources: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Upgrade:
    Type: String
Resources:
${resources}`;

const db = (props: string) => `  PatientDb:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.medium
${props}`;

const beanstalk = (settings: string) => `  PortalEnv:
    Type: AWS::ElasticBeanstalk::Environment
    Properties:
      ApplicationName: portal
      SolutionStackName: 64bit Amazon Linux 2023 v4.0.0 running Python 3.11
      OptionSettings:
${settings}`;

const managed = `        - Namespace: aws:elasticbeanstalk:managedactions
          OptionName: ManagedActionsEnabled
          Value: 'true'
        - Namespace: aws:elasticbeanstalk:managedactions
          OptionName: PreferredStartTime
          Value: 'Sun:04:00'
`;
const level = (v: string) => `        - Namespace: aws:elasticbeanstalk:managedactions:platformupdate
          OptionName: UpdateLevel
          Value: ${v}
`;

testRule(rule, {
  valid: [
    { name: 'database with the default (automatic minor upgrades)', yaml: template(db('')) },
    { name: 'Beanstalk with managed minor updates', yaml: template(beanstalk(managed + level('minor'))) },
    { name: 'Redshift allowing upgrades with snapshots', yaml: template(`  Warehouse:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: ra3.xlplus\n      ClusterType: single-node\n      DBName: claims\n      MasterUsername: admin\n      ManageMasterPassword: true\n      AllowVersionUpgrade: true\n      AutomatedSnapshotRetentionPeriod: 7\n`) },
    { name: 'SAM template with a default database', sam: `Transform: AWS::Serverless-2016-10-31\nResources:\n${db('')}` },
    { name: 'Terraform: database with minor upgrades', plan: plan({ address: 'aws_db_instance.patients', values: { auto_minor_version_upgrade: true } }) },
  ],
  invalid: [
    {
      name: 'database with automatic minor upgrades off',
      yaml: template(db('      AutoMinorVersionUpgrade: false\n')),
      errors: [{ messageId: 'noMinorUpgrade', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.AutoMinorVersionUpgrade', line: 11 }],
    },
    {
      name: 'upgrade flag from a parameter without default is unknown',
      yaml: template(db('      AutoMinorVersionUpgrade: !Ref Upgrade\n')),
      errors: [{ messageId: 'unknown', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.AutoMinorVersionUpgrade', line: 11, status: 'unknown' }],
    },
    {
      name: 'Beanstalk without managed actions',
      yaml: template(beanstalk(level('minor'))),
      errors: [{ messageId: 'noManagedUpdates', resource: 'PortalEnv', path: 'Resources.PortalEnv.Properties.OptionSettings', line: 11 }],
    },
    {
      name: 'Beanstalk managed actions with major updates',
      yaml: template(beanstalk(managed + level('major'))),
      errors: [{ messageId: 'noManagedUpdates', resource: 'PortalEnv', path: 'Resources.PortalEnv.Properties.OptionSettings.2.Value', line: 20 }],
    },
    {
      name: 'Redshift without upgrades or snapshots',
      yaml: template(`  Warehouse:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: ra3.xlplus\n      ClusterType: single-node\n      DBName: claims\n      MasterUsername: admin\n      ManageMasterPassword: true\n      AllowVersionUpgrade: false\n      AutomatedSnapshotRetentionPeriod: 0\n`),
      errors: [
        { messageId: 'noVersionUpgrade', resource: 'Warehouse', path: 'Resources.Warehouse.Properties.AllowVersionUpgrade', line: 14 },
        { messageId: 'noSnapshots', resource: 'Warehouse', path: 'Resources.Warehouse.Properties.AutomatedSnapshotRetentionPeriod', line: 15 },
      ],
    },
    {
      name: 'SAM template with minor upgrades off',
      sam: `Transform: AWS::Serverless-2016-10-31\nResources:\n${db('      AutoMinorVersionUpgrade: false\n')}`,
      errors: [{ messageId: 'noMinorUpgrade', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.AutoMinorVersionUpgrade', line: 8 }],
    },
    {
      name: 'Terraform: minor upgrades off and Beanstalk without managed actions',
      plan: plan(
        { address: 'aws_db_instance.patients', values: { auto_minor_version_upgrade: false } },
        { address: 'aws_elastic_beanstalk_environment.portal', values: { setting: [{ namespace: 'aws:elasticbeanstalk:managedactions', name: 'ManagedActionsEnabled', value: 'false' }] } },
      ),
      errors: [
        { messageId: 'noMinorUpgrade', resource: 'aws_db_instance.patients', path: 'planned_values.root_module.resources.0.values.auto_minor_version_upgrade', line: 12 },
        { messageId: 'noManagedUpdates', resource: 'aws_elastic_beanstalk_environment.portal', path: 'planned_values.root_module.resources.1.values.setting.0.value', line: 25 },
      ],
    },
  ],
});
