package dev.herald.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operator action: a route that changes what Herald does (pause a channel, redrive, purge, start
 * or cancel a replay or a task). {@link AuditFilter} writes a line for every call of it, refused
 * ones included; {@code OperatorAuditTest} keeps every state-changing operator route so.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Audited {}
