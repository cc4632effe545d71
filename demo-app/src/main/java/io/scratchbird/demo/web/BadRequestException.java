package io.scratchbird.demo.web;

/** Input a request parameter cannot take: 400 naming the parameter. */
public class BadRequestException extends RuntimeException {

    private final String field;

    public BadRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
