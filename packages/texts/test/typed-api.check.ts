// Compile-time checks of the typed API, run by the type check (`lint`) and never executed: the
// type check fails if a line marked as an expected error below stops being one.
import { renderComparison, renderExplanation } from '../src/index.js';

export function typedRequests(): void {
  // @ts-expect-error: "smpt" is not a protocol
  renderComparison({ protocol: 'smpt', codes: [235, 554] });
  // @ts-expect-error: SMTP has no 999
  renderComparison({ protocol: 'smtp', codes: [235, 999] });
  // @ts-expect-error: 404 is HTTP's, not SMTP's
  renderExplanation({ protocol: 'smtp', code: 404 });
  // @ts-expect-error: a code written as a string is untrusted input, for renderExplanationFromInput
  renderExplanation({ protocol: 'http', code: '404' });
  // @ts-expect-error: FTP has no enhanced status codes
  renderComparison({ protocol: 'ftp', codes: ['5.1.1', '5.7.1'] });
  renderComparison({ protocol: 'smtp', codes: ['5.1.1', '5.7.1'] });
  renderExplanation({ protocol: 'smtp', code: 'X.7.1' });
  renderComparison({ protocol: 'ftp', codes: [425, 426], locale: 'vi', format: 'markdown' });
  renderExplanation({ protocol: 'http', code: 404 });
}
