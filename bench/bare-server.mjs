// The floor: a bare node:http server answering every request with the given bytes and headers.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const [file, port] = process.argv.slice(2);
const { headers, body } = JSON.parse(readFileSync(file, 'utf8'));
const bytes = Buffer.from(body, 'utf8');
createServer((request, response) => {
  response.writeHead(200, { ...headers, 'content-length': bytes.length });
  response.end(bytes);
}).listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
