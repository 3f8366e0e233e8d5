import { strict as assert } from 'assert';
import { formatMessage } from '../../server/src/engine/messages';

describe('formatMessage', () => {
  const data = { resource: 'Bucket', reason: 'known only after apply', empty: '' };
  const cases: [string, string][] = [
    ['S3 bucket {resource} has no encryption.', 'S3 bucket Bucket has no encryption.'],
    ['{resource}{reason}', 'Bucketknown only after apply'],
    ['{resource}: {missing} stays', 'Bucket: {missing} stays'],
    ['{{resource}} and {re-source} and {} and {empty}.', '{Bucket} and {re-source} and {} and .'],
    ['no placeholders', 'no placeholders'],
    ['', ''],
  ];
  for (const [template, expected] of cases) {
    it(`fills ${JSON.stringify(template)}`, () => {
      assert.equal(formatMessage(template, data), expected);
      // The second call reads the cached split of the template.
      assert.equal(formatMessage(template, { ...data, resource: 'Other' }), expected.replace(/Bucket/g, 'Other'));
    });
  }
});
