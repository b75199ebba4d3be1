package dev.selfservice.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a JWT's claims without checking it, for tests that only look at what the tenant issued. */
public final class Jwts {

    private Jwts() {
    }

    public static Map<String, Object> claims(String jwt) {
        try {
            byte[] json = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
            return new ObjectMapper().readValue(new String(json, StandardCharsets.UTF_8), new TypeReference<>() {
            });
        } catch (Exception e) {
            throw new AssertionError("not a JWT", e);
        }
    }

    public static String subject(String jwt) {
        return (String) claims(jwt).get("sub");
    }
}
