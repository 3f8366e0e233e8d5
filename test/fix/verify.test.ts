import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../server/src/engine/lint';
import { verifyFix } from '../../server/src/fix';

const EXAMPLE = path.resolve(__dirname, '../../../examples/patient-api-sam.yaml');

describe('fix verification', () => {
  const text = fs.readFileSync(EXAMPLE, 'utf8');
  const analysis = lint(text, 'file:///patient-api-sam.yaml');
  const findingOn = (ruleId: string, resource: string) => analysis.findings.find((f) => f.ruleId === ruleId && f.resource === resource)!;

  it('offers a log group declared with its key as a new parameter: the group it adds awaits that value', () => {
    const finding = findingOn('cloudwatch-log-group-encrypted', 'LookupPatient');
    const verified = verifyFix(analysis, finding, finding.fixes[0]);
    assert.ok(verified.ok, verified.ok ? '' : verified.reason);
    const { start, end, newText } = verified.edit;
    assert.equal(verified.text, text.slice(0, start) + newText + text.slice(end));
    assert.match(verified.text, /\n {2}LookupPatientLogGroup:\n {4}Type: AWS::Logs::LogGroup\n {4}Properties:\n {6}LogGroupName: !Sub \/aws\/lambda\/\$\{LookupPatient\}\n {6}KmsKeyId: !Ref LogsKmsKeyArn\n/);
    assert.match(verified.text, /\n {2}LogsKmsKeyArn:\n {4}Type: String\n/);
  });

  it('still declines a fix whose change brings new findings: Object Lock turns on versioning, which needs a lifecycle rule', () => {
    const finding = findingOn('s3-object-lock', 'UploadsBucket');
    const verified = verifyFix(analysis, finding, finding.fixes[0]);
    assert.deepEqual(verified, { ok: false, reason: 'the fix introduces s3-lifecycle-and-notifications on UploadsBucket, s3-lifecycle-and-notifications on UploadsBucket' });
  });
});
