// tldts ships its public-suffix trie as dist/cjs/src/data/trie.js and that module's types as
// dist/types/src/data/trie.d.ts, at a path TypeScript does not pair with it: this pairs them (tldts' own types).
declare module 'tldts/dist/cjs/src/data/trie.js' {
  export * from 'tldts/dist/types/src/data/trie.js';
}
