package dev.selfservice.portal.nudge;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The nudge pages' newer words (templates: {@code {nudge:...}}; German in {@code messages/nudge_de.properties}), a
 * bundle of their own: the main bundle {@code msg} must stay under 300 messages, past which Qute's generated resolver
 * loses some ({@code MessageBundlesResolveEveryMessageTest} guards it).
 */
@MessageBundle("nudge")
public interface NudgeMessages {

    @Message("Is this still yours?")
    String still_yours_title();

    @Message("{#if count == 1}Your recovery contact was{#else}Your recovery contacts were{/if} added or last confirmed long ago. If one no longer reaches you, it cannot help you back in when you forget your password or get locked out. A code sent to it shows that it still does; nothing else changes.")
    String still_yours_intro(int count);

    @Message("No longer yours?")
    String not_mine_title();

    @Message("Add one that reaches you now. Nothing is removed: the old one stays on your account until you remove it yourself in this portal, under your recovery contacts.")
    String not_mine_hint();

    @Message("Add another contact")
    String not_mine_add();

    @Message("We will ask again when you sign in after {date}, in {days} days.")
    String later_until(String date, long days);

    @Message("Taking you back")
    String back_title();

    @Message("You are going on to where you were signing in. If nothing happens, use the link.")
    String back_hint();

    @Message("Continue")
    String back_continue();
}
