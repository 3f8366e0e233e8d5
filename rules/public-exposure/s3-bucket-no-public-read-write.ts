import { defineRule, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isTerraform, itemCount, possible, referrersOf, targetPath, text, unknownAt } from '../kit';
import { judgePolicyProperty } from './policy-support';

const PUBLIC_CANNED_ACLS = ['publicread', 'publicreadwrite', 'authenticatedread', 'public-read', 'public-read-write', 'authenticated-read'];
const PUBLIC_GRANTEE = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)/i;

export default defineRule({
  id: 's3-bucket-no-public-read-write',
  title: 'S3 bucket that may hold PHI grants public read or write through its ACL or policy',
  category: 'public-exposure',
  severity: 'error',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(3)(ii)(A)', '164.308(a)(3)(ii)(B)', '164.308(a)(4)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(B)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)', '164.312(e)(1)'],
  controls: ['s3-bucket-no-public-read-write'],
  appliesTo: { cloudformation: ['AWS::S3::Bucket'], terraform: ['aws_s3_bucket'] },
  responsibility: {
    aws: 'S3 enforces ACLs and bucket policies exactly as written; it blocks public grants only when Block Public Access is on.',
    customer: 'Never grant AllUsers or AuthenticatedUsers ACLs, and never allow Principal "*" in a bucket policy without a condition that limits callers to your network, account or organisation.',
  },
  messages: {
    publicAcl: 'Bucket {resource} uses the canned ACL {acl}, which gives {scope} to its objects.',
    publicGrant: 'The ACL of bucket {resource} grants access to {grantee}.',
    publicPolicy: 'Bucket policy {resource} allows Principal "*" without a condition that limits the caller (source VPC endpoint, IP range, account or organisation); anyone can reach the objects it covers.',
    unknown: 'Whether bucket {resource} is public cannot be verified statically: {reason}.',
  },
  limits: 'Access points, Object Ownership and ACLs set on individual objects are not judged; an account-level Block Public Access setting made outside the template cannot be seen.',
  check(bucket: Resource, ctx: RuleContext): RuleResult[] {
    return isTerraform(bucket) ? checkTerraform(bucket, ctx) : checkCloudFormation(bucket, ctx);
  },
});

function on(ctx: RuleContext, resource: Resource, path: Path): boolean {
  const p = possible(ctx.get(resource, path).resolved);
  return p.values.length > 0 && !p.absent && !p.unknown && p.values.every((v) => v === true || v === 'true' || v === 'True');
}

function checkCloudFormation(bucket: Resource, ctx: RuleContext): RuleResult[] {
  const results: RuleResult[] = [];
  const blocked = (flag: string) => on(ctx, bucket, ['PublicAccessBlockConfiguration', flag]);
  if (!blocked('BlockPublicAcls') && !blocked('IgnorePublicAcls')) {
    const acl = ctx.get(bucket, 'AccessControl');
    const p = possible(acl.resolved);
    const hit = p.values.map((v) => text(v) ?? '').find((v) => PUBLIC_CANNED_ACLS.includes(v.toLowerCase()));
    if (hit) {
      results.push({
        status: 'fail',
        path: acl.path,
        messageId: 'publicAcl',
        data: { acl: hit, scope: scopeOf(hit) },
        fixes: [{ title: 'Make the bucket ACL private', safe: true, edits: [{ op: 'set', path: acl.path, value: 'Private' }] }],
      });
    } else if (p.unknown) results.push(unknownAt(acl.path, p.unknown));
  }
  if (!blocked('BlockPublicPolicy') && !blocked('RestrictPublicBuckets')) {
    for (const policy of referrersOf(ctx, bucket, ['AWS::S3::BucketPolicy'], 'Bucket', ['BucketName'])) results.push(...policyResult(ctx, policy, 'PolicyDocument'));
  }
  return results;
}

function policyResult(ctx: RuleContext, policy: Resource, prop: string): RuleResult[] {
  const j = judgePolicyProperty(ctx, policy, prop);
  if (j.verdict === 'private') return [];
  const resourceId = policy.id;
  if (j.verdict === 'unknown') return [{ ...unknownAt(j.path, j.reason ?? 'the policy document is built at deploy time'), resourceId }];
  return [{ status: 'fail', path: j.path, messageId: 'publicPolicy', resourceId }];
}

function checkTerraform(bucket: Resource, ctx: RuleContext): RuleResult[] {
  const blocks = [
    ...referrersOf(ctx, bucket, ['aws_s3_bucket_public_access_block'], 'bucket'),
    ...ctx.ofType('aws_s3_account_public_access_block'),
  ];
  const blocked = (flag: string) => blocks.some((b) => on(ctx, b, [flag]));
  const results: RuleResult[] = [];
  if (!blocked('block_public_acls') && !blocked('ignore_public_acls')) {
    // Provider v3 kept the ACL on the bucket; v4 and later use aws_s3_bucket_acl.
    for (const owner of [bucket, ...referrersOf(ctx, bucket, ['aws_s3_bucket_acl'], 'bucket')]) results.push(...aclResults(ctx, owner, bucket));
  }
  if (!blocked('block_public_policy') && !blocked('restrict_public_buckets')) {
    const inline = ctx.get(bucket, 'policy');
    if (inline.present && !(inline.resolved.kind === 'known' && !inline.resolved.value)) results.push(...policyResult(ctx, bucket, 'policy'));
    for (const policy of referrersOf(ctx, bucket, ['aws_s3_bucket_policy'], 'bucket')) results.push(...policyResult(ctx, policy, 'policy'));
  }
  return results;
}

function aclResults(ctx: RuleContext, owner: Resource, bucket: Resource): RuleResult[] {
  const resourceId = owner.id === bucket.id ? undefined : owner.id;
  const acl = ctx.get(owner, 'acl');
  const p = possible(acl.resolved);
  const hit = p.values.map((v) => text(v) ?? '').find((v) => PUBLIC_CANNED_ACLS.includes(v.toLowerCase()));
  if (hit) return [{ status: 'fail', path: acl.path, messageId: 'publicAcl', data: { acl: hit, scope: scopeOf(hit) }, resourceId }];
  if (p.unknown) return [{ ...unknownAt(acl.path, p.unknown), resourceId }];
  const grants = ['access_control_policy', 0, 'grant'];
  for (let i = 0; i < itemCount(ctx, owner, grants); i++) {
    const uri = ctx.get(owner, [...grants, i, 'grantee', 0, 'uri']);
    const value = text(possible(uri.resolved).values[0]);
    const m = value?.match(PUBLIC_GRANTEE);
    if (m) return [{ status: 'fail', path: targetPath(owner, uri, [...grants, i, 'grantee', 0, 'uri']), messageId: 'publicGrant', data: { grantee: m[1] }, resourceId }];
  }
  return [];
}

function scopeOf(acl: string): string {
  const a = acl.toLowerCase().replace(/-/g, '');
  if (a === 'authenticatedread') return 'every AWS account holder read access';
  if (a === 'publicreadwrite') return 'everyone on the internet read and write access';
  return 'everyone on the internet read access';
}
