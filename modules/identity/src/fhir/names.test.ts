import { test } from 'node:test';
import assert from 'node:assert/strict';
import { humanName } from './names.js';

test('2–3 character Chinese names split into family and given; others keep only text', () => {
  assert.deepEqual(humanName('王建国'), { use: 'official', text: '王建国', family: '王', given: ['建国'] });
  assert.deepEqual(humanName('李明'), { use: 'official', text: '李明', family: '李', given: ['明'] });
  for (const name of ['欧阳娜娜', '系统管理员', '审计员（城东）', 'John Smith', '王']) {
    assert.deepEqual(humanName(name), { use: 'official', text: name }, name);
  }
});
