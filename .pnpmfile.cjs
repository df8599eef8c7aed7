// What a published package.json keeps: only what an installer needs. Development dependencies
// (including the private @protocodes/catalogue) and the workspace's scripts stay behind, so the
// packed manifest names nothing a consumer cannot install.
module.exports = {
  hooks: {
    beforePacking(pkg) {
      delete pkg.devDependencies;
      delete pkg.scripts;
      return pkg;
    },
  },
};
