import { defineRule, setFix, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isTerraform, itemCount, oneOf, possible, targetPath, text, unknownAt } from '../kit';

const MIN_VIEWER_TLS = 'TLSv1.2_2021';
/** TLSv1.2_2021 and later policies (older TLS 1.2 policies still offer legacy CBC/SHA-1 suites). */
const isCurrentViewerTls = (v: string) => /^TLSv1\.2_20(2[1-9]|[3-9]\d)$|^TLSv1\.[3-9]_/.test(v);
const OLD_ORIGIN_PROTOCOLS = ['SSLv3', 'TLSv1', 'TLSv1.1'];

interface Keys {
  config: Path;
  defaultBehavior: string;
  behaviors: string;
  viewerPolicy: string;
  certificate: Path;
  acm: string;
  iam: string;
  minimum: string;
  origins: string;
  custom: Path;
  originPolicy: string;
  originProtocols: string;
}

const CFN: Keys = {
  config: ['DistributionConfig'],
  defaultBehavior: 'DefaultCacheBehavior',
  behaviors: 'CacheBehaviors',
  viewerPolicy: 'ViewerProtocolPolicy',
  certificate: ['ViewerCertificate'],
  acm: 'AcmCertificateArn',
  iam: 'IamCertificateId',
  minimum: 'MinimumProtocolVersion',
  origins: 'Origins',
  custom: ['CustomOriginConfig'],
  originPolicy: 'OriginProtocolPolicy',
  originProtocols: 'OriginSSLProtocols',
};

const TF: Keys = {
  config: [],
  defaultBehavior: 'default_cache_behavior',
  behaviors: 'ordered_cache_behavior',
  viewerPolicy: 'viewer_protocol_policy',
  certificate: ['viewer_certificate', 0],
  acm: 'acm_certificate_arn',
  iam: 'iam_certificate_id',
  minimum: 'minimum_protocol_version',
  origins: 'origin',
  custom: ['custom_origin_config', 0],
  originPolicy: 'origin_protocol_policy',
  originProtocols: 'origin_ssl_protocols',
};

export default defineRule({
  id: 'cloudfront-https-only',
  title: 'CloudFront distribution in front of PHI allows HTTP or TLS older than 1.2',
  category: 'encryption-in-transit',
  severity: 'error',
  phiScope: 'phi-path',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  controls: ['cloudfront-https-only'],
  appliesTo: { cloudformation: ['AWS::CloudFront::Distribution'], terraform: ['aws_cloudfront_distribution'] },
  responsibility: {
    aws: 'CloudFront terminates viewer TLS with the security policy chosen and connects to origins with the protocols allowed.',
    customer: 'Redirect or refuse HTTP on every cache behavior, use a TLS 1.2 (2021) or newer viewer policy with custom certificates, reach custom origins over HTTPS with TLS 1.2, and decide whether PHI responses may be cached at the edge.',
  },
  messages: {
    viewerHttpAllowed: 'Cache behavior {behavior} of distribution {resource} serves viewers over plain HTTP (ViewerProtocolPolicy allow-all); use redirect-to-https or https-only.',
    weakViewerTls: 'Distribution {resource} accepts viewer connections with {version}; set MinimumProtocolVersion to {expected} or newer.',
    originHttp: 'Distribution {resource} fetches from origin {origin} over plain HTTP (OriginProtocolPolicy http-only).',
    weakOriginTls: 'Distribution {resource} may connect to origin {origin} with {protocols}; allow only TLSv1.2.',
    unknown: 'Transport security of distribution {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    viewerHttpAllowed: 'Cache behavior {behavior} of distribution {resource} serves viewers over plain HTTP (viewer_protocol_policy allow-all); use redirect-to-https or https-only.',
    weakViewerTls: 'Distribution {resource} accepts viewer connections with {version}; set viewer_certificate.minimum_protocol_version to {expected} or newer.',
    originHttp: 'Distribution {resource} fetches from origin {origin} over plain HTTP (custom_origin_config.origin_protocol_policy http-only).',
  },
  check(distribution: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(distribution);
    const k = tf ? TF : CFN;
    const at = (...rest: (string | number)[]): Path => [...k.config, ...rest];
    const results: RuleResult[] = [];
    const behaviors: { path: Path; name: string }[] = [{ path: tf ? at(k.defaultBehavior, 0) : at(k.defaultBehavior), name: 'default' }];
    for (let i = 0; i < itemCount(ctx, distribution, at(k.behaviors)); i++) {
      const pattern = text(possible(ctx.get(distribution, at(k.behaviors, i, tf ? 'path_pattern' : 'PathPattern')).resolved).values[0]);
      behaviors.push({ path: at(k.behaviors, i), name: pattern ?? `#${i}` });
    }
    for (const b of behaviors) {
      const policyPath = [...b.path, k.viewerPolicy];
      const lookup = ctx.get(distribution, policyPath);
      const values = possible(lookup.resolved);
      if (values.values.some((v) => oneOf(v, 'allow-all'))) {
        results.push({ status: 'fail', path: lookup.path, messageId: 'viewerHttpAllowed', data: { behavior: b.name }, fixes: setFix(distribution, policyPath, 'redirect-to-https', 'Redirect HTTP viewers to HTTPS') });
      } else if (values.unknown) results.push(unknownAt(lookup.path, values.unknown));
    }
    results.push(...viewerCertificate(ctx, distribution, k, at));
    for (let i = 0; i < itemCount(ctx, distribution, at(k.origins)); i++) results.push(...origin(ctx, distribution, k, at(k.origins, i), tf));
    return results;
  },
});

function viewerCertificate(ctx: RuleContext, distribution: Resource, k: Keys, at: (...rest: (string | number)[]) => Path): RuleResult[] {
  const cert = at(...k.certificate);
  const custom = [k.acm, k.iam].some((key) => possible(ctx.get(distribution, [...cert, key]).resolved).values.some((v) => v !== null && v !== ''));
  if (!custom) return []; // the *.cloudfront.net certificate's policy cannot be chosen
  const minimumPath = [...cert, k.minimum];
  const minimum = ctx.get(distribution, minimumPath);
  const values = possible(minimum.resolved);
  const fixes = setFix(distribution, minimumPath, MIN_VIEWER_TLS, `Require ${MIN_VIEWER_TLS}`);
  const weak = values.absent ? 'the default TLSv1' : values.values.map((v) => text(v) ?? '').find((v) => !isCurrentViewerTls(v));
  if (weak !== undefined) return [{ status: 'fail', path: targetPath(distribution, minimum, minimumPath), messageId: 'weakViewerTls', data: { version: weak, expected: MIN_VIEWER_TLS }, fixes }];
  return values.unknown ? [unknownAt(minimum.path, values.unknown)] : [];
}

function origin(ctx: RuleContext, distribution: Resource, k: Keys, base: Path, tf: boolean): RuleResult[] {
  const custom = [...base, ...k.custom];
  if (!ctx.get(distribution, custom).present) return [];
  const name = text(possible(ctx.get(distribution, [...base, tf ? 'origin_id' : 'Id']).resolved).values[0]) ?? String(base[base.length - 1]);
  const policy = ctx.get(distribution, [...custom, k.originPolicy]);
  const p = possible(policy.resolved);
  if (p.values.some((v) => oneOf(v, 'http-only'))) {
    return [{ status: 'fail', path: policy.path, messageId: 'originHttp', data: { origin: name }, fixes: setFix(distribution, [...custom, k.originPolicy], 'https-only', 'Connect to the origin over HTTPS only') }];
  }
  if (p.unknown) return [unknownAt(policy.path, p.unknown)];
  const protocols = ctx.get(distribution, [...custom, k.originProtocols]);
  const old = possible(protocols.resolved).values.flat().map((v) => text(v) ?? '').filter((v) => OLD_ORIGIN_PROTOCOLS.includes(v));
  if (old.length) {
    return [{ status: 'fail', path: protocols.path, messageId: 'weakOriginTls', data: { origin: name, protocols: old.join(', ') }, fixes: setFix(distribution, [...custom, k.originProtocols], ['TLSv1.2'], 'Allow only TLSv1.2 towards the origin') }];
  }
  return [];
}
