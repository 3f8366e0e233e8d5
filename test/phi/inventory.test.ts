import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');

function phi(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/hipaa-lint.js'), 'phi', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout };
}

describe('hipaa-lint phi (the PHI inventory)', () => {
  it('prints the propagated chain of the example log group, origin first', () => {
    const r = phi('examples/patient-records.yaml');
    assert.equal(r.code, 0);
    const block = r.stdout.slice(r.stdout.indexOf('  ProcessClaimsLogs (AWS::Logs::LogGroup): phi'));
    assert.deepEqual(block.split('\n').slice(0, 4), [
      '  ProcessClaimsLogs (AWS::Logs::LogGroup): phi',
      '      1. declared PHI by its tag DataClassification=PHI  [Resources.PatientIntakeBucket.Properties.Tags.0.Value]',
      '      2. ProcessClaims reads (Environment.Variables) PatientIntakeBucket  [Resources.ProcessClaims.Properties.Environment.Variables.INTAKE_BUCKET]',
      '      3. ProcessClaimsLogs receives the logs of ProcessClaims  [Resources.ProcessClaimsLogs.Properties.LogGroupName]',
    ]);
  });

  it('lists possible PHI as possible, and leaves out IAM and networking', () => {
    const r = phi('examples/patient-records.yaml');
    assert.match(r.stdout, /^ {2}ClaimsTable \(AWS::DynamoDB::Table\): possible$/m);
    assert.doesNotMatch(r.stdout, /AWS::IAM::|AWS::EC2::SecurityGroup/);
  });

  it('--phi-assume all marks every data store', () => {
    const r = phi('--phi-assume', 'all', 'examples/patient-records.yaml');
    assert.match(r.stdout, /^ {2}ClaimsTable \(AWS::DynamoDB::Table\): phi$/m);
  });

  it('Terraform: the function reading the module bucket is PHI through its environment', () => {
    const r = phi('examples/clinic-plan.json');
    assert.match(r.stdout, /^ {2}aws_lambda_function\.fhir_export \(aws_lambda_function\): phi\n {6}1\. declared PHI by its tag DataClassification=PHI .*\n {6}2\. aws_lambda_function\.fhir_export reads \(environment\.variables\) module\.imaging\.aws_s3_bucket\.images /m);
  });
});
