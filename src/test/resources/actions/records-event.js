// test Action: records what it was given, so that a test can read the event through the user's app_metadata
exports.onExecutePostLogin = async (event, api) => {
  api.user.setAppMetadata('seen', {
    user_id: event.user.user_id,
    identities: event.user.identities.map((identity) => identity.provider),
    connection: event.connection.name,
    strategy: event.connection.strategy,
    client_id: event.client.client_id,
    protocol: event.transaction.protocol,
    prompt: event.request.query.prompt || null,
    methods: event.authentication.methods.map((method) => method.name),
    method_time: event.authentication.methods[0].timestamp,
    greeting: event.secrets.GREETING,
    can_redirect: api.redirect.canRedirect(),
    now: new Date().toISOString(),
  });
};
