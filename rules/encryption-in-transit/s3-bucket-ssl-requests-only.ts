import { defineRule, type FixIntent, type JsonValue, type Resource, type RuleContext, type RuleResult } from '../kit';
import { judgePolicy, type StatementVerdict } from './secure-transport';
import { isTerraform, possible, referrersOf, unknownAt } from '../kit';

const POLICY_TYPES = { cloudformation: 'AWS::S3::BucketPolicy', terraform: 'aws_s3_bucket_policy' };

export default defineRule({
  id: 's3-bucket-ssl-requests-only',
  title: 'S3 bucket that may hold PHI accepts requests over plain HTTP',
  category: 'encryption-in-transit',
  severity: 'error',
  hipaa: ['164.312(a)(2)(iv)', '164.312(c)(2)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  controls: ['s3-bucket-ssl-requests-only'],
  appliesTo: { cloudformation: ['AWS::S3::Bucket'], terraform: ['aws_s3_bucket'] },
  responsibility: {
    aws: 'S3 endpoints offer TLS on every request, but they also answer plain HTTP unless told otherwise.',
    customer: 'Attach a bucket policy that denies every request whose aws:SecureTransport is false, so no client, SDK default or misconfigured tool can move PHI in clear text.',
  },
  messages: {
    noPolicy: 'Bucket {resource} has no bucket policy that denies requests over plain HTTP (Deny when aws:SecureTransport is "false"); PHI can be read or written without TLS.',
    noDenyStatement: 'The bucket policy of {resource} has no statement denying requests without TLS: add a Deny for Principal "*", Action s3:* with Condition Bool aws:SecureTransport "false".',
    tlsVersionOnly: 'The bucket policy of {resource} only denies old TLS versions (NumericLessThan on the TLS version); a plain-HTTP request has no TLS version, so it is not denied. Add a Deny with Bool aws:SecureTransport "false" (or use NumericLessThanIfExists).',
    unknown: 'Whether the bucket policy of {resource} requires TLS cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    noPolicy: 'Bucket {resource} has no aws_s3_bucket_policy (or policy attribute on the bucket) that denies requests over plain HTTP (Deny when aws:SecureTransport is "false"); PHI can be read or written without TLS.',
  },
  check(bucket: Resource, ctx: RuleContext): RuleResult[] {
    const policies = referrersOf(ctx, bucket, [isTerraform(bucket) ? POLICY_TYPES.terraform : POLICY_TYPES.cloudformation], isTerraform(bucket) ? 'bucket' : 'Bucket', ['BucketName']);
    const judged = policies.map((p) => ({ policy: p, ...judge(ctx, p) }));
    if (isTerraform(bucket)) {
      // Provider versions before v4 also accept the policy inline on the bucket.
      const inline = ctx.get(bucket, 'policy');
      if (inline.present && !(inline.resolved.kind === 'known' && !inline.resolved.value)) judged.push({ policy: bucket, ...judge(ctx, bucket) });
    }
    if (judged.some((j) => j.verdict === 'denies')) return [];
    if (judged.length === 0) return [{ status: 'fail', path: bucket.path, messageId: 'noPolicy', fixes: addPolicyFix(bucket) }];
    const undecided = judged.find((j) => j.verdict === 'unknown');
    if (undecided) return [{ ...unknownAt(undecided.path, undecided.reason ?? 'the policy document is built at deploy time'), resourceId: undecided.policy.id }];
    const { policy, verdict, path } = judged[0];
    return [
      {
        status: 'fail',
        path,
        messageId: verdict === 'versionOnly' ? 'tlsVersionOnly' : 'noDenyStatement',
        resourceId: policy.id === bucket.id ? undefined : policy.id,
        fixes: appendStatementFix(ctx, policy, bucket),
      },
    ];
  },
});

interface Judgement {
  verdict: StatementVerdict;
  path: readonly (string | number)[];
  reason?: string;
}

/** The weakest verdict over every value the policy document may take (Fn::If branches included). */
function judge(ctx: RuleContext, policy: Resource): Judgement {
  if (isTerraform(policy)) return judgeTerraform(ctx, policy);
  const doc = ctx.get(policy, 'PolicyDocument');
  const statementPath = ctx.get(policy, 'PolicyDocument.Statement');
  const path = statementPath.present ? statementPath.path : doc.path;
  const values = possible(doc.resolved);
  if (values.unknown) return { verdict: 'unknown', path: doc.path, reason: values.unknown };
  return { verdict: weakest([...values.values.map(judgePolicy), ...(values.absent ? (['no'] as const) : [])]), path };
}

function judgeTerraform(ctx: RuleContext, policy: Resource): Judgement {
  const attr = ctx.get(policy, 'policy');
  const values = possible(attr.resolved);
  if (values.unknown) return { verdict: 'unknown', path: attr.path, reason: values.unknown };
  const verdicts: StatementVerdict[] = [];
  for (const v of values.values) {
    if (typeof v !== 'string') {
      verdicts.push(judgePolicy(v));
      continue;
    }
    try {
      verdicts.push(judgePolicy(JSON.parse(v) as JsonValue));
    } catch {
      return { verdict: 'unknown', path: attr.path, reason: `${policy.id}.policy is not valid JSON` };
    }
  }
  return { verdict: weakest(verdicts.length ? verdicts : ['no']), path: attr.path };
}

function weakest(verdicts: StatementVerdict[]): StatementVerdict {
  for (const v of ['no', 'versionOnly', 'unknown'] as const) if (verdicts.includes(v)) return v;
  return 'denies';
}

function denyStatement(bucketId: string): { [key: string]: JsonValue } {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [{ 'Fn::Sub': `arn:\${AWS::Partition}:s3:::\${${bucketId}}` }, { 'Fn::Sub': `arn:\${AWS::Partition}:s3:::\${${bucketId}}/*` }],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

function addPolicyFix(bucket: Resource): FixIntent[] {
  if (isTerraform(bucket)) return [];
  return [
    {
      title: 'Add a bucket policy that denies requests without TLS',
      safe: true,
      edits: [
        {
          op: 'addResource',
          logicalId: `${bucket.id}TlsOnlyPolicy`,
          type: 'AWS::S3::BucketPolicy',
          properties: { Bucket: { Ref: bucket.id }, PolicyDocument: { Version: '2012-10-17', Statement: [denyStatement(bucket.id)] } },
        },
      ],
    },
  ];
}

/** Append the statement when the Statement list is a plain list in the text (S3 allows one policy per bucket). */
function appendStatementFix(ctx: RuleContext, policy: Resource, bucket: Resource): FixIntent[] {
  if (isTerraform(policy)) return [];
  const statements = ctx.get(policy, 'PolicyDocument.Statement');
  if (!statements.present || statements.node?.kind !== 'seq') return [];
  return [{ title: 'Add a statement that denies requests without TLS to the bucket policy', safe: true, edits: [{ op: 'append', path: statements.path, value: denyStatement(bucket.id) }] }];
}
