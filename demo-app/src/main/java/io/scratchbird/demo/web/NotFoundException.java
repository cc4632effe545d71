package io.scratchbird.demo.web;

/** A resource that does not exist: 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
