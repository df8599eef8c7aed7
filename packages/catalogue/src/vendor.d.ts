// The parts of xliff and gettext-parser that exchange.ts uses; neither ships type declarations.
declare module 'xliff/js2xliff' {
  export default function js2xliff(document: { sourceLanguage: string; targetLanguage: string; resources: Record<string, Record<string, object>> }): Promise<string>;
}
declare module 'xliff/xliff2js' {
  export default function xliff2js(xml: string): Promise<{ sourceLanguage?: string; targetLanguage?: string; resources?: Record<string, Record<string, { source?: unknown; target?: unknown; note?: unknown }>> }>;
}
declare module 'gettext-parser' {
  interface PoMessage {
    msgctxt?: string;
    msgid: string;
    msgstr: string[];
    comments?: { extracted?: string; translator?: string; reference?: string; flag?: string };
  }
  interface PoTable {
    charset: string;
    headers: Record<string, string>;
    translations: Record<string, Record<string, PoMessage>>;
  }
  const gettextParser: {
    po: {
      parse(input: string | Buffer, defaultCharset?: string): PoTable;
      compile(table: { charset: string; headers: Record<string, string>; translations: Record<string, Record<string, object>> }, options?: { foldLength?: number }): Buffer;
    };
  };
  export default gettextParser;
}
