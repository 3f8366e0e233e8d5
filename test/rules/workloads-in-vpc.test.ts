import rule from '../../rules/network/workloads-in-vpc';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const fn = (vpc: string, envValue = '!GetAtt PatientDb.Endpoint.Address') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  PatientDb:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
  RecordsFunction:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/records
      Code:
        ZipFile: print('hi')
      Environment:
        Variables:
          DB_HOST: ${envValue}
${vpc}`;

const sam = (globals: string, vpc: string) => `Transform: AWS::Serverless-2016-10-31
${globals}Resources:
  PatientDb:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
  RecordsFunction:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      InlineCode: print('hi')
      Environment:
        Variables:
          DB_HOST: !GetAtt PatientDb.Endpoint.Address
${vpc}`;

const vpcConfig = '      VpcConfig:\n        SubnetIds: [subnet-1, subnet-2]\n        SecurityGroupIds: [sg-1]\n';

const redshift = (routing: string) => `AWSTemplateFormatVersion: '2010-09-09'
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
${routing}`;

testRule(rule, {
  valid: [
    { name: 'function in the VPC', yaml: fn(vpcConfig) },
    { name: 'function that only calls AWS APIs', yaml: fn('', 'patients-table') },
    { name: 'function that only names the database (Data API style)', yaml: fn('', '!Ref PatientDb') },
    { name: 'SAM: VpcConfig from Globals', sam: sam('Globals:\n  Function:\n    VpcConfig:\n      SubnetIds: [subnet-1]\n      SecurityGroupIds: [sg-1]\n', '') },
    { name: 'instance in a subnet', yaml: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Ehr:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n      SubnetId: subnet-1\n" },
    { name: 'Redshift with enhanced VPC routing', yaml: redshift('      EnhancedVpcRouting: true\n') },
    {
      name: 'Terraform: function in the VPC',
      plan: plan(
        { address: 'aws_db_instance.patients', values: { engine: 'postgres' }, unknown: { address: true } },
        { address: 'aws_lambda_function.records', values: { function_name: 'records', vpc_config: [{ subnet_ids: ['subnet-1'], security_group_ids: ['sg-1'] }] }, refs: { environment: ['aws_db_instance.patients.address', 'aws_db_instance.patients'] } },
      ),
    },
  ],
  invalid: [
    {
      name: 'function connects to the database from outside the VPC',
      yaml: fn(''),
      errors: [{ messageId: 'functionOutsideVpc', resource: 'RecordsFunction', path: 'Resources.RecordsFunction.Properties.VpcConfig', line: 13 }],
    },
    {
      name: 'SAM: function without VpcConfig connects to the cluster',
      sam: sam('', ''),
      errors: [{ messageId: 'functionOutsideVpc', resource: 'RecordsFunction', path: 'Resources.RecordsFunction.Properties.VpcConfig', line: 9 }],
    },
    {
      name: 'instance without a subnet launches in the default VPC',
      yaml: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Ehr:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n",
      errors: [{ messageId: 'instanceDefaultSubnet', resource: 'Ehr', path: 'Resources.Ehr.Properties.SubnetId', line: 5 }],
    },
    {
      name: 'Redshift without enhanced VPC routing',
      yaml: redshift(''),
      errors: [{ messageId: 'enhancedRoutingOff', resource: 'ClaimsWarehouse', path: 'Resources.ClaimsWarehouse.Properties.EnhancedVpcRouting', line: 8 }],
    },
    {
      name: 'enhanced VPC routing from a parameter without default is unknown',
      yaml: redshift('      EnhancedVpcRouting: !Ref Open\n'),
      errors: [{ messageId: 'unknown', resource: 'ClaimsWarehouse', path: 'Resources.ClaimsWarehouse.Properties.EnhancedVpcRouting', line: 13, status: 'unknown' }],
    },
    {
      name: 'Terraform: function connects to the database from outside the VPC',
      plan: plan(
        { address: 'aws_db_instance.patients', values: { engine: 'postgres' }, unknown: { address: true } },
        { address: 'aws_lambda_function.records', values: { function_name: 'records', vpc_config: [] }, refs: { environment: ['aws_db_instance.patients.address', 'aws_db_instance.patients'] } },
      ),
      errors: [{ messageId: 'functionOutsideVpc', resource: 'aws_lambda_function.records', path: 'planned_values.root_module.resources.1.values.vpc_config', line: 22 }],
    },
    {
      name: 'Terraform: Redshift without enhanced VPC routing',
      plan: plan({ address: 'aws_redshift_cluster.claims', values: { cluster_identifier: 'claims', enhanced_vpc_routing: false } }),
      errors: [{ messageId: 'enhancedRoutingOff', resource: 'aws_redshift_cluster.claims', path: 'planned_values.root_module.resources.0.values.enhanced_vpc_routing', line: 13 }],
    },
  ],
});
