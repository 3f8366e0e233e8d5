import rule from '../../rules/access-control/cognito-user-pool-hardening';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Mfa:
    Type: String
Resources:
  Patients:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: patients
${props}`;

const hardened = `      MfaConfiguration: 'ON'
      EnabledMfas: [SOFTWARE_TOKEN_MFA]
      UserPoolAddOns:
        AdvancedSecurityMode: ENFORCED
      DeletionProtection: ACTIVE
      Policies:
        PasswordPolicy:
          MinimumLength: 12
`;

const tfPool = (values: Record<string, unknown>) => plan({ address: 'aws_cognito_user_pool.patients', values: { name: 'patients', ...values } });

testRule(rule, {
  valid: [
    { name: 'MFA on, threat protection enforced, deletion protection', yaml: template(hardened) },
    { name: 'optional MFA with enforced adaptive authentication', yaml: template(hardened.replace("MfaConfiguration: 'ON'", 'MfaConfiguration: OPTIONAL')) },
    { name: 'SAM template with a hardened pool', sam: template(hardened).replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31') },
    { name: 'Terraform: hardened pool', plan: tfPool({ mfa_configuration: 'ON', deletion_protection: 'ACTIVE', user_pool_add_ons: [{ advanced_security_mode: 'ENFORCED' }], password_policy: [{ minimum_length: 10 }] }) },
  ],
  invalid: [
    {
      name: 'bare user pool',
      yaml: template(''),
      errors: [
        { messageId: 'noThreatProtection', resource: 'Patients', path: 'Resources.Patients.Properties.UserPoolAddOns.AdvancedSecurityMode', line: 8 },
        { messageId: 'noMfa', resource: 'Patients', path: 'Resources.Patients.Properties.MfaConfiguration', line: 8 },
        { messageId: 'noDeletionProtection', resource: 'Patients', path: 'Resources.Patients.Properties.DeletionProtection', line: 8 },
      ],
    },
    {
      name: 'audit-only threat protection, optional MFA, short passwords',
      yaml: template(hardened.replace("MfaConfiguration: 'ON'", 'MfaConfiguration: OPTIONAL').replace('ENFORCED', 'AUDIT').replace('MinimumLength: 12', 'MinimumLength: 6')),
      errors: [
        { messageId: 'noMfa', resource: 'Patients', path: 'Resources.Patients.Properties.MfaConfiguration', line: 10 },
        { messageId: 'noThreatProtection', resource: 'Patients', path: 'Resources.Patients.Properties.UserPoolAddOns.AdvancedSecurityMode', line: 13 },
        { messageId: 'weakPassword', resource: 'Patients', path: 'Resources.Patients.Properties.Policies.PasswordPolicy.MinimumLength', line: 17 },
      ],
    },
    {
      name: 'MFA from a parameter without default is unknown',
      yaml: template(hardened.replace("MfaConfiguration: 'ON'", 'MfaConfiguration: !Ref Mfa')),
      errors: [{ messageId: 'unknown', resource: 'Patients', path: 'Resources.Patients.Properties.MfaConfiguration', line: 10, status: 'unknown' }],
    },
    {
      name: 'SAM template with MFA off',
      sam: template(hardened.replace("MfaConfiguration: 'ON'", "MfaConfiguration: 'OFF'")).replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'noMfa', resource: 'Patients', path: 'Resources.Patients.Properties.MfaConfiguration', line: 10 }],
    },
    {
      name: 'Terraform: provider defaults',
      plan: tfPool({ mfa_configuration: 'OFF', deletion_protection: 'INACTIVE' }),
      errors: [
        { messageId: 'noThreatProtection', resource: 'aws_cognito_user_pool.patients', path: 'planned_values.root_module.resources.0.values.user_pool_add_ons.0.advanced_security_mode', line: 11 },
        { messageId: 'noMfa', resource: 'aws_cognito_user_pool.patients', path: 'planned_values.root_module.resources.0.values.mfa_configuration', line: 13 },
        { messageId: 'noDeletionProtection', resource: 'aws_cognito_user_pool.patients', path: 'planned_values.root_module.resources.0.values.deletion_protection', line: 14 },
      ],
    },
  ],
});
