import rule from '../../rules/public-exposure/rds-not-public';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const db = (props: string, type = 'AWS::RDS::DBInstance') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  PatientDb:
    Type: ${type}
    Properties:
      Engine: postgres
${props}`;

testRule(rule, {
  valid: [
    { name: 'PubliclyAccessible false', yaml: db('      PubliclyAccessible: false\n') },
    { name: 'left out, in a private subnet group', yaml: db('      DBSubnetGroupName: private-db-subnets\n') },
    { name: 'Aurora member inherits the cluster subnet group', yaml: db('      DBClusterIdentifier: patients\n') },
    { name: 'Multi-AZ DB cluster without the flag', yaml: db('      DBClusterInstanceClass: db.m6gd.large\n', 'AWS::RDS::DBCluster') },
    { name: 'Terraform: publicly_accessible false', plan: plan({ address: 'aws_db_instance.patients', values: { engine: 'postgres', publicly_accessible: false } }) },
    { name: 'Terraform: cluster instance private', plan: plan({ address: 'aws_rds_cluster_instance.patients', values: { engine: 'aurora-postgresql', publicly_accessible: false } }) },
  ],
  invalid: [
    {
      name: 'PubliclyAccessible true',
      yaml: db('      DBSubnetGroupName: db-subnets\n      PubliclyAccessible: true\n'),
      errors: [{ messageId: 'publicDatabase', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.PubliclyAccessible', line: 11 }],
    },
    {
      name: 'no subnet group and no flag: default VPC makes it public',
      yaml: db('      DBInstanceClass: db.t3.micro\n'),
      errors: [{ messageId: 'defaultPublic', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.PubliclyAccessible', line: 8 }],
    },
    {
      name: 'Multi-AZ DB cluster marked public',
      yaml: db('      PubliclyAccessible: true\n', 'AWS::RDS::DBCluster'),
      errors: [{ messageId: 'publicDatabase', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.PubliclyAccessible', line: 10 }],
    },
    {
      name: 'flag from a parameter without default is unknown',
      yaml: db('      PubliclyAccessible: !Ref Open\n'),
      errors: [{ messageId: 'unknown', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.PubliclyAccessible', line: 10, status: 'unknown' }],
    },
    {
      name: 'SAM template: public instance',
      sam: db('      PubliclyAccessible: true\n').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'publicDatabase', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.PubliclyAccessible', line: 10 }],
    },
    {
      name: 'Terraform: publicly_accessible true',
      plan: plan({ address: 'aws_db_instance.patients', values: { engine: 'postgres', publicly_accessible: true } }),
      errors: [{ messageId: 'publicDatabase', resource: 'aws_db_instance.patients', path: 'planned_values.root_module.resources.0.values.publicly_accessible', line: 13 }],
    },
    {
      name: 'Terraform: known only after apply',
      plan: plan({ address: 'aws_rds_cluster_instance.patients', values: { engine: 'aurora-postgresql' }, unknown: { publicly_accessible: true } }),
      errors: [{ messageId: 'unknown', resource: 'aws_rds_cluster_instance.patients', path: 'planned_values.root_module.resources.0.values.publicly_accessible', line: 11, status: 'unknown' }],
    },
  ],
});
