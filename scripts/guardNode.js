// Plain JavaScript on purpose: this guard must run on any Node, including the old one it rejects.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `Node ${process.version} is too old for Fray (24 or newer is required). ` +
      'The npm package "node" in devDependencies provides it: run "npm rebuild node" ' +
      '(its preinstall script may have been skipped), then run the command again.',
  );
  process.exit(1);
}
