import { strict as assert } from 'assert';
import { lint } from '../../server/src/engine/lint';
import { terraformPlan } from '../bench/generate';

// The benchmark's plans must exercise what real plans do: references between resources across modules.
describe('bench: generated Terraform plan', () => {
  const analysis = lint(terraformPlan(16), 'plan.json');

  it('is one line of JSON, as `terraform show -json` writes it', () => {
    const text = terraformPlan(16);
    assert.equal(text.includes('\n'), false);
    assert.equal(JSON.parse(text).format_version, '1.2');
  });

  it('links each run of eight resources inside its own module', () => {
    const edges = analysis.model!.edges.map((e) => `${e.from} -> ${e.to} (${e.path[e.path.length - 1]}${e.attribute ? `.${e.attribute}` : ''})`);
    assert.deepEqual(edges.sort(), [
      'aws_cloudwatch_log_group.r5 -> aws_lambda_function.r3 (name.function_name)',
      'aws_lambda_function.r3 -> aws_iam_role.r6 (role.arn)',
      'aws_lambda_function.r3 -> aws_s3_bucket.r0 (environment.bucket)',
      'aws_s3_bucket_server_side_encryption_configuration.r1 -> aws_s3_bucket.r0 (bucket.id)',
      'module.records.aws_cloudwatch_log_group.r13 -> module.records.aws_lambda_function.r11 (name.function_name)',
      'module.records.aws_lambda_function.r11 -> module.records.aws_iam_role.r14 (role.arn)',
      'module.records.aws_lambda_function.r11 -> module.records.aws_s3_bucket.r8 (environment.bucket)',
      'module.records.aws_s3_bucket_server_side_encryption_configuration.r9 -> module.records.aws_s3_bucket.r8 (bucket.id)',
    ]);
  });

  it('finds each bucket encrypted by its encryption configuration (joined by reference and by name)', () => {
    assert.deepEqual(
      analysis.findings.filter((f) => f.ruleId === 's3-bucket-default-encryption').map((f) => f.resource),
      [],
    );
  });
});
