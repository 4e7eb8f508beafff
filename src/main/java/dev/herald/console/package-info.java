/**
 * The operator console at {@code /console/}: static pages, styles and JavaScript modules in the WAR
 * (src/main/webapp/console) that call the REST API, and the headers they are served with.
 */
package dev.herald.console;
