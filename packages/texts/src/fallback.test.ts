// A locale missing a translation shows English for that part, and says so in the text and in
// the result. This file removes two Vietnamese translations from its own copy of core's data.
import { codeTexts, pairTexts } from '@protocodes/core/locales/vi/smtp';
import { expect, it } from 'vitest';
import { renderComparison, renderExplanation } from './index.js';

delete (codeTexts as Record<number, unknown>)[251];
delete (pairTexts as Record<string, unknown>)['250-251'];

it('reports the parts that fell back and keeps the rest Vietnamese', () => {
  const rendered = renderComparison({ protocol: 'smtp', codes: [251, 250], locale: 'vi' });
  expect(rendered.locale).toBe('vi');
  expect(rendered.fallbacks).toEqual([
    { part: 'codes/251', locale: 'vi' },
    { part: 'pairs/250-251', locale: 'vi' },
  ]);
  expect(rendered.output).toContain('chưa có bản Tiếng Việt nên được hiển thị bằng tiếng Anh: SMTP 251 và SMTP 250/251.');
  expect(rendered.output).toContain('Sự khác biệt chính');
  expect(rendered.output).toContain('User not local, will forward');
});

it('reports nothing for a fully translated text', () => {
  expect(renderExplanation({ protocol: 'smtp', code: 250, locale: 'vi' }).fallbacks).toEqual([]);
});
