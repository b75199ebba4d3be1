package dev.selfservice.portal.home;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.selfservice.portal.contact.Contact;
import dev.selfservice.portal.enrolment.EnrolmentService;
import dev.selfservice.portal.signin.CurrentEmployee;
import dev.selfservice.portal.signin.SignedInEmployee;
import dev.selfservice.portal.signin.StaffRoles;
import io.quarkus.security.identity.SecurityIdentity;
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
                int confirmationsDue, String helpdesk, boolean staffHelpdesk, boolean staffReports);
    }

    private final CurrentEmployee current;
    private final EnrolmentService enrolment;
    private final dev.selfservice.portal.PortalConfig config;
    private final SecurityIdentity identity;

    public AccountResource(CurrentEmployee current, EnrolmentService enrolment, dev.selfservice.portal.PortalConfig config,
            SecurityIdentity identity) {
        this.identity = identity;
        this.config = config;
        this.current = current;
        this.enrolment = enrolment;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance account() {
        SignedInEmployee employee = current.get();
        Optional<List<Contact>> contacts = contacts(employee);
        return Templates.account(employee, contacts.isPresent(), contacts.map(List::size).orElse(0),
                (int) contacts.orElse(List.of()).stream().filter(Contact::confirmationDue).count(),
                dev.selfservice.portal.web.Helpdesk.here(config), identity.hasRole(StaffRoles.HELPDESK),
                identity.hasRole(StaffRoles.REPORTS));
    }

    /** The contacts, or nothing when Auth0 cannot say now: the page then leaves their lines out. */
    private Optional<List<Contact>> contacts(SignedInEmployee employee) {
        try {
            return Optional.of(enrolment.contacts(employee));
        } catch (Refusal e) {
            return Optional.empty();
        }
    }
}
