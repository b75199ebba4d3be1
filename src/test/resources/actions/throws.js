// test Action: fails without catching its error
exports.onExecutePostLogin = async (event, api) => {
  throw new Error('the action broke');
};
