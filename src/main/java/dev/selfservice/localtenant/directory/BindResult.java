package dev.selfservice.localtenant.directory;

import java.util.Optional;

/**
 * The outcome of binding as a user. On failure only the AD sub-code is known: AD says nothing else, and an unknown
 * user fails exactly like a wrong password.
 */
public record BindResult(Optional<DirectoryEntry> entry, Optional<AdBindCode> failure) {

    public static BindResult success(DirectoryEntry entry) {
        return new BindResult(Optional.of(entry), Optional.empty());
    }

    public static BindResult failed(AdBindCode code) {
        return new BindResult(Optional.empty(), Optional.of(code));
    }

    public boolean succeeded() {
        return entry.isPresent();
    }
}
