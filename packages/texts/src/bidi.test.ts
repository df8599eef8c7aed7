import { describe, expect, it } from 'vitest';
import { isolateLeftToRight } from './bidi.js';
import { renderComparison } from './index.js';

describe('left-to-right runs in right-to-left HTML', () => {
  it('isolates codes, wire texts and command names, not bare words', () => {
    expect(isolateLeftToRight('<p>الرمز 554 5.7.1 يعني</p>')).toBe('<p>الرمز <bdi dir="ltr">554 5.7.1</bdi> يعني</p>');
    expect(isolateLeftToRight('<td>رد 554 Transaction failed.</td>')).toBe('<td>رد <bdi dir="ltr">554 Transaction failed</bdi>.</td>');
    expect(isolateLeftToRight('<p>بعد &lt;domain&gt; مباشرة</p>')).toBe('<p>بعد <bdi dir="ltr">&lt;domain&gt;</bdi> مباشرة</p>');
    expect(isolateLeftToRight('<p>الأمر EHLO ثم 250</p>')).toBe('<p>الأمر EHLO ثم 250</p>');
  });

  it('leaves attributes, code, SVG and already isolated runs alone, so it can run twice', () => {
    const html = '<a href="/ar/smtp/554/" title="554 x">رد <code>554 Transaction failed</code></a><svg><text>MAIL FROM</text></svg>';
    expect(isolateLeftToRight(html)).toBe(html);
    const once = isolateLeftToRight('<p>MAIL FROM و RCPT TO</p>');
    expect(once).toBe('<p><bdi dir="ltr">MAIL FROM</bdi> و <bdi dir="ltr">RCPT TO</bdi></p>');
    expect(isolateLeftToRight(once)).toBe(once);
  });

  it('applies to Arabic HTML only, never to text, Markdown or left-to-right locales', () => {
    const arabic = renderComparison({ protocol: 'smtp', codes: [235, 554], locale: 'ar', format: 'html' });
    expect(arabic.dir).toBe('rtl');
    expect(arabic.output).toContain('<bdi dir="ltr">');
    for (const format of ['text', 'markdown'] as const) expect(renderComparison({ protocol: 'smtp', codes: [235, 554], locale: 'ar', format }).output).not.toContain('bdi');
    expect(renderComparison({ protocol: 'smtp', codes: [235, 554], locale: 'de', format: 'html' }).output).not.toContain('<bdi');
  });

  it('keeps Arabic plain text free of bidi control characters', () => {
    const { output } = renderComparison({ protocol: 'smtp', codes: [235, 554], locale: 'ar', format: 'text' });
    expect(output).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(output).toContain('554 Transaction failed');
  });
});
