package dev.selfservice.portal.web;

/**
 * One kind of sealed state (a step's cookie, an outbox entry): its name, the version of its fields and the record that
 * holds them. The name chooses the sealing key (HKDF of the session secret for this name), so a value of one kind opens
 * as no other; the name and version also travel inside the sealed value, and a value of another version opens as
 * nothing (the step starts again). Raise the version when the record's fields change in meaning or shape: only this
 * kind's values in browsers then start again, every other kind's stay good.
 */
public record StateKind<T extends Record>(String name, int version, Class<T> type) {

    public StateKind {
        if (name == null || name.isBlank() || version < 0 || type == null) {
            throw new IllegalArgumentException("a state kind needs a name, a version from 0 and a record type");
        }
    }
}
