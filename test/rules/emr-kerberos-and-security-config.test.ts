import { strict as assert } from 'assert';
import rule from '../../rules/access-control/emr-kerberos-and-security-config';
import { lint } from '../../server/src/engine/lint';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (props: string, config = 'EnableAtRestEncryption: true\n          EnableInTransitEncryption: true') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ConfigName:
    Type: String
Resources:
  EmrSecurity:
    Type: AWS::EMR::SecurityConfiguration
    Properties:
      SecurityConfiguration:
        EncryptionConfiguration:
          ${config}
  Analytics:
    Type: AWS::EMR::Cluster
    Properties:
      Name: analytics
      ReleaseLabel: emr-7.1.0
      JobFlowRole: EMR_EC2_DefaultRole
      ServiceRole: EMR_DefaultRole
      Instances:
        MasterInstanceGroup:
          InstanceCount: 1
          InstanceType: m5.xlarge
${props}`;

const kerberos = `      KerberosAttributes:
        Realm: EC2.INTERNAL
        KdcAdminPassword: '{{resolve:secretsmanager:emr-kdc}}'
`;

const tfConfig = (doc: unknown) => ({ address: 'aws_emr_security_configuration.phi', values: { name: 'phi', configuration: JSON.stringify(doc) } });
const tfCluster = (values: Record<string, unknown>) => ({ address: 'aws_emr_cluster.analytics', values: { name: 'analytics', ...values }, refs: values.security_configuration ? { security_configuration: ['aws_emr_security_configuration.phi.name', 'aws_emr_security_configuration.phi'] } : undefined });

testRule(rule, {
  valid: [
    { name: 'Kerberos and an encrypting security configuration', yaml: template(kerberos + '      SecurityConfiguration: !Ref EmrSecurity\n') },
    { name: 'SAM template with a compliant cluster', sam: template(kerberos + '      SecurityConfiguration: !Ref EmrSecurity\n').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31') },
    { name: 'Terraform: Kerberos and encryption', plan: plan(tfConfig({ EncryptionConfiguration: { EnableAtRestEncryption: true, EnableInTransitEncryption: true } }), tfCluster({ kerberos_attributes: [{ realm: 'EC2.INTERNAL' }], security_configuration: 'phi' })) },
  ],
  invalid: [
    {
      name: 'no Kerberos and no security configuration',
      yaml: template(''),
      errors: [
        { messageId: 'noKerberos', resource: 'Analytics', path: 'Resources.Analytics.Properties.KerberosAttributes', line: 15 },
        { messageId: 'noSecurityConfig', resource: 'Analytics', path: 'Resources.Analytics.Properties.SecurityConfiguration', line: 15 },
      ],
    },
    {
      name: 'security configuration without in-transit encryption',
      yaml: template(kerberos + '      SecurityConfiguration: !Ref EmrSecurity\n', 'EnableAtRestEncryption: true\n          EnableInTransitEncryption: false'),
      errors: [{ messageId: 'weakSecurityConfig', resource: 'EmrSecurity', path: 'Resources.EmrSecurity.Properties.SecurityConfiguration', line: 9 }],
    },
    {
      name: 'security configuration named by a parameter without default is unknown',
      yaml: template(kerberos + '      SecurityConfiguration: !Ref ConfigName\n'),
      errors: [{ messageId: 'unknown', resource: 'Analytics', path: 'Resources.Analytics.Properties.SecurityConfiguration', line: 27, status: 'unknown' }],
    },
    {
      name: 'SAM template with a cluster without Kerberos',
      sam: template('      SecurityConfiguration: !Ref EmrSecurity\n').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'noKerberos', resource: 'Analytics', path: 'Resources.Analytics.Properties.KerberosAttributes', line: 15 }],
    },
    {
      name: 'Terraform: no Kerberos, configuration without at-rest encryption',
      plan: plan(tfConfig({ EncryptionConfiguration: { EnableAtRestEncryption: false, EnableInTransitEncryption: true } }), tfCluster({ security_configuration: 'phi' })),
      errors: [
        { messageId: 'weakSecurityConfig', resource: 'aws_emr_security_configuration.phi', path: 'planned_values.root_module.resources.0.values.configuration', line: 13 },
        { messageId: 'noKerberos', resource: 'aws_emr_cluster.analytics', path: 'planned_values.root_module.resources.1.values.kerberos_attributes', line: 21 },
      ],
    },
  ],
});

describe('emr-kerberos-and-security-config wording', () => {
  it('names the security configuration and the cluster that uses it', () => {
    const text = template(kerberos + '      SecurityConfiguration: !Ref EmrSecurity\n', 'EnableAtRestEncryption: true\n          EnableInTransitEncryption: false');
    const finding = lint(text, 'file:///t.yaml').findings.find((f) => f.messageId === 'weakSecurityConfig');
    assert.match(finding?.message ?? '', /^Security configuration EmrSecurity, used by EMR cluster \w+, does not enable EnableInTransitEncryption\./);
  });
});
