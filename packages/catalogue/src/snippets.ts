// messages.yaml holds small Handlebars snippets. They may only print values and use simple
// blocks; anything else (partials, helpers, unescaped output, markup) is rejected here, long
// before a template is compiled.
import Handlebars from 'handlebars';
import type { Diagnostic } from './diagnostics.js';
import { positionInString, positionOf, type PathSegment, type SourceFile } from './source.js';
import { doubledWords } from './words.js';

const BLOCKS = new Set(['if', 'unless', 'each']);

type Node = hbs.AST.Node;

export interface SnippetShape {
  /** Every value the snippet reads, e.g. `a.code`. */
  placeholders: Set<string>;
  /** Problems with the constructs used, with the offending source. */
  problems: { piece: string; message: string }[];
  /** The literal text, placeholders replaced by distinct tokens, for prose checks. */
  prose: string;
}

function pathName(node: Node): string | undefined {
  return node.type === 'PathExpression' ? (node as hbs.AST.PathExpression).original : undefined;
}

export function snippetShape(source: string): SnippetShape {
  const program = Handlebars.parseWithoutProcessing(source);
  const shape: SnippetShape = { placeholders: new Set(), problems: [], prose: '' };
  let token = 0;
  const visit = (node: Node) => {
    switch (node.type) {
      case 'Program':
        for (const child of (node as hbs.AST.Program).body) visit(child);
        break;
      case 'ContentStatement':
        shape.prose += (node as hbs.AST.ContentStatement).value;
        break;
      case 'CommentStatement':
        break;
      case 'MustacheStatement': {
        const mustache = node as hbs.AST.MustacheStatement;
        const name = pathName(mustache.path);
        if (!mustache.escaped) shape.problems.push({ piece: '{{{', message: 'unescaped output ({{{ }}}) is not allowed' });
        if (!name || mustache.params.length > 0 || (mustache.hash?.pairs.length ?? 0) > 0) {
          shape.problems.push({ piece: '{{', message: 'only plain placeholders like {{a.code}} are allowed, not helpers' });
        } else shape.placeholders.add(name);
        shape.prose += ` x${token++}x `;
        break;
      }
      case 'BlockStatement': {
        const block = node as hbs.AST.BlockStatement;
        const name = pathName(block.path);
        const subject = block.params[0] ? pathName(block.params[0]) : undefined;
        if (!name || !BLOCKS.has(name) || block.params.length !== 1 || !subject) {
          shape.problems.push({ piece: `{{#${name ?? ''}`, message: `only {{#if x}}, {{#unless x}} and {{#each x}} blocks are allowed` });
        } else shape.placeholders.add(subject);
        if (block.program) visit(block.program);
        if (block.inverse) visit(block.inverse);
        break;
      }
      default:
        shape.problems.push({ piece: '{{', message: `${node.type.replace(/Statement$/, '').toLowerCase()} is not allowed in a message` });
    }
  };
  visit(program);
  return shape;
}

export function lintSnippet(file: SourceFile, path: PathSegment[], text: string): Diagnostic[] {
  const at = (piece: string) => positionInString(file, path, piece);
  const report = (where: { line: number; column: number }, rule: string, message: string, hint: string): Diagnostic => ({
    file: file.path,
    line: where.line,
    column: where.column,
    rule,
    message,
    hint,
  });
  let shape: SnippetShape;
  try {
    shape = snippetShape(text);
  } catch (error) {
    const first = String((error as Error).message).split('\n')[0];
    return [report(positionOf(file, path), 'snippet-syntax', `the snippet is not valid Handlebars: ${first}`, 'close every {{ with }} and every {{#if}} with {{/if}}')];
  }
  const found = shape.problems.map((p) => report(at(p.piece), 'snippet-syntax', p.message, 'use {{name}} placeholders and {{#if}}/{{#unless}}/{{#each}} blocks only'));
  for (const doubled of doubledWords(shape.prose)) {
    found.push(report(at(doubled), 'doubled-word', `"${doubled}" repeats a word`, `remove one "${doubled.split(/\s+/)[0]}"`));
  }
  // Literal text in a snippet reaches HTML as it is (only values are escaped), so it may not hold markup characters.
  const markup = /<\/?[a-zA-Z][^<>]{0,200}>|[<>&]/.exec(shape.prose);
  if (markup) found.push(report(at(markup[0]), 'raw-html', `snippet contains "${markup[0]}", which HTML would read as markup`, 'write it in words; layouts add the markup for each format'));
  return found;
}
