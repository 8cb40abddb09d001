import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Query, update } from 'mingo';
import { compileFastFilter, tryFastUpdate } from '../../../src/db/embedded/fastPaths.ts';
import {
  cloneDocument, valueKey, type Document,
} from '../../../src/db/embedded/documents.ts';

const RUNS = 300;
const scalar = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'b', 'c'),
  fc.boolean(), fc.constant(new Date(5)));
const fieldValue = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }),
  fc.record({ x: scalar }));
const doc = fc.record({ a: fieldValue, b: fieldValue }, { requiredKeys: [] });
const condition = fc.oneof(
  scalar,
  fc.record({ $gt: scalar }),
  fc.record({ $lte: scalar }),
  fc.record({ $ne: scalar }),
  fc.record({ $in: fc.array(scalar, { maxLength: 3 }) }),
  fc.record({ $nin: fc.array(scalar, { maxLength: 3 }) }),
);
const filter = fc.record({ a: condition, 'b.x': condition }, { requiredKeys: [] });

describe('fastPaths', () => {
  it('decides filters exactly as mingo does, or declines', () => {
    fc.assert(fc.property(doc, filter, (candidate, criteria) => {
      const fast = compileFastFilter(criteria)?.(candidate);

      if (fast !== undefined) assert.equal(fast, new Query(criteria).test(candidate));
    }), { numRuns: RUNS });
  });

  it('applies $set, $inc, $max and $addToSet exactly as mingo does', () => {
    const operators = fc.record({
      $set: fc.record({ s: scalar }, { requiredKeys: [] }),
      $inc: fc.record({ n: fc.integer({ min: -5, max: 5 }) }, { requiredKeys: [] }),
      $max: fc.record({ m: fc.integer() }, { requiredKeys: [] }),
      $addToSet: fc.record({ tags: scalar }, { requiredKeys: [] }),
    }, { requiredKeys: [] });
    // Unique tags: mingo's $addToSet also collapses existing duplicates, which MongoDB keeps.
    const tags = fc.uniqueArray(scalar, { selector: valueKey });
    const start = fc.record({ n: fc.integer(), m: fc.integer(), tags });

    fc.assert(fc.property(start, operators, (original, spec) => {
      const fast: Document = cloneDocument(original);
      const reference: Document = cloneDocument(original);

      const isHandled = tryFastUpdate(fast, spec);

      if (isHandled && Object.keys(spec).length > 0) update(reference, spec);
      if (isHandled) assert.deepEqual(fast, reference);
    }), { numRuns: RUNS });
  });
});
