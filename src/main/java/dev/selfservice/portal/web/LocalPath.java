package dev.selfservice.portal.web;

import java.util.regex.Pattern;

/** A path of this portal, in the characters a path of ours has: nothing that could leave the site or split a header. */
public final class LocalPath {

    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_.~?=&%-]{0,198}");

    private LocalPath() {
    }

    public static boolean isLocal(String path) {
        return path != null && LOCAL_PATH.matcher(path).matches();
    }

    /** The path if it is one of ours, else the start page. */
    public static String orHome(String path) {
        return isLocal(path) ? path : "/";
    }
}
