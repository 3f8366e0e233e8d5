import rule from '../../rules/public-exposure/dms-replication-not-public';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const instance = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  MigrationInstance:
    Type: AWS::DMS::ReplicationInstance
    Properties:
      ReplicationInstanceClass: dms.t3.medium
${props}`;

testRule(rule, {
  valid: [
    { name: 'PubliclyAccessible false', yaml: instance('      PubliclyAccessible: false\n') },
    { name: 'Terraform: private instance', plan: plan({ address: 'aws_dms_replication_instance.migration', values: { replication_instance_class: 'dms.t3.medium', publicly_accessible: false } }) },
  ],
  invalid: [
    {
      name: 'flag left out: public by default',
      yaml: instance(''),
      errors: [{ messageId: 'defaultPublic', resource: 'MigrationInstance', path: 'Resources.MigrationInstance.Properties.PubliclyAccessible', line: 8 }],
    },
    {
      name: 'PubliclyAccessible true',
      yaml: instance('      PubliclyAccessible: true\n'),
      errors: [{ messageId: 'publicInstance', resource: 'MigrationInstance', path: 'Resources.MigrationInstance.Properties.PubliclyAccessible', line: 10 }],
    },
    {
      name: 'flag from a parameter without default is unknown',
      yaml: instance('      PubliclyAccessible: !Ref Open\n'),
      errors: [{ messageId: 'unknown', resource: 'MigrationInstance', path: 'Resources.MigrationInstance.Properties.PubliclyAccessible', line: 10, status: 'unknown' }],
    },
    {
      name: 'SAM template: public instance',
      sam: instance('').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'defaultPublic', resource: 'MigrationInstance', path: 'Resources.MigrationInstance.Properties.PubliclyAccessible', line: 8 }],
    },
    {
      name: 'Terraform: public instance',
      plan: plan({ address: 'aws_dms_replication_instance.migration', values: { replication_instance_class: 'dms.t3.medium', publicly_accessible: true } }),
      errors: [{ messageId: 'publicInstance', resource: 'aws_dms_replication_instance.migration', path: 'planned_values.root_module.resources.0.values.publicly_accessible', line: 13 }],
    },
    {
      name: 'Terraform: flag known only after apply',
      plan: plan({ address: 'aws_dms_replication_instance.migration', values: { replication_instance_class: 'dms.t3.medium' }, unknown: { publicly_accessible: true } }),
      errors: [{ messageId: 'unknown', resource: 'aws_dms_replication_instance.migration', path: 'planned_values.root_module.resources.0.values.publicly_accessible', line: 11, status: 'unknown' }],
    },
  ],
});
