import { asUnknown, defineRule, evaluate, expect, isTrue, oneOfValues, setFix, targetsOf, unknownAt, type Resource, type RuleContext, type RuleResult } from '../kit';

const KEY_TYPES = oneOfValues('AWS_OWNED_CMK', 'CUSTOMER_MANAGED_CMK');

export default defineRule({
  id: 'firehose-encrypted',
  title: 'Firehose delivery stream that may carry PHI does not encrypt buffered data',
  category: 'encryption-at-rest',
  severity: 'warning',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['firehose-encrypted'],
  appliesTo: { cloudformation: ['AWS::KinesisFirehose::DeliveryStream'], terraform: ['aws_kinesis_firehose_delivery_stream'] },
  responsibility: {
    aws: 'Firehose encrypts data while it is buffered, with an AWS owned or customer managed key once server-side encryption is on; with a Kinesis stream source it relies on the source stream encryption.',
    customer: 'Turn server-side encryption on for direct-put streams (or encrypt the source stream), and encrypt every destination the stream delivers to.',
  },
  messages: {
    notEncrypted: 'Delivery stream {resource} does not encrypt buffered data: no server-side encryption key type is set.',
    sourceNotEncrypted: 'Delivery stream {resource} reads from {source}, which does not encrypt records at rest.',
    unknown: 'Encryption of delivery stream {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    notEncrypted: 'Delivery stream {resource} does not encrypt buffered data: server_side_encryption.enabled is not true.',
  },
  limits: 'Destinations (S3, OpenSearch, Redshift, HTTP endpoints) need their own encryption and are checked by their own rules; sources outside the template are not visible.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    return resource.family === 'terraform-plan' ? checkTerraform(resource, ctx) : checkCloudFormation(resource, ctx);
  },
});

function checkCloudFormation(resource: Resource, ctx: RuleContext): RuleResult[] {
  const type = ctx.get(resource, 'DeliveryStreamType').resolved;
  if (type.kind === 'unknown') return [unknownAt(ctx.get(resource, 'DeliveryStreamType').path, type.reason)];
  if (type.kind === 'known' && type.value === 'KinesisStreamAsSource') {
    return sourceStream(ctx, resource, 'KinesisStreamSourceConfiguration.KinesisStreamARN', 'AWS::Kinesis::Stream', 'StreamEncryption.EncryptionType');
  }
  // MSK and database sources are encrypted by their own services; only direct-put streams take SSE here.
  if (type.kind === 'known' && type.value !== 'DirectPut') return [];
  const fixes = setFix(resource, 'DeliveryStreamEncryptionConfigurationInput', { KeyType: 'AWS_OWNED_CMK' }, 'Encrypt buffered data with an AWS owned key');
  return expect(ctx, resource, 'DeliveryStreamEncryptionConfigurationInput.KeyType', KEY_TYPES, { messageId: 'notEncrypted', fixes }).map(asUnknown);
}

function checkTerraform(resource: Resource, ctx: RuleContext): RuleResult[] {
  if (ctx.get(resource, 'kinesis_source_configuration.0').present) {
    // Plan edges are recorded on the top-level block, so look up references there and literal ARNs on the attribute.
    return sourceStream(ctx, resource, 'kinesis_source_configuration.0.kinesis_stream_arn', 'aws_kinesis_stream', 'encryption_type', 'kinesis_source_configuration');
  }
  if (ctx.get(resource, 'msk_source_configuration.0').present) return [];
  return expect(ctx, resource, 'server_side_encryption.0.enabled', isTrue, { messageId: 'notEncrypted' }).map(asUnknown);
}

/** A stream fed by a Kinesis data stream is as encrypted as that stream. */
function sourceStream(ctx: RuleContext, resource: Resource, prop: string, type: string, encryption: string, block?: string): RuleResult[] {
  const arn = ctx.get(resource, prop);
  const sources = [...targetsOf(ctx, resource, prop, [type]), ...(block ? targetsOf(ctx, resource, block, [type]) : [])].filter((s, i, all) => all.indexOf(s) === i);
  if (sources.length === 0) return [unknownAt(arn.path, 'the records are encrypted only if the source stream is, and it is not in this template or plan')];
  const results: RuleResult[] = [];
  for (const source of sources) {
    const outcome = evaluate(ctx.get(source, encryption).resolved, oneOfValues('KMS'));
    if (outcome.outcome === 'fail') results.push({ status: 'fail', path: arn.path, messageId: 'sourceNotEncrypted', data: { source: source.id } });
    else if (outcome.outcome === 'unknown') results.push(unknownAt(arn.path, `encryption of source stream ${source.id}: ${outcome.reason ?? 'unresolved'}`));
  }
  return results;
}
