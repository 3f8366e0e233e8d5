import rule from '../../rules/encryption-at-rest/opensearch-encrypted-at-rest';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const domain = (props: string, type = 'AWS::OpenSearchService::Domain') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Encrypt:
    Type: String
Resources:
  PatientSearch:
    Type: ${type}
    Properties:
      EngineVersion: OpenSearch_2.11
${props}`;

testRule(rule, {
  valid: [
    { name: 'encrypted', yaml: domain('      EncryptionAtRestOptions:\n        Enabled: true\n') },
    { name: 'Elasticsearch domain encrypted', yaml: domain('      EncryptionAtRestOptions:\n        Enabled: true\n        KmsKeyId: alias/phi\n', 'AWS::Elasticsearch::Domain') },
    { name: 'SAM template: encrypted', sam: domain('      EncryptionAtRestOptions:\n        Enabled: true\n').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31') },
    { name: 'Terraform: encrypted', plan: plan({ address: 'aws_opensearch_domain.search', values: { encrypt_at_rest: [{ enabled: true }] } }) },
    { name: 'Terraform: Elasticsearch encrypted', plan: plan({ address: 'aws_elasticsearch_domain.search', values: { encrypt_at_rest: [{ enabled: true }] } }) },
  ],
  invalid: [
    {
      name: 'no EncryptionAtRestOptions',
      yaml: domain(''),
      errors: [{ messageId: 'notEncrypted', resource: 'PatientSearch', path: 'Resources.PatientSearch.Properties.EncryptionAtRestOptions.Enabled', line: 8 }],
    },
    {
      name: 'Enabled false',
      yaml: domain('      EncryptionAtRestOptions:\n        Enabled: false\n'),
      errors: [{ messageId: 'notEncrypted', resource: 'PatientSearch', path: 'Resources.PatientSearch.Properties.EncryptionAtRestOptions.Enabled', line: 11 }],
    },
    {
      name: 'Elasticsearch domain not encrypted',
      yaml: domain('', 'AWS::Elasticsearch::Domain'),
      errors: [{ messageId: 'notEncrypted', resource: 'PatientSearch', path: 'Resources.PatientSearch.Properties.EncryptionAtRestOptions.Enabled', line: 8 }],
    },
    {
      name: 'parameter without default is unknown',
      yaml: domain('      EncryptionAtRestOptions:\n        Enabled: !Ref Encrypt\n'),
      errors: [{ messageId: 'unknown', resource: 'PatientSearch', path: 'Resources.PatientSearch.Properties.EncryptionAtRestOptions.Enabled', line: 11, status: 'unknown' }],
    },
    {
      name: 'SAM template: not encrypted',
      sam: domain('').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'notEncrypted', resource: 'PatientSearch', path: 'Resources.PatientSearch.Properties.EncryptionAtRestOptions.Enabled', line: 8 }],
    },
    {
      name: 'Terraform: disabled',
      plan: plan({ address: 'aws_opensearch_domain.search', values: { encrypt_at_rest: [{ enabled: false }] } }),
      errors: [{ messageId: 'notEncrypted', resource: 'aws_opensearch_domain.search', path: 'planned_values.root_module.resources.0.values.encrypt_at_rest.0.enabled', line: 14 }],
    },
    {
      name: 'Terraform: no encrypt_at_rest block',
      plan: plan({ address: 'aws_elasticsearch_domain.search', values: { encrypt_at_rest: [] } }),
      errors: [{ messageId: 'notEncrypted', resource: 'aws_elasticsearch_domain.search', path: 'planned_values.root_module.resources.0.values.encrypt_at_rest.0.enabled', line: 12 }],
    },
    {
      name: 'Terraform: known only after apply',
      plan: plan({ address: 'aws_opensearch_domain.search', values: { encrypt_at_rest: [{}] }, unknown: { encrypt_at_rest: [{ enabled: true }] } }),
      errors: [{ messageId: 'unknown', resource: 'aws_opensearch_domain.search', path: 'planned_values.root_module.resources.0.values.encrypt_at_rest.0.enabled', line: 13, status: 'unknown' }],
    },
  ],
});
