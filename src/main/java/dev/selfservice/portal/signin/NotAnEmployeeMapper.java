package dev.selfservice.portal.signin;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.selfservice.portal.web.ErrorPages;
import dev.selfservice.portal.web.Messages;

/** A non-AD identity on an employee page gets a 403 page that says to sign in with the work account. */
public class NotAnEmployeeMapper {

    private final Messages msg;

    public NotAnEmployeeMapper(@dev.selfservice.portal.web.PageLanguage.Current Messages msg) {
        this.msg = msg;
    }

    @ServerExceptionMapper
    public Response notAnEmployee(NotAnEmployeeException e) {
        return ErrorPages.page(403, msg.not_employee_title(), msg.not_employee_detail());
    }
}
