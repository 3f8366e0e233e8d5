import { defineRule, expect, setFix, type FixIntent, type Resource, type RuleContext, type RuleResult } from '../kit';
import { asUnknown, isTerraform, itemCount, oneOf, possible, referrersOf, targetsOf, text, unknownAt } from '../kit';

const TOPIC = { cloudformation: 'AWS::SNS::Topic', terraform: 'aws_sns_topic' };
const SUBSCRIPTION = { cloudformation: 'AWS::SNS::Subscription', terraform: 'aws_sns_topic_subscription' };
/** Subscription protocols that deliver outside AWS without TLS to a system the BAA does not cover. */
const OFF_AWS = ['sms', 'email', 'email-json'];
/** DMS engines that are reached over AWS APIs or have their own TLS settings instead of SslMode. */
const DMS_WITHOUT_SSL_MODE = ['s3', 'dynamodb', 'kinesis', 'kafka', 'neptune', 'elasticsearch', 'opensearch', 'redshift', 'redshift-serverless', 'redis'];

export default defineRule({
  id: 'messaging-transport-tls',
  title: 'Messaging or transfer endpoint may send PHI in clear text',
  category: 'encryption-in-transit',
  severity: 'error',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  controls: ['messaging-transport-tls'],
  appliesTo: {
    cloudformation: [TOPIC.cloudformation, SUBSCRIPTION.cloudformation, 'AWS::Transfer::Server', 'AWS::SES::ConfigurationSet', 'AWS::DMS::Endpoint'],
    terraform: [TOPIC.terraform, SUBSCRIPTION.terraform, 'aws_transfer_server', 'aws_ses_configuration_set', 'aws_sesv2_configuration_set', 'aws_dms_endpoint'],
  },
  responsibility: {
    aws: 'SNS, SES, Transfer Family and DMS all offer encrypted transports (HTTPS delivery, STARTTLS, SFTP/FTPS, SSL database connections).',
    customer: 'Choose the encrypted transport for every subscription, sending configuration, server protocol and migration endpoint that may carry PHI, and keep PHI out of SMS and email notifications.',
  },
  messages: {
    httpSubscription: 'Subscription {subscription} delivers messages of topic {topic} over plain HTTP; use an https endpoint (or sqs, lambda, firehose).',
    leavesAws: 'Subscription {subscription} delivers messages of topic {topic} by {protocol}, outside AWS and without transport encryption you control; send only a notice without PHI, or use https/sqs/lambda.',
    ftpProtocol: 'Transfer Family server {resource} accepts FTP, which sends files and passwords in clear text; use SFTP or FTPS.',
    sesTlsOptional: 'SES configuration set {resource} delivers mail even when the receiving server offers no TLS (TlsPolicy is not REQUIRE).',
    dmsNoSsl: 'DMS endpoint {resource} ({engine}) connects to its database without TLS (SslMode is none or not set); use require, verify-ca or verify-full.',
    unknown: 'Transport encryption of {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    sesTlsOptional: 'SES configuration set {resource} delivers mail even when the receiving server offers no TLS (delivery_options.tls_policy is not Require, or REQUIRE for aws_sesv2_configuration_set).',
    dmsNoSsl: 'DMS endpoint {resource} ({engine}) connects to its database without TLS (ssl_mode is none or not set); use require, verify-ca or verify-full.',
  },
  limits: 'MSK client-broker encryption is checked by msk-encrypted; Amazon MQ brokers accept only TLS connections, so they need no check.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(resource);
    switch (resource.type) {
      case TOPIC.cloudformation:
      case TOPIC.terraform:
        return checkTopic(resource, ctx);
      case SUBSCRIPTION.cloudformation:
      case SUBSCRIPTION.terraform:
        // Subscriptions to a topic of this template are judged with the topic (its PHI verdict applies).
        if (targetsOf(ctx, resource, tf ? 'topic_arn' : 'TopicArn', [tf ? TOPIC.terraform : TOPIC.cloudformation], ['TopicName']).length) return [];
        return subscription(ctx, resource, [], undefined);
      case 'AWS::Transfer::Server':
      case 'aws_transfer_server':
        return checkTransfer(resource, ctx);
      case 'AWS::DMS::Endpoint':
      case 'aws_dms_endpoint':
        return checkDms(resource, ctx);
      default: {
        const path = tf ? ['delivery_options', 0, 'tls_policy'] : ['DeliveryOptions', 'TlsPolicy'];
        return expect(ctx, resource, path, (v) => oneOf(v, 'REQUIRE'), { messageId: 'sesTlsOptional', fixes: setFix(resource, path, 'REQUIRE', 'Require TLS for delivery') }).map(asUnknown);
      }
    }
  },
});

function checkTopic(topic: Resource, ctx: RuleContext): RuleResult[] {
  const tf = isTerraform(topic);
  const results: RuleResult[] = [];
  if (!tf) for (let i = 0; i < itemCount(ctx, topic, ['Subscription']); i++) results.push(...subscription(ctx, topic, ['Subscription', i], topic));
  for (const sub of referrersOf(ctx, topic, [tf ? SUBSCRIPTION.terraform : SUBSCRIPTION.cloudformation], tf ? 'topic_arn' : 'TopicArn', ['TopicName'])) {
    results.push(...subscription(ctx, sub, [], topic));
  }
  return results;
}

/** Judge one subscription: a separate resource (`base` []) or an inline `Subscription` item of `topic`. */
function subscription(ctx: RuleContext, owner: Resource, base: (string | number)[], topic: Resource | undefined): RuleResult[] {
  const tf = isTerraform(owner);
  const protocolPath = [...base, tf ? 'protocol' : 'Protocol'];
  const lookup = ctx.get(owner, protocolPath);
  const values = possible(lookup.resolved);
  const separate = owner !== topic;
  const name = separate ? owner.id : `${owner.id} Subscription[${base[1]}]`;
  const where = { resourceId: separate && topic ? owner.id : undefined };
  const data = { subscription: name, topic: topic?.id ?? 'outside this template' };
  const http = values.values.find((v) => oneOf(v, 'http'));
  if (http !== undefined) return [{ status: 'fail', path: lookup.path, messageId: 'httpSubscription', data, fixes: httpsFix(ctx, owner, base), ...where }];
  const off = values.values.find((v) => oneOf(v, ...OFF_AWS));
  if (off !== undefined) return [{ status: 'fail', path: lookup.path, messageId: 'leavesAws', data: { ...data, protocol: String(off) }, ...where }];
  return values.unknown ? [{ ...unknownAt(lookup.path, values.unknown, 'unknown', data), ...where }] : [];
}

/** Switch an http subscription to https, rewriting a literal http:// endpoint. */
function httpsFix(ctx: RuleContext, owner: Resource, base: (string | number)[]): FixIntent[] {
  if (isTerraform(owner)) return [];
  const endpoint = ctx.get(owner, [...base, 'Endpoint']);
  const url = endpoint.resolved.kind === 'known' && endpoint.node?.kind === 'scalar' ? text(endpoint.resolved.value) : undefined;
  const edits: FixIntent['edits'] = [{ op: 'set', path: [...owner.propertiesPath, ...base, 'Protocol'], value: 'https' }];
  if (url?.startsWith('http://')) edits.push({ op: 'set', path: endpoint.path, value: `https://${url.slice('http://'.length)}` });
  const replaces = base.length === 0 ? 'replaces the subscription' : 'replaces the inline subscription';
  return [{ title: `Deliver over HTTPS (${replaces})`, safe: false, consequence: replaces, edits }];
}

function checkTransfer(server: Resource, ctx: RuleContext): RuleResult[] {
  const tf = isTerraform(server);
  const list = tf ? 'protocols' : 'Protocols';
  const lookup = ctx.get(server, list);
  const values = possible(lookup.resolved);
  const protocols = values.values.flat().map((v) => text(v) ?? '');
  if (!protocols.some((p) => oneOf(p, 'FTP'))) return values.unknown ? [unknownAt(lookup.path, values.unknown)] : [];
  const index = lookup.node?.kind === 'seq' ? lookup.node.items.findIndex((i) => i.kind === 'scalar' && oneOf(i.value, 'FTP')) : -1;
  const path = index >= 0 ? [...lookup.path, index] : lookup.path;
  const rest = [...new Set(protocols.filter((p) => !oneOf(p, 'FTP')))];
  const fixes = setFix(server, list, rest.length ? rest : ['SFTP'], rest.length ? 'Stop accepting FTP' : 'Accept SFTP instead of FTP');
  return [{ status: 'fail', path, messageId: 'ftpProtocol', fixes }];
}

function checkDms(endpoint: Resource, ctx: RuleContext): RuleResult[] {
  const tf = isTerraform(endpoint);
  const engineLookup = ctx.get(endpoint, tf ? 'engine_name' : 'EngineName');
  const engines = possible(engineLookup.resolved);
  if (engines.unknown) return [unknownAt(engineLookup.path, engines.unknown)];
  const engine = text(engines.values[0]) ?? '';
  if (!engine || oneOf(engine, ...DMS_WITHOUT_SSL_MODE)) return [];
  const path = tf ? 'ssl_mode' : 'SslMode';
  const fixes = setFix(endpoint, path, 'require', 'Connect with TLS (SslMode require)');
  return expect(ctx, endpoint, path, (v) => oneOf(v, 'require', 'verify-ca', 'verify-full'), { messageId: 'dmsNoSsl', data: { engine }, fixes }).map(asUnknown);
}
