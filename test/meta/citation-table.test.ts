import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { withTable } from './citation-table';

describe('rules/README.md citation table', () => {
  it('is up to date with the rule set (regenerate with npm run docs:citations)', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../../rules/README.md'), 'utf8');
    assert.equal(readme, withTable(readme));
  });
});
