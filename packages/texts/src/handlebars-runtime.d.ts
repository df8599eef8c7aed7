// handlebars ships types for the full compiler only; the runtime entry is typed where it is used.
declare module 'handlebars/runtime.js' {
  const runtime: unknown;
  export default runtime;
}
