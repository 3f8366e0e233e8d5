import rule from '../../rules/encryption-at-rest/sagemaker-kms';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (resources: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  KeyArn:
    Type: String
Resources:
${resources}`;
const notebook = (props: string) => template(`  Notebook:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: arn:aws:iam::111122223333:role/sagemaker
${props}`);
const featureGroup = (stores: string) => template(`  Features:
    Type: AWS::SageMaker::FeatureGroup
    Properties:
      FeatureGroupName: patients
      RecordIdentifierFeatureName: id
      EventTimeFeatureName: ts
      FeatureDefinitions:
        - FeatureName: id
          FeatureType: String
${stores}`);

testRule(rule, {
  valid: [
    { name: 'notebook with a key', yaml: notebook('      KmsKeyId: arn:aws:kms:us-east-1:111122223333:key/1234\n') },
    {
      name: 'notebook with a key declared in the template',
      yaml: notebook('      KmsKeyId: !Ref NotebookKey\n').replace('Resources:\n', 'Resources:\n  NotebookKey:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n'),
    },
    { name: 'endpoint configuration with a key', yaml: template('  Config:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      KmsKeyId: alias/phi\n      ProductionVariants:\n        - VariantName: main\n          ModelName: model\n          InitialInstanceCount: 1\n          InstanceType: ml.m5.large\n') },
    { name: 'feature group with both stores keyed', yaml: featureGroup('      OfflineStoreConfig:\n        S3StorageConfig:\n          S3Uri: s3://features\n          KmsKeyId: alias/phi\n      OnlineStoreConfig:\n        EnableOnlineStore: true\n        SecurityConfig:\n          KmsKeyId: alias/phi\n') },
    { name: 'SAM template: notebook with a key', sam: notebook('      KmsKeyId: alias/phi\n').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31') },
    { name: 'Terraform: notebook with a key', plan: plan({ address: 'aws_sagemaker_notebook_instance.nb', values: { kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/1234' } }) },
    { name: 'Terraform: endpoint configuration with a key from the plan', plan: plan({ address: 'aws_sagemaker_endpoint_configuration.ep', values: {}, unknown: { kms_key_arn: true }, refs: { kms_key_arn: ['aws_kms_key.phi.arn', 'aws_kms_key.phi'] } }) },
  ],
  invalid: [
    {
      name: 'notebook without a key',
      yaml: notebook(''),
      errors: [{ messageId: 'noKey', resource: 'Notebook', path: 'Resources.Notebook.Properties.KmsKeyId', line: 8 }],
    },
    {
      name: 'notebook key from a parameter without default is unknown',
      yaml: notebook('      KmsKeyId: !Ref KeyArn\n'),
      errors: [{ messageId: 'unknown', resource: 'Notebook', path: 'Resources.Notebook.Properties.KmsKeyId', line: 11, status: 'unknown' }],
    },
    {
      name: 'Studio domain without a key',
      yaml: template('  Studio:\n    Type: AWS::SageMaker::Domain\n    Properties:\n      DomainName: research\n      AuthMode: IAM\n'),
      errors: [{ messageId: 'noKey', resource: 'Studio', path: 'Resources.Studio.Properties.KmsKeyId', line: 8 }],
    },
    {
      name: 'feature group: offline store without a key, online store without a key',
      yaml: featureGroup('      OfflineStoreConfig:\n        S3StorageConfig:\n          S3Uri: s3://features\n      OnlineStoreConfig:\n        EnableOnlineStore: true\n'),
      errors: [
        { messageId: 'noKey', resource: 'Features', path: 'Resources.Features.Properties.OfflineStoreConfig.S3StorageConfig.KmsKeyId', line: 16 },
        { messageId: 'noKey', resource: 'Features', path: 'Resources.Features.Properties.OnlineStoreConfig.SecurityConfig.KmsKeyId', line: 18 },
      ],
    },
    {
      name: 'SAM template: notebook without a key',
      sam: notebook('').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'noKey', resource: 'Notebook', path: 'Resources.Notebook.Properties.KmsKeyId', line: 8 }],
    },
    {
      name: 'Terraform: notebook without a key',
      plan: plan({ address: 'aws_sagemaker_notebook_instance.nb', values: { kms_key_id: null } }),
      errors: [{ messageId: 'noKey', resource: 'aws_sagemaker_notebook_instance.nb', path: 'planned_values.root_module.resources.0.values.kms_key_id', line: 12 }],
    },
    {
      name: 'Terraform: domain key known only after apply without a reference is unknown',
      plan: plan({ address: 'aws_sagemaker_domain.studio', values: {}, unknown: { kms_key_id: true } }),
      errors: [{ messageId: 'unknown', resource: 'aws_sagemaker_domain.studio', path: 'planned_values.root_module.resources.0.values.kms_key_id', line: 11, status: 'unknown' }],
    },
  ],
});
