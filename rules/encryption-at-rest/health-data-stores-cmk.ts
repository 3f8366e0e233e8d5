import { asUnknown, defineRule, expect, oneOf, setFix, type Resource, type RuleContext, type RuleResult } from '../kit';
import { expectKey, keyValue } from './key-support';

const OMICS = ['AWS::Omics::SequenceStore', 'AWS::Omics::ReferenceStore', 'AWS::Omics::VariantStore', 'AWS::Omics::AnnotationStore'];
const REPLACES = { safe: false, consequence: 'replaces the data store; its data must be imported again' };

export default defineRule({
  id: 'health-data-stores-cmk',
  title: 'HealthLake, HealthImaging or HealthOmics store is encrypted with an AWS owned key instead of a customer managed key',
  category: 'encryption-at-rest',
  severity: 'warning',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['health-data-stores-cmk'],
  appliesTo: { cloudformation: ['AWS::HealthLake::FHIRDatastore', 'AWS::HealthImaging::Datastore', ...OMICS] },
  responsibility: {
    aws: 'HealthLake, HealthImaging and HealthOmics always encrypt stored health data, with a key AWS owns unless a customer managed key is named at creation.',
    customer: 'Name a customer managed KMS key when the store is created, so that access to the data can be revoked by disabling the key and every use of it is recorded in CloudTrail.',
  },
  messages: {
    awsOwnedKey: 'Health data store {resource} is encrypted with an AWS owned key ({property} does not name a customer managed key); you cannot revoke, rotate or audit the key that protects its PHI.',
    unknown: 'The encryption key of health data store {resource} cannot be verified statically: {reason}.',
  },
  limits: 'These services have no Terraform resources in the AWS provider, so only CloudFormation and SAM templates are checked.',
  check(store: Resource, ctx: RuleContext): RuleResult[] {
    const key = keyValue(ctx, 'Arn', { name: 'HealthDataKmsKeyArn', description: 'ARN of the customer managed KMS key that encrypts the health data store' });
    if (store.type === 'AWS::HealthLake::FHIRDatastore') {
      const config = 'SseConfiguration.KmsEncryptionConfig';
      const property = `${config}.CmkType`;
      const fixes = setFix(store, 'SseConfiguration', { KmsEncryptionConfig: { CmkType: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: key } }, 'Encrypt the FHIR data store with a customer managed key', REPLACES);
      const type = expect(ctx, store, property, (v) => oneOf(v, 'CUSTOMER_MANAGED_KMS_KEY'), { messageId: 'awsOwnedKey', data: { property }, fixes }).map(asUnknown);
      return type.length ? type : expectKey(ctx, store, `${config}.KmsKeyId`, { messageId: 'awsOwnedKey', data: { property: `${config}.KmsKeyId` }, fixes });
    }
    const property = store.type === 'AWS::HealthImaging::Datastore' ? 'KmsKeyArn' : 'SseConfig.KeyArn';
    const fixes = OMICS.includes(store.type)
      ? setFix(store, 'SseConfig', { Type: 'KMS', KeyArn: key }, 'Encrypt the store with a customer managed key', REPLACES)
      : setFix(store, property, key, 'Encrypt the data store with a customer managed key', REPLACES);
    return expectKey(ctx, store, property, { messageId: 'awsOwnedKey', data: { property }, fixes });
  },
});
