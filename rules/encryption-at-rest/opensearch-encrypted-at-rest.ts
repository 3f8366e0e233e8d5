import { asUnknown, defineRule, expect, isTrue, setFix, type Resource, type RuleContext, type RuleResult } from '../kit';

export default defineRule({
  id: 'opensearch-encrypted-at-rest',
  title: 'OpenSearch or Elasticsearch domain that may hold PHI does not encrypt data at rest',
  category: 'encryption-at-rest',
  severity: 'error',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['opensearch-encrypted-at-rest'],
  appliesTo: { cloudformation: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'], terraform: ['aws_opensearch_domain', 'aws_elasticsearch_domain'] },
  responsibility: {
    aws: 'OpenSearch Service encrypts indices, logs, swap files and automated snapshots with a KMS key once encryption at rest is on.',
    customer: 'Turn encryption at rest on for every domain that indexes PHI and choose the KMS key.',
  },
  messages: {
    notEncrypted: 'Domain {resource} does not encrypt data at rest: EncryptionAtRestOptions.Enabled is not true.',
    unknown: 'Encryption at rest of domain {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    notEncrypted: 'Domain {resource} does not encrypt data at rest: encrypt_at_rest.enabled is not true.',
  },
  limits: 'Manual snapshots written to an S3 repository are protected by that bucket, not by this setting.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    if (resource.family === 'terraform-plan') return expect(ctx, resource, 'encrypt_at_rest.0.enabled', isTrue, { messageId: 'notEncrypted' }).map(asUnknown);
    const fixes = setFix(resource, 'EncryptionAtRestOptions.Enabled', true, 'Encrypt the domain at rest', {
      safe: false,
      consequence: resource.type === 'AWS::Elasticsearch::Domain' ? 'may replace the domain on older Elasticsearch versions; cannot be turned off again' : 'runs a blue/green deployment of the domain; cannot be turned off again',
    });
    return expect(ctx, resource, 'EncryptionAtRestOptions.Enabled', isTrue, { messageId: 'notEncrypted', fixes }).map(asUnknown);
  },
});
