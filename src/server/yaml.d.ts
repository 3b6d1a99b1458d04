/** The built-in YAML, bundled as text into the browser server (scripts/build.mjs: the `text` loader). */
declare module '*.yaml' {
  const text: string;
  export default text;
}
