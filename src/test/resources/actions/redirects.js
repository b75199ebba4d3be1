// test Action: sends every login to TARGET with a signed token, and records the signed answer it gets back
exports.onExecutePostLogin = async (event, api) => {
  const token = api.redirect.encodeToken({ secret: event.secrets.SECRET, payload: { hello: 'world' } });
  api.redirect.sendUserTo(event.secrets.TARGET, { query: { session_token: token } });
};

exports.onContinuePostLogin = async (event, api) => {
  const answer = api.redirect.validateToken({ secret: event.secrets.SECRET, tokenParameterName: 'answer' });
  api.user.setAppMetadata('answered', answer.choice);
};
