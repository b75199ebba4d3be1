/**
 * Enrolment nudge: a post-login Action that sends an employee without a recovery contact to the self-service portal,
 * which offers to add one now or to be reminded later, and then resumes the login at Auth0's /continue. With the
 * RECONFIRM_AFTER_DAYS secret it also sends an employee whose contact was added or last confirmed longer ago than that,
 * to be asked "is this still yours?".
 *
 * It runs on every login to every application of the tenant, and nudges only on an interactive sign-in with the AD
 * connection of a user who has no linked `email` or `sms` identity (or, with RECONFIRM_AFTER_DAYS, one such contact
 * not confirmed for that long) and is not snoozed. Nothing it does may ever block
 * a sign-in: any error of its own (a missing secret, an unexpected profile, an invalid answer from the portal) is
 * caught, and the login goes on as if the Action were not there.
 *
 * Secrets (Actions > this Action > Secrets):
 *   NUDGE_URL        the portal's nudge page, e.g. https://portal.example.com/nudge
 *   NUDGE_SECRET     shared with the portal (its NUDGE_SECRET), at least 32 random bytes: signs both ways
 *   AD_CONNECTION    the name of the AD connection, e.g. corp-ad
 *   PORTAL_CLIENT_ID (optional) the portal's web application: its own re-authentications (prompt=login, the
 *                    portal's "sign in again") are never nudged, so the nudge page's password step cannot nudge again
 *   RECONFIRM_AFTER_DAYS (optional) the portal's portal.enrolment.reconfirm-after, in days: a contact whose date in
 *                    app_metadata (enrolled_at, or confirmed_at when later; written by the portal) is older, or
 *                    unknown, is due for "is this still yours?"
 *
 * To the portal: NUDGE_URL?session_token=JWT&state=STATE, where the JWT (HS256, NUDGE_SECRET) carries iss (the
 * tenant's domain), sub (the user id), iat, exp (5 minutes), state (this login's, added by Auth0), auth_time (when
 * the user last authenticated in this login, seconds), amr (the methods, e.g. ["pwd"]: "pwd" when the AD password
 * was entered), client_id (the application signed in to), snoozes (how many times the user chose "later") and reason
 * ("enrol": no contact; "reconfirm": a contact is due for "is this still yours?").
 *
 * Back from the portal: https://TENANT/continue?state=STATE&nudge_result=JWT, where the JWT (HS256, NUDGE_SECRET)
 * carries sub, state (the same), exp, and outcome: "enrolled", "confirmed" (a due contact was confirmed by a code; the
 * portal wrote its date), or "later" with snooze_seconds (at most 90 days).
 * "later" records app_metadata.enrolment_nudge = { snoozed_until: ISO date, snoozes: n }.
 */

const TOKEN_LIFETIME_SECONDS = 300;
const MAX_SNOOZE_SECONDS = 90 * 24 * 60 * 60;
const CONTACT_PROVIDERS = ['email', 'sms'];
const METADATA_KEY = 'enrolment_nudge';

exports.onExecutePostLogin = async (event, api) => {
  try {
    if (!shouldNudge(event, api)) {
      return;
    }
    const methods = (event.authentication && event.authentication.methods) || [];
    const times = methods.map((m) => Date.parse(m.timestamp)).filter((t) => !isNaN(t));
    if (times.length === 0) {
      return;
    }
    const token = api.redirect.encodeToken({
      secret: event.secrets.NUDGE_SECRET,
      expiresInSeconds: TOKEN_LIFETIME_SECONDS,
      payload: {
        auth_time: Math.floor(Math.max(...times) / 1000),
        amr: methods.map((m) => m.name),
        client_id: event.client.client_id,
        snoozes: nudgeState(event).snoozes,
        reason: hasContact(event) ? 'reconfirm' : 'enrol',
      },
    });
    api.redirect.sendUserTo(requiredUrl(event.secrets.NUDGE_URL), { query: { session_token: token } });
  } catch (err) {
    console.log('enrolment nudge skipped: ' + (err && err.message));
  }
};

exports.onContinuePostLogin = async (event, api) => {
  try {
    const answer = api.redirect.validateToken({
      secret: event.secrets.NUDGE_SECRET,
      tokenParameterName: 'nudge_result',
    });
    if (answer.outcome !== 'later') {
      return;
    }
    const seconds = Math.min(Number(answer.snooze_seconds), MAX_SNOOZE_SECONDS);
    if (!(seconds > 0)) {
      return;
    }
    api.user.setAppMetadata(METADATA_KEY, {
      snoozed_until: new Date(Date.now() + seconds * 1000).toISOString(),
      snoozes: nudgeState(event).snoozes + 1,
    });
  } catch (err) {
    console.log('enrolment nudge answer ignored: ' + (err && err.message));
  }
};

function shouldNudge(event, api) {
  const adConnection = event.secrets.AD_CONNECTION;
  if (!adConnection || event.connection.name !== adConnection) {
    return false;
  }
  const query = (event.request && event.request.query) || {};
  const prompts = String(query.prompt || '').split(' ');
  if (prompts.includes('none') || (event.transaction && event.transaction.protocol === 'oauth2-refresh-token')) {
    return false;
  }
  if (event.secrets.PORTAL_CLIENT_ID && event.client.client_id === event.secrets.PORTAL_CLIENT_ID
      && prompts.includes('login')) {
    return false;
  }
  if (!api.redirect.canRedirect()) {
    return false;
  }
  if (hasContact(event) && !contactDue(event)) {
    return false;
  }
  const until = Date.parse(nudgeState(event).snoozed_until);
  return isNaN(until) || until <= Date.now();
}

function contacts(event) {
  return (event.user.identities || []).filter((identity) => CONTACT_PROVIDERS.includes(identity.provider));
}

function hasContact(event) {
  return contacts(event).length > 0;
}

/** A contact whose last date (added, or confirmed when later) is older than RECONFIRM_AFTER_DAYS, or unknown. */
function contactDue(event) {
  const days = Number(event.secrets.RECONFIRM_AFTER_DAYS);
  if (!(days > 0)) {
    return false;
  }
  const metadata = event.user.app_metadata || {};
  const added = metadata.enrolled_at || {};
  const confirmed = metadata.confirmed_at || {};
  const oldest = Date.now() - days * 24 * 60 * 60 * 1000;
  return contacts(event).some((identity) => {
    const id = identity.provider + '|' + identity.user_id;
    const times = [Date.parse(added[id]), Date.parse(confirmed[id])].filter((t) => !isNaN(t));
    return times.length === 0 || Math.max(...times) < oldest;
  });
}

function nudgeState(event) {
  const state = (event.user.app_metadata || {})[METADATA_KEY] || {};
  return {
    snoozed_until: typeof state.snoozed_until === 'string' ? state.snoozed_until : '',
    snoozes: Number.isInteger(state.snoozes) && state.snoozes >= 0 ? state.snoozes : 0,
  };
}

function requiredUrl(url) {
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
    throw new Error('the NUDGE_URL secret is not set');
  }
  return url;
}
