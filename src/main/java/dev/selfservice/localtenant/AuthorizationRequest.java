package dev.selfservice.localtenant;

/** What the client asked for at {@code /authorize}, carried through the login page to the authorization code. */
record AuthorizationRequest(
        String clientId,
        String redirectUri,
        String state,
        String nonce,
        String scope,
        String audience,
        String codeChallenge,
        String responseMode,
        /** Auth0's {@code login_hint}: the login page starts with it as the username. */
        String loginHint,
        /** Auth0's {@code ui_locales}: the languages the login page should speak, most wanted first. */
        String uiLocales,
        /** Every parameter of the authorize request, as a post-login Action reads them ({@code event.request.query}). */
        java.util.Map<String, String> query) {

    String prompt() {
        return query.getOrDefault("prompt", "");
    }
}
