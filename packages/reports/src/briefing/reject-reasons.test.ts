import { describe, expect, it } from 'vitest';
import { rejectReasonIn } from './reject-reasons.js';

describe('rejectReasonIn', () => {
  it.each([
    ['field `text` is empty', '字段 `text` 为空'],
    ['duplicate of an earlier article', '与前面的文章重复'],
    ['malformed JSON', 'JSON 格式有误'],
    ['field `title` expected string; field `text` is empty', '字段 `title` 类型不对（应为 string）；字段 `text` 为空'],
  ])('says %s in Chinese', (reason, chinese) => {
    expect(rejectReasonIn(reason, 'zh')).toBe(chinese);
  });
  it('leaves English reasons to an English briefing', () => {
    expect(rejectReasonIn('field `text` is empty', 'en')).toBe('field `text` is empty');
  });
});
