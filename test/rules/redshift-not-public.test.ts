import rule from '../../rules/public-exposure/redshift-not-public';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const cluster = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  ClaimsWarehouse:
    Type: AWS::Redshift::Cluster
    Properties:
      ClusterType: single-node
      NodeType: ra3.xlplus
      DBName: claims
      MasterUsername: admin
${props}`;

const workgroup = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  ClaimsWorkgroup:
    Type: AWS::RedshiftServerless::Workgroup
    Properties:
      WorkgroupName: claims
${props}`;

testRule(rule, {
  valid: [
    { name: 'flag left out (private by default)', yaml: cluster('') },
    { name: 'PubliclyAccessible false', yaml: cluster('      PubliclyAccessible: false\n') },
    { name: 'serverless workgroup private', yaml: workgroup('      PubliclyAccessible: false\n') },
    { name: 'Terraform: private cluster', plan: plan({ address: 'aws_redshift_cluster.claims', values: { cluster_identifier: 'claims', publicly_accessible: false } }) },
  ],
  invalid: [
    {
      name: 'public cluster',
      yaml: cluster('      PubliclyAccessible: true\n'),
      errors: [{ messageId: 'publicWarehouse', resource: 'ClaimsWarehouse', path: 'Resources.ClaimsWarehouse.Properties.PubliclyAccessible', line: 13 }],
    },
    {
      name: 'public serverless workgroup',
      yaml: workgroup("      PubliclyAccessible: 'true'\n"),
      errors: [{ messageId: 'publicWarehouse', resource: 'ClaimsWorkgroup', path: 'Resources.ClaimsWorkgroup.Properties.PubliclyAccessible', line: 7 }],
    },
    {
      name: 'flag from a parameter without default is unknown',
      yaml: cluster('      PubliclyAccessible: !Ref Open\n'),
      errors: [{ messageId: 'unknown', resource: 'ClaimsWarehouse', path: 'Resources.ClaimsWarehouse.Properties.PubliclyAccessible', line: 13, status: 'unknown' }],
    },
    {
      name: 'SAM template: public cluster',
      sam: cluster('      PubliclyAccessible: true\n').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'publicWarehouse', resource: 'ClaimsWarehouse', path: 'Resources.ClaimsWarehouse.Properties.PubliclyAccessible', line: 13 }],
    },
    {
      name: 'Terraform: public cluster',
      plan: plan({ address: 'aws_redshift_cluster.claims', values: { cluster_identifier: 'claims', publicly_accessible: true } }),
      errors: [{ messageId: 'publicWarehouse', resource: 'aws_redshift_cluster.claims', path: 'planned_values.root_module.resources.0.values.publicly_accessible', line: 13 }],
    },
    {
      name: 'Terraform: workgroup flag known only after apply',
      plan: plan({ address: 'aws_redshiftserverless_workgroup.claims', values: { workgroup_name: 'claims' }, unknown: { publicly_accessible: true } }),
      errors: [{ messageId: 'unknown', resource: 'aws_redshiftserverless_workgroup.claims', path: 'planned_values.root_module.resources.0.values.publicly_accessible', line: 11, status: 'unknown' }],
    },
  ],
});
