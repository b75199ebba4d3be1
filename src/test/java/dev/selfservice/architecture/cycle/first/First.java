package dev.selfservice.architecture.cycle.first;

import dev.selfservice.architecture.cycle.second.Second;

/** One half of a package cycle that exists only so that the architecture test can show it finds one. */
public class First {

    public Second next() {
        return new Second();
    }
}
