import rule from '../../rules/backup-recovery/availability-multi-az';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const db = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  MultiAz:
    Type: String
Resources:
  PatientDb:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.medium
${props}`;

const member = (id: string) => `  ${id}:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-postgresql
      DBInstanceClass: db.r6g.large
      DBClusterIdentifier: !Ref PatientCluster
`;

const cluster = (props: string, members: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  PatientCluster:
    Type: AWS::RDS::DBCluster
    Properties:
${props}${members}`;

const aurora = '      Engine: aurora-postgresql\n      MasterUsername: admin\n      ManageMasterUserPassword: true\n';

const asg = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  WebGroup:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '2'
      MaxSize: '4'
      LaunchTemplate:
        LaunchTemplateId: lt-0123456789abcdef0
        Version: '1'
${props}`;

const elb = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  PortalLb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners:
        - LoadBalancerPort: '443'
          InstancePort: '443'
          Protocol: TCP
${props}`;

const tfCluster = { address: 'aws_rds_cluster.phi', values: { engine: 'aurora-postgresql', engine_mode: 'provisioned', db_cluster_instance_class: null } };
const tfMember = (name: string) => ({
  address: `aws_rds_cluster_instance.${name}`,
  values: { instance_class: 'db.r6g.large', engine: 'aurora-postgresql' },
  unknown: { cluster_identifier: true },
  refs: { cluster_identifier: ['aws_rds_cluster.phi.id', 'aws_rds_cluster.phi'] },
});

testRule(rule, {
  valid: [
    { name: 'Multi-AZ instance', yaml: db('      MultiAZ: true\n') },
    { name: 'Aurora cluster with a writer and a reader', yaml: cluster(aurora, member('Writer') + member('Reader')) },
    { name: 'Multi-AZ DB cluster', yaml: cluster('      Engine: postgres\n      DBClusterInstanceClass: db.m6gd.large\n', '') },
    { name: 'group behind a target group with ELB health checks', yaml: asg('      TargetGroupARNs:\n        - arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/0123\n      HealthCheckType: ELB\n') },
    { name: 'group without a load balancer', yaml: asg('') },
    { name: 'classic load balancer across zones', yaml: elb('      CrossZone: true\n') },
    { name: 'Terraform: multi_az true', plan: plan({ address: 'aws_db_instance.phi', values: { engine: 'postgres', multi_az: true } }) },
    { name: 'Terraform: Aurora cluster with two instances', plan: plan(tfCluster, tfMember('a'), tfMember('b')) },
    { name: 'Terraform: classic ELB with provider default', plan: plan({ address: 'aws_elb.portal', values: { name: 'portal' } }) },
  ],
  invalid: [
    {
      name: 'MultiAZ missing',
      yaml: db(''),
      errors: [{ messageId: 'singleAz', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.MultiAZ', line: 8 }],
    },
    {
      name: 'MultiAZ from a parameter without default is unknown',
      yaml: db('      MultiAZ: !Ref MultiAz\n'),
      errors: [{ messageId: 'unknown', resource: 'PatientDb', path: 'Resources.PatientDb.Properties.MultiAZ', line: 11, status: 'unknown' }],
    },
    {
      name: 'Aurora cluster with one instance',
      yaml: cluster(aurora, member('Writer')),
      errors: [{ messageId: 'fewInstances', resource: 'PatientCluster', path: 'Resources.PatientCluster', line: 3 }],
    },
    {
      name: 'group behind a classic load balancer with EC2 health checks',
      yaml: asg('      LoadBalancerNames:\n        - portal\n'),
      errors: [{ messageId: 'ec2HealthCheck', resource: 'WebGroup', path: 'Resources.WebGroup.Properties.HealthCheckType', line: 5 }],
    },
    {
      name: 'classic load balancer without CrossZone',
      yaml: elb(''),
      errors: [{ messageId: 'noCrossZone', resource: 'PortalLb', path: 'Resources.PortalLb.Properties.CrossZone', line: 5 }],
    },
    {
      name: 'Terraform: multi_az false',
      plan: plan({ address: 'aws_db_instance.phi', values: { engine: 'postgres', multi_az: false } }),
      errors: [{ messageId: 'singleAz', resource: 'aws_db_instance.phi', path: 'planned_values.root_module.resources.0.values.multi_az', line: 13 }],
    },
    {
      name: 'Terraform: Aurora cluster with one instance',
      plan: plan(tfCluster, tfMember('a')),
      errors: [{ messageId: 'fewInstances', resource: 'aws_rds_cluster.phi', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
    {
      name: 'Terraform: group with target groups and EC2 health checks',
      plan: plan({ address: 'aws_autoscaling_group.web', values: { target_group_arns: ['arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/0123'], health_check_type: 'EC2' } }),
      errors: [{ messageId: 'ec2HealthCheck', resource: 'aws_autoscaling_group.web', path: 'planned_values.root_module.resources.0.values.health_check_type', line: 15 }],
    },
    {
      name: 'Terraform: multi_az known only after apply',
      plan: plan({ address: 'aws_db_instance.phi', values: { engine: 'postgres' }, unknown: { multi_az: true } }),
      errors: [{ messageId: 'unknown', resource: 'aws_db_instance.phi', path: 'planned_values.root_module.resources.0.values.multi_az', line: 11, status: 'unknown' }],
    },
  ],
});
