import { strict as assert } from 'assert';
import { ALL_RULES } from '../../rules';
import { EngineContext } from '../../server/src/engine/context';
import { lint } from '../../server/src/engine/lint';
import { plan } from '../rules/plan-builder';

// Cross-resource joins must stay linear: a plan with n buckets and n split configurations may cost each rule
// about n lookups, not n² (or n³: a 10,000-resource plan once ran for over twenty minutes). Counted, not timed.
function lookupsFor(ruleId: string, n: number): number {
  const resources = [];
  for (let i = 0; i < n; i++) {
    resources.push({ address: `aws_s3_bucket.b${i}`, values: { bucket: `bucket-${i}`, tags: { DataClassification: 'PHI' } } });
    // Joined by literal name only (no configuration references), the costly case.
    resources.push({ address: `aws_s3_bucket_server_side_encryption_configuration.b${i}`, values: { bucket: `bucket-${i}`, rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] }] } });
    resources.push({ address: `aws_s3_bucket_versioning.b${i}`, values: { bucket: `bucket-${i}`, versioning_configuration: [{ status: 'Enabled' }] } });
    resources.push({ address: `aws_s3_bucket_public_access_block.b${i}`, values: { bucket: `bucket-${i}`, block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true } });
  }
  const analysis = lint(JSON.stringify(plan(...resources)), 'file:///plan.json');
  const ctx = new EngineContext(analysis.model!, analysis.phi, 32);
  let count = 0;
  const get = ctx.get.bind(ctx);
  ctx.get = (resource, path) => {
    count++;
    return get(resource, path);
  };
  const rule = ALL_RULES.find((r) => r.id === ruleId)!;
  for (const r of ctx.ofType('aws_s3_bucket')) rule.check(r, ctx);
  return count;
}

describe('cross-resource lookups stay linear', () => {
  for (const id of ['s3-bucket-default-encryption', 's3-bucket-default-encryption-kms', 's3-bucket-versioning', 's3-bucket-public-access-block', 's3-bucket-ssl-requests-only', 's3-bucket-access-logging']) {
    it(`${id}: doubling the buckets at most doubles the lookups`, () => {
      const small = lookupsFor(id, 40);
      const large = lookupsFor(id, 80);
      assert.ok(large <= small * 2.2, `${small} lookups for 40 buckets, ${large} for 80`);
    });
  }
});
