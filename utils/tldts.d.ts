/** tldts's prebuilt minified ES module (see utils/site.ts): the same API as the package's entry. */
declare module 'tldts/dist/index.esm.min.js' {
  export * from 'tldts';
}
