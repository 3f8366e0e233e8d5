import rule from '../../rules/encryption-at-rest/health-data-stores-cmk';
import { testRule } from '../harness/rule-tester';

const template = (resources: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  StoreKey:
    Type: String
Resources:
${resources}`;

const fhir = (props: string) => `  FhirStore:
    Type: AWS::HealthLake::FHIRDatastore
    Properties:
      DatastoreTypeVersion: R4
${props}`;

const imaging = (props: string) => `  ImagingStore:
    Type: AWS::HealthImaging::Datastore
    Properties:
      DatastoreName: radiology
${props}`;

const sequences = (props: string) => `  Sequences:
    Type: AWS::Omics::SequenceStore
    Properties:
      Name: genomes
${props}`;

const key = '  StoreKmsKey:\n    Type: AWS::KMS::Key\n';

testRule(rule, {
  valid: [
    {
      name: 'FHIR store with a customer managed key',
      yaml: template(fhir('      SseConfiguration:\n        KmsEncryptionConfig:\n          CmkType: CUSTOMER_MANAGED_KMS_KEY\n          KmsKeyId: !GetAtt StoreKmsKey.Arn\n') + key),
    },
    { name: 'imaging store with a key ARN', yaml: template(imaging('      KmsKeyArn: arn:aws:kms:us-east-1:111122223333:key/abcd\n')) },
    { name: 'sequence store with a key', yaml: template(sequences('      SseConfig:\n        Type: KMS\n        KeyArn: !GetAtt StoreKmsKey.Arn\n') + key) },
    {
      name: 'SAM template: annotation store with a key',
      sam: `AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n  Annotations:\n    Type: AWS::Omics::AnnotationStore\n    Properties:\n      Name: variants\n      StoreFormat: VCF\n      SseConfig:\n        Type: KMS\n        KeyArn: arn:aws:kms:us-east-1:111122223333:key/abcd\n`,
    },
  ],
  invalid: [
    {
      name: 'FHIR store with the default AWS owned key',
      yaml: template(fhir('')),
      errors: [{ messageId: 'awsOwnedKey', resource: 'FhirStore', path: 'Resources.FhirStore.Properties.SseConfiguration.KmsEncryptionConfig.CmkType', line: 8 }],
    },
    {
      name: 'FHIR store with AWS_OWNED_KMS_KEY',
      yaml: template(fhir('      SseConfiguration:\n        KmsEncryptionConfig:\n          CmkType: AWS_OWNED_KMS_KEY\n')),
      errors: [{ messageId: 'awsOwnedKey', resource: 'FhirStore', path: 'Resources.FhirStore.Properties.SseConfiguration.KmsEncryptionConfig.CmkType', line: 12 }],
    },
    {
      name: 'FHIR store with a customer key type but no key',
      yaml: template(fhir('      SseConfiguration:\n        KmsEncryptionConfig:\n          CmkType: CUSTOMER_MANAGED_KMS_KEY\n')),
      errors: [{ messageId: 'awsOwnedKey', resource: 'FhirStore', path: 'Resources.FhirStore.Properties.SseConfiguration.KmsEncryptionConfig.KmsKeyId', line: 11 }],
    },
    {
      name: 'imaging store without a key',
      yaml: template(imaging('')),
      errors: [{ messageId: 'awsOwnedKey', resource: 'ImagingStore', path: 'Resources.ImagingStore.Properties.KmsKeyArn', line: 8 }],
    },
    {
      name: 'sequence store with KMS type but no key',
      yaml: template(sequences('      SseConfig:\n        Type: KMS\n')),
      errors: [{ messageId: 'awsOwnedKey', resource: 'Sequences', path: 'Resources.Sequences.Properties.SseConfig.KeyArn', line: 10 }],
    },
    {
      name: 'key from a parameter without default',
      yaml: template(imaging('      KmsKeyArn: !Ref StoreKey\n')),
      errors: [{ messageId: 'unknown', resource: 'ImagingStore', path: 'Resources.ImagingStore.Properties.KmsKeyArn', line: 10, status: 'unknown' }],
    },
  ],
});
