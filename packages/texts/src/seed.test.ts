// The page protocodes began from (../shared/seed: "SMTP 235 vs 554", Vietnamese headings over
// English text) and its six defects. Our version must have every section and none of the defects.
import { getCode } from '@protocodes/core';
import { codeTexts } from '@protocodes/core/locales/vi/smtp';
import { describe, expect, it } from 'vitest';
import { renderComparison } from './index.js';

const vi = renderComparison({ protocol: 'smtp', codes: [235, 554], locale: 'vi', format: 'text' });
const en = renderComparison({ protocol: 'smtp', codes: [235, 554], locale: 'en', format: 'text' });

/** Words a translation keeps as they are: codes, command names, acronyms, references, wire texts. */
function proseWords(text: string): string[] {
  const wire = [235, 554].flatMap((code) => {
    const entry = getCode('smtp', code as 235 | 554);
    return [entry.replyText, ...(entry.alternateReplyTexts ?? []).map((a) => a.text)];
  });
  let prose = text;
  for (const w of wire) prose = prose.split(w).join(' ');
  return prose
    .replace(/RFC \d+( §[\d.]+)?/g, ' ')
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length > 1 && !/^\p{Lu}{2,}$/u.test(word))
    .map((word) => word.toLowerCase());
}

function shingles(words: string[], size = 3): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + size <= words.length; i++) set.add(words.slice(i, i + size).join(' '));
  return set;
}

describe('SMTP 235 vs 554 in Vietnamese (the seed page, done right)', () => {
  it('has all five of the seed page\'s sections, as headings', () => {
    const lines = vi.output.split('\n');
    for (const heading of ['Mô tả', 'Khi bạn thấy mã này', 'Cách khắc phục', 'Sự khác biệt chính', 'Khi nào dùng cái nào']) {
      expect(lines, heading).toContain(heading);
    }
  });

  it('is Vietnamese all the way down: no English sentence of the English rendering appears (defect 1)', () => {
    expect(vi.fallbacks).toEqual([]);
    const english = shingles(proseWords(en.output));
    const leaked = [...shingles(proseWords(vi.output))].filter((s) => english.has(s));
    expect(leaked).toEqual([]);
  });

  it('cuts no sentence: every text of both codes appears whole (defect 2)', () => {
    for (const code of [235, 554] as const) {
      const texts = codeTexts[code];
      for (const text of [texts.description, texts.whenYouSeeIt, texts.howToFix.sender, texts.howToFix.operator, texts.onReceive]) {
        expect(vi.output).toContain(text);
        expect(text).toMatch(/[.!?)”]$/);
      }
    }
  });

  it('has no doubled word from template glue (defect 3)', () => {
    expect(vi.output.match(/(?<![\p{L}\p{N}])(\p{L}+)\s+\1(?![\p{L}\p{N}])/giu)).toBeNull();
  });

  it('compares more than the classes: outcome, scope and who acts (defect 4)', () => {
    const keyDifference = vi.output.split('\n\n')[1]!;
    expect(keyDifference).toContain('báo thành công');
    expect(keyDifference).toContain('lỗi vĩnh viễn (5xx)');
    expect(keyDifference).toContain('từ chối cả thư');
    expect(keyDifference).toContain('người gửi');
  });

  it('answers "when to use which" per audience, not with the fix texts pasted together (defect 5)', () => {
    const section = vi.output.slice(vi.output.indexOf('Khi nào dùng cái nào'), vi.output.indexOf('Tài liệu tham khảo'));
    expect(section).toContain('Nếu bạn quản trị máy chủ và cần chọn mã');
    expect(section).toContain('Nếu bạn nhận được một trong hai mã');
    for (const code of [235, 554] as const) {
      expect(section).not.toContain(codeTexts[code].howToFix.sender);
      expect(section).not.toContain(codeTexts[code].whenToSend);
      expect(section).toContain(codeTexts[code].onReceive);
    }
    expect(section).toMatch(/Gửi 235 khi .*; gửi 554 khi /);
  });

  it('says each description once (defect 6)', () => {
    for (const code of [235, 554] as const) {
      expect(vi.output.split(codeTexts[code].description)).toHaveLength(2);
    }
  });
});
