import { describe, expect, it } from 'vitest';
import { messagesSchema } from './schema.js';
import { parseSourceFile } from './source.js';
import { lintSpacing, writesWithoutSpaces } from './spacing.js';

const messages = (body: string) =>
  parseSourceFile(`locale:\n  name: x\n  englishName: x\n  dir: ltr\nmessages:\n  web:\n${body}`, 'locales/x/messages.yaml');

describe('the spacing lint', () => {
  it('knows which locales write without spaces between words', () => {
    expect(['ja', 'zh-CN', 'zh-TW', 'th'].map(writesWithoutSpaces)).toEqual([true, true, true, true]);
    expect(['en', 'vi', 'ar', 'ru', 'ko', 'not a tag'].map(writesWithoutSpaces)).toEqual([false, false, false, false, false, false]);
  });

  it('reports a YAML line break folded into a space between two Japanese words, at its line', () => {
    const file = messages('    tagline: >-\n      サーバーは\n      メッセージを受け付けます。\n');
    const [found, ...rest] = lintSpacing(file, messagesSchema, 'ja');
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ rule: 'spacing', file: 'locales/x/messages.yaml', line: 8 });
    expect(found!.message).toContain('サーバーは メッセージ');
  });

  it('reports a space beside full-width punctuation, and allows one between Chinese and a code', () => {
    expect(lintSpacing(messages("    a: '服务器返回 554 ， 然后关闭'\n"), messagesSchema, 'zh-CN')).toHaveLength(1);
    expect(lintSpacing(messages("    a: '服务器返回 554，然后关闭 SMTP 连接。'\n"), messagesSchema, 'zh-CN')).toEqual([]);
  });

  it('leaves languages written with spaces alone', () => {
    expect(lintSpacing(messages("    a: 'サーバーは メッセージ'\n"), messagesSchema, 'en')).toEqual([]);
  });
});
