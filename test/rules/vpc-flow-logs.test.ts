import rule from '../../rules/audit-logging/vpc-flow-logs';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (extra: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Target:
    Type: String
Resources:
  PatientVpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
${extra}`;
const flowLog = (target = '!Ref PatientVpc', traffic = 'ALL', type = 'VPC') => `  PatientVpcFlowLog:
    Type: AWS::EC2::FlowLog
    Properties:
      ResourceType: ${type}
      ResourceId: ${target}
      TrafficType: ${traffic}
      LogDestinationType: s3
      LogDestination: arn:aws:s3:::flow-logs
`;
const sam = (s: string) => s.replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31');
const tfVpc = { address: 'aws_vpc.main', values: { cidr_block: '10.0.0.0/16' }, unknown: { id: true } };
const tfFlow = (values: Record<string, unknown>, unknown?: Record<string, unknown>, refs?: Record<string, string[]>) => ({ address: 'aws_flow_log.main', values: { log_destination: 'arn:aws:s3:::flow-logs', log_destination_type: 's3', ...values }, unknown, refs });

testRule(rule, {
  valid: [
    { name: 'flow log on the VPC capturing all traffic', yaml: template(flowLog()) },
    { name: 'SAM template: flow log on the VPC', sam: sam(template(flowLog())) },
    { name: 'Terraform: aws_flow_log referencing the VPC', plan: plan(tfVpc, tfFlow({ traffic_type: 'ALL' }, { vpc_id: true }, { vpc_id: ['aws_vpc.main.id', 'aws_vpc.main'] })) },
    { name: 'Terraform: flow log with the literal VPC id', plan: plan({ address: 'aws_vpc.main', values: { id: 'vpc-0abc', cidr_block: '10.0.0.0/16' } }, tfFlow({ traffic_type: 'ALL', vpc_id: 'vpc-0abc' })) },
  ],
  invalid: [
    {
      name: 'no flow log',
      yaml: template(''),
      errors: [{ messageId: 'noFlowLog', resource: 'PatientVpc', path: 'Resources.PatientVpc', line: 6 }],
    },
    {
      name: 'flow log on a subnet only',
      yaml: template(flowLog('subnet-0abc', 'ALL', 'Subnet')),
      errors: [{ messageId: 'noFlowLog', resource: 'PatientVpc', path: 'Resources.PatientVpc', line: 6 }],
    },
    {
      name: 'SAM template: rejected traffic only',
      sam: sam(template(flowLog('!Ref PatientVpc', 'REJECT'))),
      errors: [{ messageId: 'notAllTraffic', resource: 'PatientVpcFlowLog', path: 'Resources.PatientVpcFlowLog.Properties.TrafficType', line: 15 }],
    },
    {
      name: 'flow log target from a parameter without default',
      yaml: template(flowLog('!Ref Target')),
      errors: [{ messageId: 'unknown', resource: 'PatientVpcFlowLog', path: 'Resources.PatientVpcFlowLog.Properties.ResourceId', line: 14, status: 'unknown' }],
    },
    {
      name: 'Terraform: no aws_flow_log',
      plan: plan(tfVpc),
      errors: [{ messageId: 'noFlowLog', resource: 'aws_vpc.main', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
    {
      name: 'Terraform: flow log of another VPC',
      plan: plan(tfVpc, { address: 'aws_vpc.other', values: { cidr_block: '10.1.0.0/16' }, unknown: { id: true } }, tfFlow({ traffic_type: 'ALL' }, { vpc_id: true }, { vpc_id: ['aws_vpc.other.id', 'aws_vpc.other'] })),
      errors: [{ messageId: 'noFlowLog', resource: 'aws_vpc.main', path: 'planned_values.root_module.resources.0', line: 6 }],
    },
  ],
});
