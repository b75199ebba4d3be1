package dev.selfservice.portal.home;

import java.util.OptionalInt;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.selfservice.portal.enrolment.EnrolmentService;
import dev.selfservice.portal.signin.CurrentEmployee;
import dev.selfservice.portal.signin.SignedInEmployee;
import dev.selfservice.portal.web.Refusal;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The signed-in employee's home: who they are signed in as, whether they can recover the account (their recovery
 * contacts, with a nudge to add one when there is none), and the ways on.
 */
@Path("/account")
@Authenticated
public class AccountResource {

    @CheckedTemplate(basePath = "home")
    static class Templates {
        static native TemplateInstance account(SignedInEmployee employee, boolean contactsKnown, int contacts,
                String helpdesk);
    }

    private final CurrentEmployee current;
    private final EnrolmentService enrolment;
    private final dev.selfservice.portal.PortalConfig config;

    public AccountResource(CurrentEmployee current, EnrolmentService enrolment, dev.selfservice.portal.PortalConfig config) {
        this.config = config;
        this.current = current;
        this.enrolment = enrolment;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance account() {
        SignedInEmployee employee = current.get();
        OptionalInt contacts = contactCount(employee);
        return Templates.account(employee, contacts.isPresent(), contacts.orElse(0),
                dev.selfservice.portal.web.Helpdesk.here(config));
    }

    /** The count of contacts, or nothing when Auth0 cannot say now: the page then leaves the line out. */
    private OptionalInt contactCount(SignedInEmployee employee) {
        try {
            return OptionalInt.of(enrolment.contacts(employee).size());
        } catch (Refusal e) {
            return OptionalInt.empty();
        }
    }
}
