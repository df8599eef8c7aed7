// Catalogue text is data: markup and template syntax in it must come out inert in every format.
// This file mutates core's data in place (its own module instance, isolated by vitest), since
// the built catalogue rightly contains nothing of the kind.
import { getCode } from '@protocodes/core';
import { codeTexts } from '@protocodes/core/locales/vi/smtp';
import { describe, expect, it } from 'vitest';
import { FORMATS, renderComparison, renderExplanation } from './index.js';

const HOSTILE = 'Before <script>alert(1)</script> "><img src=x onerror=alert(1)> {{x}} {{{y}}} {{> p}} after.';
const english = getCode('smtp', 252) as unknown as { description: string; title: string };
english.description = HOSTILE;
english.title = '<b>Bold</b> {{title}}';
(codeTexts[252] as unknown as { description: string }).description = HOSTILE;

describe('hostile catalogue text', () => {
  for (const locale of ['en', 'vi']) {
    for (const format of FORMATS) {
      it(`is inert in ${locale} ${format}`, () => {
        for (const rendered of [
          renderExplanation({ protocol: 'smtp', code: 252, locale, format }),
          renderComparison({ protocol: 'smtp', codes: [252, 250], locale, format }),
        ]) {
          const { output } = rendered;
          const literalBraces = { html: '{{x}} {{{y}}} {{&gt; p}}', markdown: '{{x}} {{{y}}} {{\\> p}}', text: '{{x}} {{{y}}} {{> p}}' };
          expect(output).toContain(literalBraces[format]);
          if (format === 'html') {
            expect(output).not.toMatch(/<script|<img|<b>/);
            expect(output).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
          } else if (format === 'markdown') {
            expect(output).toContain('\\<script\\>alert(1)\\</script\\>');
            expect(output).not.toMatch(/(?<!\\)<(script|img|b)/);
          } else {
            expect(output).toContain(HOSTILE);
          }
        }
      });
    }
  }
});
