// Read by the Vite plugin and by svelte-check: every component is in runes mode.
export default {
  compilerOptions: { runes: true },
};
