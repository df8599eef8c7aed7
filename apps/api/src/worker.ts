// The Workers entry: the same app as a module worker, for Cloudflare Workers and workerd.
import { createApi } from './app.js';

const api = createApi();

export default { fetch: api.fetch };
