import { defineRule, type FixIntent, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';
import { isTerraform, possible, referrersOf, targetPath, unknownAt } from '../kit';

const CFN_FLAGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];
const TF_FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];
const CONFIG = 'PublicAccessBlockConfiguration';

interface FlagVerdict {
  off: string[];
  firstOff?: Path;
  unknown?: { path: Path; reason: string };
}

export default defineRule({
  id: 's3-bucket-public-access-block',
  title: 'S3 bucket that may hold PHI does not block all public access',
  category: 'public-exposure',
  severity: 'error',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)', '164.312(e)(1)'],
  controls: ['s3-bucket-public-access-block'],
  appliesTo: { cloudformation: ['AWS::S3::Bucket'], terraform: ['aws_s3_bucket'] },
  responsibility: {
    aws: 'S3 applies Block Public Access before any ACL or bucket policy, and turns all four settings on for new buckets unless the creator turns them off.',
    customer: 'Keep all four Block Public Access settings on for every bucket that may hold PHI, and declare them in the template so no later change can open the bucket silently.',
  },
  messages: {
    notDeclared: 'Bucket {resource} declares no PublicAccessBlockConfiguration; declare all four Block Public Access settings as true so a public ACL or policy can never take effect.',
    flagsOff: 'Block Public Access of {resource} leaves {flags} off; a public ACL or bucket policy could expose PHI.',
    noBlock: 'Bucket {resource} has no aws_s3_bucket_public_access_block (and the plan has no account-level block with all four settings on).',
    unknown: 'Whether {resource} blocks all public access cannot be verified statically: {reason}.',
  },
  limits: 'An account-level Block Public Access setting made outside the template (console, another stack, AWS Organizations) cannot be seen; a Terraform aws_s3_account_public_access_block in the same plan is accepted.',
  check(bucket: Resource, ctx: RuleContext): RuleResult[] {
    return isTerraform(bucket) ? checkTerraform(bucket, ctx) : checkCloudFormation(bucket, ctx);
  },
});

function judgeFlags(ctx: RuleContext, resource: Resource, base: Path, flags: string[]): FlagVerdict {
  const out: FlagVerdict = { off: [] };
  for (const flag of flags) {
    const lookup = ctx.get(resource, [...base, flag]);
    const p = possible(lookup.resolved);
    if (p.unknown && !p.values.some((v) => !isOn(v))) {
      out.unknown ??= { path: lookup.path, reason: p.unknown };
      continue;
    }
    if (p.absent || p.values.length === 0 || p.values.some((v) => !isOn(v))) {
      out.off.push(flag);
      out.firstOff ??= targetPath(resource, lookup, [...base, flag]);
    }
  }
  return out;
}

function isOn(v: unknown): boolean {
  return v === true || v === 'true' || v === 'True';
}

function checkCloudFormation(bucket: Resource, ctx: RuleContext): RuleResult[] {
  const config = ctx.get(bucket, CONFIG);
  if (!config.present) return [{ status: 'fail', path: targetPath(bucket, config, [CONFIG]), messageId: 'notDeclared', fixes: blockFix(bucket, CFN_FLAGS) }];
  const whole = possible(config.resolved);
  if (whole.unknown && whole.values.length === 0) return [unknownAt(config.path, whole.unknown)];
  const verdict = judgeFlags(ctx, bucket, [CONFIG], CFN_FLAGS);
  if (verdict.off.length) return [{ status: 'fail', path: verdict.firstOff!, messageId: 'flagsOff', data: { flags: verdict.off.join(', ') }, fixes: blockFix(bucket, verdict.off) }];
  if (verdict.unknown) return [unknownAt(verdict.unknown.path, verdict.unknown.reason)];
  return [];
}

function checkTerraform(bucket: Resource, ctx: RuleContext): RuleResult[] {
  const accountWide = ctx.ofType('aws_s3_account_public_access_block').some((a) => {
    const v = judgeFlags(ctx, a, [], TF_FLAGS);
    return v.off.length === 0 && !v.unknown;
  });
  if (accountWide) return [];
  const blocks = referrersOf(ctx, bucket, ['aws_s3_bucket_public_access_block'], 'bucket');
  if (blocks.length === 0) return [{ status: 'fail', path: bucket.path, messageId: 'noBlock' }];
  const judged = blocks.map((b) => ({ block: b, verdict: judgeFlags(ctx, b, [], TF_FLAGS) }));
  if (judged.some((j) => j.verdict.off.length === 0 && !j.verdict.unknown)) return [];
  const failing = judged.find((j) => j.verdict.off.length);
  if (failing) return [{ status: 'fail', path: failing.verdict.firstOff!, messageId: 'flagsOff', data: { flags: failing.verdict.off.join(', ') }, resourceId: failing.block.id }];
  const undecided = judged[0];
  return [{ ...unknownAt(undecided.verdict.unknown!.path, undecided.verdict.unknown!.reason), resourceId: undecided.block.id }];
}

function blockFix(bucket: Resource, flags: string[]): FixIntent[] {
  return [
    {
      title: 'Block all public access to the bucket',
      safe: true,
      edits: flags.map((flag) => ({ op: 'set' as const, path: [...bucket.propertiesPath, CONFIG, flag], value: true })),
    },
  ];
}
