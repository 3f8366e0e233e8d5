import rule from '../../rules/encryption-at-rest/ml-and-analytics-stores-cmk';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (resources: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
${resources}`;

const athena = (config: string) => `  Analysts:
    Type: AWS::Athena::WorkGroup
    Properties:
      Name: analysts
${config}`;

const athenaConfig = (option: string, enforce = 'true') => `      WorkGroupConfiguration:
        EnforceWorkGroupConfiguration: ${enforce}
        ResultConfiguration:
          OutputLocation: s3://athena-results/
          EncryptionConfiguration:
            EncryptionOption: ${option}
`;

const catalog = (mode: string, passwords = 'true') => `  CatalogSettings:
    Type: AWS::Glue::DataCatalogEncryptionSettings
    Properties:
      CatalogId: '111122223333'
      DataCatalogEncryptionSettings:
        EncryptionAtRest:
          CatalogEncryptionMode: ${mode}
        ConnectionPasswordEncryption:
          ReturnConnectionPasswordEncrypted: ${passwords}
`;

const job = (extra: string) => `  EtlJob:
    Type: AWS::Glue::Job
    Properties:
      Role: arn:aws:iam::111122223333:role/glue
      Command:
        Name: glueetl
        ScriptLocation: s3://scripts/etl.py
${extra}`;

const securityConfig = (bookmarks = 'CSE-KMS') => `  GlueSecurity:
    Type: AWS::Glue::SecurityConfiguration
    Properties:
      Name: phi-etl
      EncryptionConfiguration:
        S3Encryptions:
          - S3EncryptionMode: SSE-KMS
            KmsKeyArn: arn:aws:kms:us-east-1:111122223333:key/abcd
        CloudWatchEncryption:
          CloudWatchEncryptionMode: SSE-KMS
          KmsKeyArn: arn:aws:kms:us-east-1:111122223333:key/abcd
        JobBookmarksEncryption:
          JobBookmarksEncryptionMode: ${bookmarks}
          KmsKeyArn: arn:aws:kms:us-east-1:111122223333:key/abcd
`;

const kendra = (extra: string) => `  SearchIndex:
    Type: AWS::Kendra::Index
    Properties:
      Name: clinical-notes
      Edition: DEVELOPER_EDITION
      RoleArn: arn:aws:iam::111122223333:role/kendra
${extra}`;

const tfSecurity = { address: 'aws_glue_security_configuration.phi', values: { name: 'phi-etl', encryption_configuration: [{ s3_encryption: [{ s3_encryption_mode: 'SSE-KMS' }], cloudwatch_encryption: [{ cloudwatch_encryption_mode: 'SSE-KMS' }], job_bookmarks_encryption: [{ job_bookmarks_encryption_mode: 'CSE-KMS' }] }] } };

testRule(rule, {
  valid: [
    { name: 'Athena results encrypted and enforced', yaml: template(athena(athenaConfig('SSE_KMS'))) },
    { name: 'Glue catalog encrypted', yaml: template(catalog('SSE-KMS')) },
    { name: 'Glue job with a complete security configuration', yaml: template(job('      SecurityConfiguration: !Ref GlueSecurity\n') + securityConfig()) },
    { name: 'Glue crawler with the configuration named literally', yaml: template('  Crawler:\n    Type: AWS::Glue::Crawler\n    Properties:\n      Role: glue\n      DatabaseName: phi\n      Targets:\n        S3Targets:\n          - Path: s3://raw/\n      CrawlerSecurityConfiguration: phi-etl\n' + securityConfig()) },
    { name: 'Kendra index with a key', yaml: template(kendra('      ServerSideEncryptionConfiguration:\n        KmsKeyId: arn:aws:kms:us-east-1:111122223333:key/abcd\n')) },
    { name: 'Q Business application with a key', yaml: template('  Assistant:\n    Type: AWS::QBusiness::Application\n    Properties:\n      DisplayName: clinician-assistant\n      EncryptionConfiguration:\n        KmsKeyId: arn:aws:kms:us-east-1:111122223333:key/abcd\n') },
    { name: 'Bedrock agent with a declared key', yaml: template('  Agent:\n    Type: AWS::Bedrock::Agent\n    Properties:\n      AgentName: intake\n      CustomerEncryptionKeyArn: !GetAtt AgentKey.Arn\n  AgentKey:\n    Type: AWS::KMS::Key\n') },
    {
      name: 'Terraform: Athena results encrypted',
      plan: plan({ address: 'aws_athena_workgroup.analysts', values: { name: 'analysts', configuration: [{ enforce_workgroup_configuration: true, result_configuration: [{ encryption_configuration: [{ encryption_option: 'SSE_KMS' }] }] }] } }),
    },
    { name: 'Terraform: Glue job joined to its security configuration by name', plan: plan({ address: 'aws_glue_job.etl', values: { name: 'etl', security_configuration: 'phi-etl' } }, tfSecurity) },
    { name: 'Terraform: Bedrock agent with a key', plan: plan({ address: 'aws_bedrockagent_agent.intake', values: { agent_name: 'intake', customer_encryption_key_arn: 'arn:aws:kms:us-east-1:111122223333:key/abcd' } }) },
  ],
  invalid: [
    {
      name: 'Athena workgroup without result encryption',
      yaml: template(athena('      WorkGroupConfiguration:\n        EnforceWorkGroupConfiguration: true\n')),
      errors: [{ messageId: 'athenaResults', resource: 'Analysts', path: 'Resources.Analysts.Properties.WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.EncryptionOption', line: 7 }],
    },
    {
      name: 'Athena workgroup not enforced',
      yaml: template(athena(athenaConfig('SSE_S3', 'false'))),
      errors: [{ messageId: 'athenaNotEnforced', resource: 'Analysts', path: 'Resources.Analysts.Properties.WorkGroupConfiguration.EnforceWorkGroupConfiguration', line: 8 }],
    },
    {
      name: 'Glue catalog not encrypted',
      yaml: template(catalog('DISABLED', 'false')),
      errors: [
        { messageId: 'catalogNotEncrypted', resource: 'CatalogSettings', path: 'Resources.CatalogSettings.Properties.DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode', line: 9 },
        { messageId: 'passwordsNotEncrypted', resource: 'CatalogSettings', path: 'Resources.CatalogSettings.Properties.DataCatalogEncryptionSettings.ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted', line: 11 },
      ],
    },
    {
      name: 'Glue job without a security configuration',
      yaml: template(job('')),
      errors: [{ messageId: 'glueNoSecurityConfiguration', resource: 'EtlJob', path: 'Resources.EtlJob.Properties.SecurityConfiguration', line: 5 }],
    },
    {
      name: 'Glue job with unencrypted bookmarks',
      yaml: template(job('      SecurityConfiguration: !Ref GlueSecurity\n') + securityConfig('DISABLED')),
      errors: [{ messageId: 'glueWeakSecurityConfiguration', resource: 'GlueSecurity', path: 'Resources.GlueSecurity.Properties.EncryptionConfiguration.JobBookmarksEncryption.JobBookmarksEncryptionMode', line: 23 }],
    },
    {
      name: 'Glue job naming a configuration outside the template is unknown',
      yaml: template(job('      SecurityConfiguration: shared-config\n')),
      errors: [{ messageId: 'unknown', resource: 'EtlJob', path: 'Resources.EtlJob.Properties.SecurityConfiguration', line: 10, status: 'unknown' }],
    },
    {
      name: 'Kendra index without a key',
      yaml: template(kendra('')),
      errors: [{ messageId: 'noKey', resource: 'SearchIndex', path: 'Resources.SearchIndex.Properties.ServerSideEncryptionConfiguration.KmsKeyId', line: 5 }],
    },
    {
      name: 'Terraform: Athena without result encryption',
      plan: plan({ address: 'aws_athena_workgroup.analysts', values: { name: 'analysts', configuration: [{ enforce_workgroup_configuration: true, result_configuration: [] }] } }),
      errors: [{ messageId: 'athenaResults', resource: 'aws_athena_workgroup.analysts', path: 'planned_values.root_module.resources.0.values.configuration.0.result_configuration.0.encryption_configuration.0.encryption_option', line: 16 }],
    },
    {
      name: 'Terraform: Glue job without a security configuration',
      plan: plan({ address: 'aws_glue_job.etl', values: { name: 'etl', security_configuration: null } }),
      errors: [{ messageId: 'glueNoSecurityConfiguration', resource: 'aws_glue_job.etl', path: 'planned_values.root_module.resources.0.values.security_configuration', line: 13 }],
    },
    {
      name: 'Terraform: Bedrock agent without a key',
      plan: plan({ address: 'aws_bedrockagent_agent.intake', values: { agent_name: 'intake', customer_encryption_key_arn: null } }),
      errors: [{ messageId: 'noKey', resource: 'aws_bedrockagent_agent.intake', path: 'planned_values.root_module.resources.0.values.customer_encryption_key_arn', line: 13 }],
    },
  ],
});
