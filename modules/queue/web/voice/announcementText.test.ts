/// <reference types="node" />
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_TEMPLATE, digitsToChinese, normalizeForSpeech, numberToChinese, renderAnnouncement, templatePlaceholders } from './announcementText';

describe('numberToChinese', () => {
  test('reads integers the way they are said', () => {
    const cases: [number | string, string][] = [
      [0, '零'], [1, '一'], [2, '二'], [9, '九'], [10, '十'], [11, '十一'], [12, '十二'], [19, '十九'], [20, '二十'],
      [21, '二十一'], [99, '九十九'], [100, '一百'], [101, '一百零一'], [110, '一百一十'], [112, '一百一十二'],
      [999, '九百九十九'], [1000, '一千'], [1001, '一千零一'], [1010, '一千零一十'], [1100, '一千一百'], [2024, '二千零二十四'],
      [9999, '九千九百九十九'], [10000, '一万'], [10001, '一万零一'], [10010, '一万零一十'], [11000, '一万一千'],
      [100000, '十万'], [120034, '十二万零三十四'], [1000000, '一百万'], [10203040, '一千零二十万三千零四十'], ['0012', '十二'],
    ];
    for (const [n, expected] of cases) assert.equal(numberToChinese(n), expected, String(n));
  });

  test('falls back to digit by digit from 一亿 on, and refuses what is not a non-negative integer', () => {
    assert.equal(numberToChinese(123456789), '一二三四五六七八九');
    assert.throws(() => numberToChinese('-1'), RangeError);
    assert.throws(() => numberToChinese('1.5'), RangeError);
    assert.throws(() => numberToChinese(''), RangeError);
  });
});

describe('digitsToChinese', () => {
  test('reads every digit and keeps everything else', () => {
    assert.equal(digitsToChinese('102'), '一零二');
    assert.equal(digitsToChinese('A0'), 'A零');
  });
});

describe('normalizeForSpeech', () => {
  test('the requirement\'s example: no Arabic digit and no asterisk is left', () => {
    assert.equal(normalizeForSpeech('请12号张*三到3诊室就诊'), '请十二号张某三到三诊室就诊');
  });

  test('masked names are read with 某, whatever masking character is used', () => {
    assert.equal(normalizeForSpeech('张*三'), '张某三');
    assert.equal(normalizeForSpeech('李**'), '李某某');
    assert.equal(normalizeForSpeech('欧阳＊＊'), '欧阳某某');
    assert.equal(normalizeForSpeech('阿依古丽·买*提'), '阿依古丽 买某提');
  });

  test('numbers: short ones as quantities, leading zeros and long ones digit by digit', () => {
    assert.equal(normalizeForSpeech('A012号'), 'A零一二号');
    assert.equal(normalizeForSpeech('007'), '零零七');
    assert.equal(normalizeForSpeech('0'), '零');
    assert.equal(normalizeForSpeech('1234'), '一千二百三十四');
    assert.equal(normalizeForSpeech('12345'), '一二三四五');
    assert.equal(normalizeForSpeech('１２号'), '十二号', 'full-width digits');
    assert.equal(normalizeForSpeech('3.5'), '三点五');
    assert.equal(normalizeForSpeech('3-2诊室'), '三杠二诊室');
    assert.equal(normalizeForSpeech('B-12'), 'B杠十二');
    assert.equal(normalizeForSpeech('102', 'digits'), '一零二');
    assert.equal(normalizeForSpeech('007', 'cardinal'), '七');
  });

  test('collapses white space and is idempotent', () => {
    const once = normalizeForSpeech('  请 12 号  张*三 到 3 诊室 就诊 ');
    assert.equal(once, '请 十二 号 张某三 到 三 诊室 就诊');
    assert.equal(normalizeForSpeech(once), once);
  });
});

describe('renderAnnouncement', () => {
  test('fills the default template of the requirement', () => {
    assert.equal(DEFAULT_TEMPLATE, '请{number}号{name}到{room}就诊');
    assert.equal(renderAnnouncement(DEFAULT_TEMPLATE, { number: 12, name: '张*三', room: '3诊室' }), '请十二号张某三到三诊室就诊');
  });

  test('a reading can be chosen per placeholder', () => {
    const template = '请{number|digits}号{name}到{room|digits}诊室，{floor|cardinal}楼';
    assert.equal(renderAnnouncement(template, { number: '012', name: '王*', room: 102, floor: '03' }), '请零一二号王某到一零二诊室，三楼');
    assert.equal(renderAnnouncement('请{ number | cardinal }号', { number: '0012' }), '请十二号');
  });

  test('numbers in the template text are read too; missing values leave nothing; spaces are kept once', () => {
    assert.equal(renderAnnouncement('请{number}号 {name} 到2楼{room}', { number: 3, name: null }), '请三号 到二楼');
    assert.equal(renderAnnouncement('{a}{b}', {}), '');
  });

  test('unknown placeholder syntax stays as text', () => {
    assert.equal(renderAnnouncement('请{number|money}号', { number: 1 }), '请{number|money}号');
  });

  test('never leaves an Arabic digit or a masking character for the synthesizer', () => {
    for (let n = 0; n < 2000; n += 7) {
      const text = renderAnnouncement(DEFAULT_TEMPLATE, { number: n, name: '张*三', room: `${n % 30}诊室` });
      assert.doesNotMatch(text, /[0-9*＊]/, text);
    }
  });
});

describe('templatePlaceholders', () => {
  test('lists each placeholder once, in order', () => {
    assert.deepEqual(templatePlaceholders('请{number}号{name}到{room|digits}就诊，请{name}准备'), ['number', 'name', 'room']);
    assert.deepEqual(templatePlaceholders('无占位'), []);
  });
});
