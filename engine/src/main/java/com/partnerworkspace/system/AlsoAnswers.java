package com.partnerworkspace.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem answer an API operation gives beyond the ones every operation has (e.g. 409, 410): it is
 * documented as problem+json in the OpenAPI document, beside the operation's own success answer.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(AlsoAnswers.List.class)
public @interface AlsoAnswers {

    int status();

    String description();

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        AlsoAnswers[] value();
    }
}
