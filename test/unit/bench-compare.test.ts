import { strict as assert } from 'assert';
import { compare } from '../bench/compare';

describe('bench:compare', () => {
  it('puts each measure of two runs side by side, with the change and whether the target is met', () => {
    const before = { date: 'A', rows: [{ name: 'cold start', ratio: 1.8, target: 1.5 }, { name: 'plan', ratio: 9 }, { name: 'old row', ratio: 2 }] };
    const after = { date: 'B', rows: [{ name: 'cold start', ratio: 1.2, target: 1.5 }, { name: 'plan', ratio: 9.9 }, { name: 'new row', ratio: 1 }] };
    assert.equal(
      compare(before, after),
      [
        'A → B',
        'measure     before  after  change  target',
        'cold start   1.80    1.20    -33%  ≤1.5 met',
        'plan         9.00    9.90    +10%  ',
        'new row       n/a    1.00          ',
        'old row      2.00     gone',
        '',
      ].join('\n'),
    );
  });
});
