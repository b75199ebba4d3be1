package dev.selfservice.portal.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/**
 * A third language that only the tests ship (LanguageAddedByAFileTest): a few texts, the rest falls back to English.
 * The product's languages are files beside msg_de.properties; this one is a localized interface because a second
 * {@code messages/} folder in the test resources would hide the product's (Qute reads the first it finds).
 */
@Localized("fr")
public interface FrenchMessages extends Messages {

    @Override
    @Message("Libre-service des mots de passe")
    String app_name();

    @Override
    @Message("Retrouvez l'accès à votre compte de travail")
    String landing_title();
}
