// Reject reasons in the briefing's language: the run records them in English (rejects.csv keeps them so); a Chinese
// briefing's appendix says them in Chinese.
import type { Language } from '../labels.js';

/** The reasons roundup gives (parser inputs, duplicate filter), first matching pattern wins, `$1` the field's name. */
const IN_CHINESE: ReadonlyArray<[RegExp, string]> = [
  [/^field `([^`]+)` expected (\w+)$/, '字段 `$1` 类型不对（应为 $2）'],
  [/^field `([^`]+)` is empty$/, '字段 `$1` 为空'],
  [/^field `([^`]+)` (.+)$/, '字段 `$1` 不符合要求（$2）'],
  [/^duplicate of an earlier article$/, '与前面的文章重复'],
  [/^malformed JSON.*$/, 'JSON 格式有误'],
  [/^article text is longer than the limit.*$/, '文章正文超过长度上限'],
  [/^line is longer than the limit.*$/, '行超过长度上限'],
  [/^line is not valid UTF-8 text$/, '不是有效的 UTF-8 文本'],
];

/** A reject reason (several joined by `; `) as a reader of the briefing's language reads it; unknown ones as they are. */
export function rejectReasonIn(reason: string, language: Language): string {
  if (language === 'en') return reason;
  return reason
    .split('; ')
    .map((part) => {
      const rule = IN_CHINESE.find(([pattern]) => pattern.test(part));
      return rule ? part.replace(rule[0], rule[1]) : part;
    })
    .join('；');
}
