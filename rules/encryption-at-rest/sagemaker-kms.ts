import { defineRule, evaluate, isTrue, unknownAt, type Resource, type RuleContext, type RuleResult } from '../kit';
import { expectKey, keyFix } from './key-support';

/** Where each type names its key, and what a new resource replaces. */
const KEYS: Record<string, { path: string; what: string }> = {
  'AWS::SageMaker::NotebookInstance': { path: 'KmsKeyId', what: 'notebook instance' },
  'AWS::SageMaker::EndpointConfig': { path: 'KmsKeyId', what: 'endpoint configuration' },
  'AWS::SageMaker::Domain': { path: 'KmsKeyId', what: 'domain' },
  aws_sagemaker_notebook_instance: { path: 'kms_key_id', what: 'notebook instance' },
  aws_sagemaker_endpoint_configuration: { path: 'kms_key_arn', what: 'endpoint configuration' },
  aws_sagemaker_domain: { path: 'kms_key_id', what: 'domain' },
};

export default defineRule({
  id: 'sagemaker-kms',
  title: 'SageMaker storage that may hold PHI is not encrypted with a customer-chosen KMS key',
  category: 'encryption-at-rest',
  severity: 'warning',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['sagemaker-kms'],
  appliesTo: {
    cloudformation: ['AWS::SageMaker::NotebookInstance', 'AWS::SageMaker::EndpointConfig', 'AWS::SageMaker::Domain', 'AWS::SageMaker::FeatureGroup'],
    terraform: ['aws_sagemaker_notebook_instance', 'aws_sagemaker_endpoint_configuration', 'aws_sagemaker_domain'],
  },
  responsibility: {
    aws: 'SageMaker encrypts ML storage volumes, Studio file systems and feature stores with a service key by default, and uses a named KMS key when given one.',
    customer: 'Name a KMS key it controls for notebooks, endpoints, Studio domains and feature stores that touch PHI, and govern who may use it.',
  },
  messages: {
    noKey: 'SageMaker {what} {resource} names no KMS key ({property}), so access to its storage cannot be controlled or audited through your key.',
    unknown: 'The KMS key of SageMaker {what} {resource} cannot be verified statically: {reason}.',
  },
  limits: 'Instance types with local NVMe storage ignore the endpoint key (their disks are hardware-encrypted); training jobs, processing jobs and model artifacts in S3 are configured outside these resources.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    if (resource.type === 'AWS::SageMaker::FeatureGroup') return featureGroup(resource, ctx);
    const { path, what } = KEYS[resource.type];
    const fixes = keyFix(ctx, resource, path, 'Encrypt with a customer managed KMS key', { safe: false, consequence: `replaces the ${what}` });
    return expectKey(ctx, resource, path, { messageId: 'noKey', fixes, data: { what, property: path } });
  },
});

function featureGroup(resource: Resource, ctx: RuleContext): RuleResult[] {
  const results: RuleResult[] = [];
  const data = (property: string) => ({ what: 'feature group', property });
  if (ctx.get(resource, 'OfflineStoreConfig').present) {
    const path = 'OfflineStoreConfig.S3StorageConfig.KmsKeyId';
    results.push(...expectKey(ctx, resource, path, { messageId: 'noKey', data: data(path), fixes: keyFix(ctx, resource, path, 'Encrypt the offline store with a customer managed KMS key', { safe: false, consequence: 'replaces the feature group' }) }));
  }
  const enable = ctx.get(resource, 'OnlineStoreConfig.EnableOnlineStore');
  const online = evaluate(enable.resolved, (v) => !isTrue(v), true);
  if (online.outcome === 'unknown') results.push(unknownAt(enable.path, `whether the online store is enabled: ${online.reason ?? 'unresolved'}`, 'unknown', data('OnlineStoreConfig.EnableOnlineStore')));
  if (online.outcome === 'fail') {
    const path = 'OnlineStoreConfig.SecurityConfig.KmsKeyId';
    results.push(...expectKey(ctx, resource, path, { messageId: 'noKey', data: data(path), fixes: keyFix(ctx, resource, path, 'Encrypt the online store with a customer managed KMS key', { safe: false, consequence: 'replaces the feature group' }) }));
  }
  return results;
}
