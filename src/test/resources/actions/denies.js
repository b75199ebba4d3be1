// test Action: refuses every login
exports.onExecutePostLogin = async (event, api) => {
  api.access.deny('not today');
};
