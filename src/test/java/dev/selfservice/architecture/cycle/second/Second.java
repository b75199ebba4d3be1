package dev.selfservice.architecture.cycle.second;

import dev.selfservice.architecture.cycle.first.First;

/** The other half of the test-only package cycle (see {@link First}). */
public class Second {

    public First back() {
        return new First();
    }
}
