import rule from '../../rules/network/sg-no-unrestricted-admin-ports';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const sg = (ingress: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  AppSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app servers
      VpcId: vpc-12345678
      SecurityGroupIngress:
${ingress}`;

const rule_ = (protocol: string, from: number | string, to: number | string, cidr = 'CidrIp: 0.0.0.0/0') => `        - IpProtocol: ${protocol}
          FromPort: ${from}
          ToPort: ${to}
          ${cidr}
`;

const standalone = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  RdpFromAnywhere:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-12345678
      IpProtocol: tcp
      FromPort: 3389
      ToPort: 3389
      CidrIpv6: ::/0
`;

testRule(rule, {
  valid: [
    { name: 'HTTPS from anywhere', yaml: sg(rule_('tcp', 443, 443)) },
    { name: 'SSH from the corporate network', yaml: sg(rule_('tcp', 22, 22, 'CidrIp: 10.0.0.0/8')) },
    { name: 'SSH from another security group', yaml: sg('        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          SourceSecurityGroupId: sg-87654321\n') },
    { name: 'Terraform: HTTPS from anywhere', plan: plan({ address: 'aws_security_group.app', values: { name: 'app', ingress: [{ protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [] }] } }) },
    { name: 'Terraform: egress rule is not judged', plan: plan({ address: 'aws_security_group_rule.out', values: { type: 'egress', protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'] } }) },
  ],
  invalid: [
    {
      name: 'SSH from anywhere',
      yaml: sg(rule_('tcp', 22, 22)),
      errors: [{ messageId: 'adminPortOpen', resource: 'AppSecurityGroup', path: 'Resources.AppSecurityGroup.Properties.SecurityGroupIngress.0.CidrIp', line: 15 }],
    },
    {
      name: 'a port range that covers PostgreSQL',
      yaml: sg(rule_('tcp', 5000, 6000)),
      errors: [{ messageId: 'adminPortOpen', resource: 'AppSecurityGroup', path: 'Resources.AppSecurityGroup.Properties.SecurityGroupIngress.0.CidrIp', line: 15 }],
    },
    {
      name: 'all traffic from anywhere',
      yaml: sg('        - IpProtocol: "-1"\n          CidrIp: 0.0.0.0/0\n'),
      errors: [{ messageId: 'allTrafficOpen', resource: 'AppSecurityGroup', path: 'Resources.AppSecurityGroup.Properties.SecurityGroupIngress.0.CidrIp', line: 13 }],
    },
    {
      name: 'standalone ingress opens RDP to all IPv6 addresses',
      yaml: standalone,
      errors: [{ messageId: 'adminPortOpen', resource: 'RdpFromAnywhere', path: 'Resources.RdpFromAnywhere.Properties.CidrIpv6', line: 10 }],
    },
    {
      name: 'open CIDR with ports from a parameter without default is unknown',
      yaml: sg(rule_('tcp', '!Ref Open', '!Ref Open')),
      errors: [{ messageId: 'unknown', resource: 'AppSecurityGroup', path: 'Resources.AppSecurityGroup.Properties.SecurityGroupIngress.0.CidrIp', line: 15, status: 'unknown' }],
    },
    {
      name: 'Terraform: SSH from anywhere in an inline ingress block',
      plan: plan({ address: 'aws_security_group.app', values: { name: 'app', ingress: [{ protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [] }] } }),
      errors: [{ messageId: 'adminPortOpen', resource: 'aws_security_group.app', path: 'planned_values.root_module.resources.0.values.ingress.0.cidr_blocks', line: 18 }],
    },
    {
      name: 'Terraform: aws_security_group_rule opens MySQL',
      plan: plan({ address: 'aws_security_group_rule.mysql', values: { type: 'ingress', protocol: 'tcp', from_port: 3306, to_port: 3306, cidr_blocks: ['0.0.0.0/0'], security_group_id: 'sg-1' } }),
      errors: [{ messageId: 'adminPortOpen', resource: 'aws_security_group_rule.mysql', path: 'planned_values.root_module.resources.0.values.cidr_blocks', line: 16 }],
    },
    {
      name: 'Terraform: aws_vpc_security_group_ingress_rule allows everything',
      plan: plan({ address: 'aws_vpc_security_group_ingress_rule.all', values: { security_group_id: 'sg-1', ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0' } }),
      errors: [{ messageId: 'allTrafficOpen', resource: 'aws_vpc_security_group_ingress_rule.all', path: 'planned_values.root_module.resources.0.values.cidr_ipv4', line: 14 }],
    },
  ],
});
