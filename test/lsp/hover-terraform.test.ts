import { strict as assert } from 'assert';
import { lint } from '../../server/src/engine/lint';
import { hoverAt } from '../../server/src/lsp/hover';

// A plan attribute with no finding on it says which rules check it: matched against the rules' Terraform wording,
// since `enable_logging` is `IsLogging` (not `EnableLogging`) in CloudFormation.
describe('hover on a Terraform plan attribute', () => {
  const values = { name: 'audit', s3_bucket_name: 'audit-logs', is_multi_region_trail: true, enable_logging: true, include_global_service_events: true, enable_log_file_validation: true };
  const text = JSON.stringify({ format_version: '1.2', planned_values: { root_module: { resources: [{ address: 'aws_cloudtrail.audit', mode: 'managed', type: 'aws_cloudtrail', name: 'audit', values }] } } }, null, 2);
  const analysis = lint(text, 'file:///plan.json');

  it('names the rule whose Terraform wording mentions it', () => {
    const offset = text.indexOf('"enable_logging"') + 2;
    const value = (hoverAt(analysis, offset)?.contents as { value: string } | undefined)?.value ?? '';
    assert.match(value, /^\*\*enable_logging\*\*/);
    assert.match(value, /checked by `cloudtrail-multi-region-logging` \(/);
  });
});
