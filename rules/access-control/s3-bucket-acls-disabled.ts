import { defineRule, evaluate, isTerraform, itemCount, oneOfValues, referrersOf, setFix, text, possible, unknownAt, type Resource, type RuleContext, type RuleResult } from '../kit';

const ENFORCED = oneOfValues('BucketOwnerEnforced');

export default defineRule({
  id: 's3-bucket-acls-disabled',
  title: 'S3 bucket that may hold PHI still honours object ACLs',
  category: 'access-control',
  severity: 'info',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)', '164.312(e)(1)'],
  controls: ['s3-bucket-acls-disabled'],
  appliesTo: { cloudformation: ['AWS::S3::Bucket'], terraform: ['aws_s3_bucket'] },
  responsibility: {
    aws: 'New buckets have ACLs disabled (BucketOwnerEnforced) unless the template asks otherwise; the bucket owner then owns every object and only policies grant access.',
    customer: 'Keep object ownership at BucketOwnerEnforced so that access to PHI is granted in policies you can review, not in per-object ACLs written by whoever uploaded the object.',
  },
  messages: {
    aclsEnabled: 'Bucket {resource} sets ObjectOwnership to {value}, so object ACLs still grant access; use BucketOwnerEnforced.',
    aclInUse: 'Bucket {resource} grants access with the canned ACL {value}; disable ACLs (ObjectOwnership BucketOwnerEnforced) and grant access in the bucket policy.',
    unknown: 'Whether ACLs are disabled on bucket {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    aclsEnabled: 'Bucket {resource} has ownership controls (aws_s3_bucket_ownership_controls) with object_ownership {value}, so object ACLs still grant access; use BucketOwnerEnforced.',
  },
  check(bucket: Resource, ctx: RuleContext): RuleResult[] {
    return isTerraform(bucket) ? checkTerraform(bucket, ctx) : checkCloudFormation(bucket, ctx);
  },
});

function checkCloudFormation(bucket: Resource, ctx: RuleContext): RuleResult[] {
  const fixes = setFix(bucket, 'OwnershipControls', { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] }, 'Disable ACLs (ObjectOwnership BucketOwnerEnforced)', {
    safe: false,
    consequence: 'grants made through ACLs stop working',
  });
  const controls = ctx.get(bucket, 'OwnershipControls');
  if (controls.resolved.kind === 'unknown') return [unknownAt(controls.path, controls.resolved.reason)];
  if (controls.present) {
    for (let i = 0; i < itemCount(ctx, bucket, ['OwnershipControls', 'Rules']); i++) {
      const l = ctx.get(bucket, ['OwnershipControls', 'Rules', i, 'ObjectOwnership']);
      if (!l.present) continue;
      const e = evaluate(l.resolved, ENFORCED);
      if (e.outcome === 'unknown') return [unknownAt(l.path, e.reason ?? 'the value is decided at deploy time')];
      if (e.outcome === 'fail') return [{ status: 'fail', path: l.path, messageId: 'aclsEnabled', data: { value: shown(l.resolved) }, fixes }];
    }
    return [];
  }
  // No ownership controls: AWS enforces bucket-owner ownership, unless the template grants access by ACL.
  const acl = ctx.get(bucket, 'AccessControl');
  const values = possible(acl.resolved);
  const granting = values.values.map(text).find((v) => v !== undefined && !/^(private|bucketownerfullcontrol)$/i.test(v));
  if (granting) return [{ status: 'fail', path: acl.path, messageId: 'aclInUse', data: { value: granting } }];
  if (values.unknown) return [unknownAt(acl.path, values.unknown)];
  return [];
}

function shown(r: ReturnType<RuleContext['get']>['resolved']): string {
  const p = possible(r);
  return p.values.map(text).filter((v) => v && !/^BucketOwnerEnforced$/i.test(v)).join(' or ') || 'a value other than BucketOwnerEnforced';
}

function checkTerraform(bucket: Resource, ctx: RuleContext): RuleResult[] {
  for (const controls of referrersOf(ctx, bucket, ['aws_s3_bucket_ownership_controls'], 'bucket')) {
    for (let i = 0; i < Math.max(1, itemCount(ctx, controls, ['rule'])); i++) {
      const l = ctx.get(controls, ['rule', i, 'object_ownership']);
      const e = evaluate(l.resolved, ENFORCED, true);
      if (e.outcome === 'unknown') return [{ ...unknownAt(l.path, e.reason ?? 'the value is known only after apply'), resourceId: controls.id }];
      if (e.outcome === 'fail') return [{ status: 'fail', path: l.path, messageId: 'aclsEnabled', data: { value: shown(l.resolved) }, resourceId: controls.id }];
    }
  }
  return [];
}
