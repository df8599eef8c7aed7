// HTTP and FTP compared from their own declared facts (issue #11): what a reader must be told.
import { describe, expect, it } from 'vitest';
import { describeComparison, renderComparison } from './index.js';

const compare = (protocol: string, a: number, b: number, locale: string) => describeComparison({ protocol, codes: [a, b], locale });

describe('HTTP comparisons', () => {
  it('say in the key difference that 308 keeps the method and body and 301 may turn POST into GET', () => {
    expect(compare('http', 301, 308, 'en').keyDifference).toMatch(/301 [^.]*may let clients turn a POST into a GET, while 308 [^.]*keeps the method and body/);
    expect(compare('http', 301, 308, 'vi').keyDifference).toMatch(/301 [^.]*đổi POST thành GET, còn 308 [^.]*giữ nguyên phương thức cùng phần thân/);
  });

  it('say that 401 invites authentication and 403 refuses whoever you are', () => {
    const en = compare('http', 401, 403, 'en');
    expect(en.keyDifference).toContain('401 invites the client to authenticate, with WWW-Authenticate, which 403 does not');
    expect(en.note!.text).toMatch(/403 is a refusal that holds whoever you are/);
    const vi = compare('http', 401, 403, 'vi');
    expect(vi.keyDifference).toContain('401 mời máy khách xác thực bằng header WWW-Authenticate, còn 403 thì không');
    expect(vi.note!.text).toMatch(/403 là lời từ chối dù bạn là ai/);
  });

  it('name who generates a code when that is what differs', () => {
    expect(compare('http', 500, 502, 'en').keyDifference).toMatch(/500 usually comes from the origin server itself, while 502 usually comes from a proxy or gateway/);
  });
});

describe('FTP comparisons', () => {
  it('say which connection each reply is about', () => {
    expect(compare('ftp', 425, 550, 'en').keyDifference).toContain('425 is about the data connection');
    expect(renderComparison({ protocol: 'ftp', codes: [425, 426], locale: 'vi' }).output).toContain('kết nối dữ liệu');
  });
});
