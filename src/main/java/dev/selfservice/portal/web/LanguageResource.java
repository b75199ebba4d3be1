package dev.selfservice.portal.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import dev.selfservice.portal.PortalConfig;
import io.quarkus.runtime.LaunchMode;

/**
 * {@code /language?to=de&back=/recovery}: the switcher. The choice is remembered for a year in a cookie that holds
 * nothing but the language, and the employee goes back to the page they were on (a path of this portal only).
 */
@Path("/language")
public class LanguageResource {

    private static final int A_YEAR = 365 * 24 * 3600;
    /** As the portal's other cookies: secure outside dev and test. */
    private final boolean secure = LaunchMode.current() == LaunchMode.NORMAL;
    private final PortalConfig config;

    public LanguageResource(PortalConfig config) {
        this.config = config;
    }

    @GET
    public Response choose(@QueryParam("to") String to, @QueryParam("back") String back) {
        List<Locale> supported = PageLanguage.supported(config);
        String language = supported.stream().map(Locale::getLanguage).filter(l -> l.equals(to)).findFirst()
                .orElse(supported.get(0).getLanguage());
        NewCookie cookie = new NewCookie.Builder(PageLanguage.COOKIE).value(language).path("/").maxAge(A_YEAR)
                .httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(LocalPath.orHome(back))).cookie(cookie).build();
    }
}
